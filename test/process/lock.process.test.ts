// Must be true #3: a second `custodiet serve` on one data directory is refused with a clear
// message; after kill -9 the next start works and nothing committed is lost. Real processes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { verifyAuditChain } from '../../src/audit/chain.ts';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { childEnv, exited, runCli, startCli } from '../helpers/cli.ts';

test(
  'one data directory, one process: refusal, kill -9, recovery, no lost commits',
  { timeout: 240_000 },
  async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-crash-'));
    // The lock protects the embedded database, so this test always uses PGlite.
    const env = childEnv({ DATA_DIR: dataDir, DATABASE_URL: undefined, PORT: '0' });

    const first = await startCli(['serve', '--demo'], env, /listening on (http:\/\/\S+)/);
    const home = await fetch(first.match[1]!);
    assert.equal(home.status, 200);

    const second = await runCli(['serve'], env);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /locked by another Custodiet process/);
    assert.ok(second.stderr.includes(path.join(dataDir, 'custodiet.lock')), 'names the lock file');
    assert.ok(second.stderr.includes(`pid ${first.child.pid}`), 'names the process holding it');

    first.child.kill('SIGKILL');
    await exited(first.child);
    assert.ok(fs.existsSync(path.join(dataDir, 'custodiet.lock')), 'kill -9 leaves the lock file behind');

    // A writer recovers the stale lock, commits, and is itself killed mid-stream.
    const writer = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/process/writer.ts')], {
      env,
    });
    const committed: string[] = [];
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      writer.stderr.on('data', (d) => process.stderr.write(d));
      writer.stdout.on('data', (d: Buffer) => {
        buffer += d;
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const l of lines) if (l.startsWith('committed ')) committed.push(l.slice(10));
        if (committed.length >= 25) resolve();
      });
      writer.on('exit', (code) => reject(new Error(`writer exited early (${code})`)));
    });
    writer.kill('SIGKILL');
    await exited(writer);

    const third = await startCli(['serve'], env, /listening on (http:\/\/\S+)/);
    const res = await fetch(third.match[1]!);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Police misconduct records/);
    third.child.kill('SIGTERM');
    assert.equal(await exited(third.child), 0, 'a graceful stop exits 0');
    assert.equal(
      fs.existsSync(path.join(dataDir, 'custodiet.lock')),
      false,
      'a graceful stop releases the lock',
    );

    const database = await openDatabase(loadConfig(env), 'test-check');
    try {
      const found = await database.db
        .selectFrom('incidents')
        .select('id')
        .where('id', 'in', committed)
        .execute();
      assert.equal(
        found.length,
        committed.length,
        `all ${committed.length} acknowledged commits survived kill -9`,
      );
      assert.equal((await verifyAuditChain(database.db)).broken, null, 'the audit chain is intact');
    } finally {
      await database.close();
    }
  },
);
