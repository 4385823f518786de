// The load benchmark's baseline: a bare node:http server that answers each recorded URL by
// running the very SQL the app ran for it, straight on the driver (PGlite's own query method, or
// a pg pool), and rendering the rows as a plain HTML table (or JSON for /api/ URLs) with no
// framework, templates, validation or ETag. Usage: tsx bench/baseline-server.ts queries.json
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';

const recorded = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Record<
  string,
  { sql: string; parameters: unknown[] }[]
>;
const url = process.env.DATABASE_URL || undefined;
type Run = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
let run: Run;
let close: () => Promise<void>;
if (url) {
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c TimeZone=UTC' });
  run = async (text, params) => (await pool.query(text, params)).rows;
  close = () => pool.end();
} else {
  const database = await openDatabase(
    { dataDir: process.env.DATA_DIR!, databaseUrl: undefined },
    'bench-baseline',
  );
  const lite = database.pglite!;
  run = async (text, params) => (await lite.query<Record<string, unknown>>(text, params)).rows;
  close = () => database.close();
}

const escape = (v: unknown) =>
  String(
    v instanceof Date ? v.toISOString() : typeof v === 'object' && v !== null ? JSON.stringify(v) : v,
  ).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function html(results: Record<string, unknown>[][]): string {
  let out = '<!DOCTYPE html><html><body>';
  for (const rows of results) {
    out += '<table>';
    for (const r of rows)
      out += `<tr>${Object.values(r)
        .map((v) => `<td>${escape(v)}</td>`)
        .join('')}</tr>`;
    out += '</table>';
  }
  return `${out}</body></html>`;
}

// The app runs some of a page's queries concurrently; with one PGlite connection they queue
// anyway, and on PostgreSQL the baseline sends them all at once (the fastest it could be).
const server = http.createServer((req, res) => {
  const queries = recorded[req.url ?? ''];
  if (!queries) return void res.writeHead(404).end();
  const all = url
    ? Promise.all(queries.map((q) => run(q.sql, q.parameters)))
    : queries.reduce<Promise<Record<string, unknown>[][]>>(
        async (acc, q) => [...(await acc), await run(q.sql, q.parameters)],
        Promise.resolve([]),
      );
  all.then(
    (results) => {
      const api = req.url!.startsWith('/api/');
      res.writeHead(200, { 'content-type': api ? 'application/json' : 'text/html; charset=utf-8' });
      res.end(api ? JSON.stringify(results) : html(results));
    },
    (err: Error) => res.writeHead(500).end(err.message),
  );
});
server.listen(0, '127.0.0.1', () => {
  console.log(`baseline listening on http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
const stop = () => server.close(() => void close().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
