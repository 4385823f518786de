// `npm run bench -- import`: imports a generated 1M-row file shaped like CPDP's accused table
// through the real `cpdp-accused` format (validation, officers, placeholder complaints,
// allegations, findings, penalties, provenance — all in one transaction) and, in the same run and
// database, a raw COPY of the same file into a plain table of text columns: the fastest the
// database can take these bytes in. Both on PGlite (a data directory on disk, as the app runs it)
// and on PostgreSQL when DATABASE_URL (or PG_URL) is set. BENCH_ROWS changes the size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from '../src/db/kysely.ts';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { kyselyForPglite, kyselyForPostgres, PGLITE_EXTENSIONS, type Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrations.ts';
import { runImport } from '../src/imports/framework.ts';
import { cpdpAccused } from '../src/imports/formats/cpdp/accused.ts';
import { ACCUSED_HEADER, writeAccusedFile } from './chicago-accused.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RAW_TABLE = sql`CREATE TABLE raw_accused (${sql.raw(ACCUSED_HEADER.map((c) => `"${c}" text`).join(', '))})`;

interface Target {
  backend: string;
  db: Db;
  copy(file: string): Promise<void>;
  close(): Promise<void>;
}

async function pgliteTarget(dir: string): Promise<Target> {
  const lite = await PGlite.create({ dataDir: path.join(dir, 'pglite'), extensions: PGLITE_EXTENSIONS });
  const db = kyselyForPglite(lite);
  return {
    backend: 'pglite',
    db,
    copy: async (file) => {
      await lite.query(`COPY raw_accused FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob([fs.readFileSync(file)]),
      });
    },
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}

async function postgresTarget(adminUrl: string): Promise<Target> {
  const name = `custodiet_bench_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = kyselyForPostgres(u.toString(), 2);
  return {
    backend: 'postgres',
    db,
    copy: async (file) => {
      const client = new pg.Client({ connectionString: u.toString() });
      await client.connect();
      try {
        await pipeline(
          fs.createReadStream(file),
          client.query(copyFrom(`COPY raw_accused FROM STDIN WITH (FORMAT csv, HEADER true)`)),
        );
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await db.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await fn();
  return [out, (performance.now() - t0) / 1000];
}

async function measure(target: Target, file: string) {
  await migrate(target.db);
  await RAW_TABLE.execute(target.db);
  const [, copySecs] = await timed(() => target.copy(file));
  const copied = await sql<{ n: string }>`SELECT count(*) AS n FROM raw_accused`.execute(target.db);
  await sql`DROP TABLE raw_accused`.execute(target.db);
  const [report, importSecs] = await timed(() =>
    runImport(target.db, cpdpAccused, file, { actor: 'bench:import' }),
  );
  if (report.status !== 'imported')
    throw new Error(`import ${report.status}: ${JSON.stringify(report.errors[0])}`);
  const { rows } = await sql<{ allegations: string; incidents: string; officers: string }>`SELECT
    (SELECT count(*) FROM allegations) AS allegations, (SELECT count(*) FROM incidents) AS incidents,
    (SELECT count(*) FROM officers) AS officers`.execute(target.db);
  const copyRate = Number(copied.rows[0]!.n) / copySecs;
  const importRate = report.rows / importSecs;
  const figures = {
    rows: report.rows,
    copySeconds: round(copySecs),
    copyRowsPerSecond: Math.round(copyRate),
    importSeconds: round(importSecs),
    importRowsPerSecond: Math.round(importRate),
    importShareOfCopy: round(importRate / copyRate, 3),
    written: {
      allegations: Number(rows[0]!.allegations),
      incidents: Number(rows[0]!.incidents),
      officers: Number(rows[0]!.officers),
    },
    records: report.records,
  };
  console.log(
    `${target.backend.padEnd(8)} COPY ${fmt(copyRate)} rows/s (${round(copySecs)} s) · import ${fmt(importRate)} rows/s ` +
      `(${round(importSecs)} s) = ${(100 * figures.importShareOfCopy).toFixed(1)}% of COPY`,
  );
  return figures;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

/** The import benchmark: figures per backend. */
export async function importBenchmark(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-bench-import-'));
  try {
    const file = path.join(dir, 'complaints-accused.csv');
    const [shape, genSecs] = await timed(() => writeAccusedFile(file, ROWS));
    const bytes = fs.statSync(file).size;
    console.log(
      `Generated ${fmt(ROWS)} rows (${(bytes / 2 ** 20).toFixed(0)} MiB, ${shape.officers} officers) in ${round(genSecs)} s`,
    );
    const out: Record<string, unknown> = { file: { rows: ROWS, bytes, ...shape } };
    const lite = await pgliteTarget(dir);
    try {
      out.pglite = await measure(lite, file);
    } finally {
      await lite.close();
    }
    const url = process.env.DATABASE_URL || process.env.PG_URL;
    if (url) {
      const pgt = await postgresTarget(url);
      try {
        out.postgres = await measure(pgt, file);
      } finally {
        await pgt.close();
      }
    } else console.log('postgres skipped: set DATABASE_URL (or PG_URL) to measure PostgreSQL too');
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
