// Must be true #2 and #3 of the submissions issue, end to end: the real server, real HTTP from a
// distinctive client address, then a search of the whole database, every stored file (blobs and,
// on PGlite, the raw data directory) and everything the server logged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { childEnv, exited, runCli, startCli } from '../helpers/cli.ts';
import { createPostgresDatabase, TEST_BACKEND, type TestDatabase } from '../helpers/db.ts';
import { containsText, dumpDatabase, filesUnder } from '../helpers/dump.ts';
import { JPEG } from '../helpers/upload-fixtures.ts';

// The whole 127/8 block is loopback on Linux, so the client can speak from an address that
// appears nowhere else; proxies' headers carry two more, and the browser string a fourth.
const CLIENT = '127.66.77.88';
const FORWARDED = '198.51.100.23';
const REAL_IP = '203.0.113.77';
const AGENT = 'CanaryBrowser/9.9 (X11; Leaky)';
const PLAIN = 'Constable Featherstonehaugh struck the handcuffed man at Tooting Bec';
const REPLY = 'He did it again on the way to the van, witnessed by PC Oakenshield';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-privacy-'));

interface Sent {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request over a real socket bound to CLIENT, with the leaky headers. */
async function send(
  base: string,
  route: string,
  init: { method?: string; body?: FormData | URLSearchParams; cookie?: string } = {},
): Promise<Sent> {
  const req = new Request(base + route, { method: init.method ?? 'GET', body: init.body ?? null });
  const bytes = Buffer.from(await req.arrayBuffer());
  const url = new URL(base + route);
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: req.method,
        localAddress: CLIENT,
        headers: {
          'user-agent': AGENT,
          'x-forwarded-for': FORWARDED,
          'x-real-ip': REAL_IP,
          forwarded: `for=${FORWARDED}`,
          ...(init.body
            ? { 'content-type': req.headers.get('content-type')!, 'content-length': String(bytes.length) }
            : {}),
          ...(init.cookie ? { cookie: init.cookie } : {}),
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    r.on('error', reject);
    r.end(bytes);
  });
}

describe('a submission leaves no trace of the sender', () => {
  let pg: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  before(async () => {
    dataDir = tmp();
    const common = {
      DATA_DIR: dataDir,
      BLOB_DIR: path.join(dataDir, 'blobs'),
      LOG_LEVEL: 'debug',
      PORT: '0',
      HOST: '127.0.0.1',
    };
    if (TEST_BACKEND === 'postgres') {
      pg = await createPostgresDatabase();
      env = childEnv({ ...common, DATABASE_URL: pg.url });
    } else env = childEnv({ ...common, DATABASE_URL: undefined });
  });
  after(async () => {
    await pg?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('no address, agent or plain text in any table, file or log line', { timeout: 180_000 }, async () => {
    const made = await runCli(
      ['moderation-key', 'create', '--passphrase-stdin'],
      env,
      'a long moderation passphrase',
    );
    assert.equal(made.code, 0, made.stderr);
    const server = await startCli(['serve'], env, /listening on (http:\/\/\S+)/);
    const base = server.match[1]!.replace(/\/$/, '');
    try {
      const form = new FormData();
      form.set('whatHappened', PLAIN);
      form.set('place', 'Tooting Bec Common');
      form.append('files', new Blob([JPEG], { type: 'image/jpeg' }), 'evidence.jpg');
      const sent = await send(base, '/submit/report', { method: 'POST', body: form });
      assert.equal(sent.status, 201, sent.body.slice(0, 500));
      assert.equal(sent.headers['set-cookie'], undefined, 'the report sets no cookie');
      const codename = /<p class="codename" id="codename"><strong>([a-z -]+)<\/strong>/.exec(sent.body)?.[1];
      assert.ok(codename, 'the codename is shown');
      const opened = await send(base, '/submit/inbox', {
        method: 'POST',
        body: new URLSearchParams({ codename }),
      });
      assert.equal(opened.status, 303);
      const cookie = String(opened.headers['set-cookie']).split(';')[0]!;
      const inbox = await send(base, '/submit/inbox', { cookie });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(inbox.body)?.[1] ?? '';
      const reply = new FormData();
      reply.set('_csrf', csrf);
      reply.set('text', REPLY);
      assert.equal(
        (await send(base, '/submit/inbox/reply', { method: 'POST', body: reply, cookie })).status,
        201,
      );
      assert.equal((await send(base, '/submit/no-such-page')).status, 404, 'an error is logged too');
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    const logs = server.output();
    assert.match(logs, /"path":"\/submit\/report"/, 'the access log was captured');

    const database = await openDatabase(loadConfig(env), 'test-dump');
    let dump: string;
    try {
      dump = await dumpDatabase(database.db);
    } finally {
      await database.close();
    }
    // The raw data directory (PGlite's files; on PostgreSQL only blobs and keys live there).
    const files = filesUnder(dataDir);
    assert.ok(
      files.some((f) => f.file.includes('blobs')),
      'sealed blobs were written',
    );
    for (const needle of [
      CLIENT,
      FORWARDED,
      REAL_IP,
      AGENT,
      PLAIN,
      REPLY,
      'Tooting Bec Common',
      'evidence.jpg',
    ]) {
      assert.equal(containsText(dump, needle), false, `the database holds "${needle}"`);
      assert.equal(logs.includes(needle), false, `the logs hold "${needle}"`);
      for (const f of files)
        assert.equal(containsText(f.bytes, needle), false, `${f.file} holds "${needle}"`);
    }
  });
});
