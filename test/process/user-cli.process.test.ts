// `custodiet user add` through the real binary, then signing in with the account it made.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/http/logger.ts';
import { childEnv, runCli } from '../helpers/cli.ts';
import { createPostgresDatabase, TEST_BACKEND, type TestDatabase } from '../helpers/db.ts';
import { signIn } from '../helpers/editor.ts';

describe('custodiet user add', () => {
  let pg: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;
  before(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-user-'));
    if (TEST_BACKEND === 'postgres') {
      pg = await createPostgresDatabase();
      env = childEnv({ DATABASE_URL: pg.url, DATA_DIR: dataDir });
    } else env = childEnv({ DATA_DIR: dataDir, DATABASE_URL: undefined });
  });
  after(() => pg?.close());

  test(
    'creates accounts that can sign in; the password comes from stdin or is generated once',
    { timeout: 120_000 },
    async () => {
      const piped = await runCli(
        [
          'user',
          'add',
          '--email',
          'Editor@Example.org',
          '--name',
          'Ed Itor',
          '--role',
          'editor',
          '--password-stdin',
        ],
        env,
        'a long enough passphrase\n',
      );
      assert.equal(piped.code, 0, piped.stderr);
      assert.match(piped.stdout, /Created editor account editor@example\.org/);
      assert.doesNotMatch(piped.stdout, /a long enough passphrase/);

      const generated = await runCli(
        ['user', 'add', '--email', 'admin@example.org', '--name', 'Ad Min', '--role', 'admin'],
        env,
      );
      assert.equal(generated.code, 0, generated.stderr);
      const password = /Password \(shown once, store it safely\): (\S+)/.exec(generated.stdout)?.[1];
      assert.ok(password && password.length >= 20, 'a strong generated password is printed');

      const duplicate = await runCli(
        ['user', 'add', '--email', 'admin@example.org', '--name', 'X', '--role', 'admin'],
        env,
      );
      assert.equal(duplicate.code, 1);
      assert.match(duplicate.stderr, /CUS_CONFLICT/);
      const badRole = await runCli(
        ['user', 'add', '--email', 'r@example.org', '--name', 'R', '--role', 'overlord'],
        env,
      );
      assert.equal(badRole.code, 1);
      assert.match(badRole.stderr, /CUS_VALIDATION/);
      assert.equal((await runCli(['user', 'add', '--name', 'No Email', '--role', 'editor'], env)).code, 2);
      const short = await runCli(
        ['user', 'add', '--email', 's@example.org', '--name', 'S', '--role', 'editor', '--password-stdin'],
        env,
        'short',
      );
      assert.equal(short.code, 1);
      assert.match(short.stderr, /at least 12 characters/);

      const database = await openDatabase(loadConfig(env), 'test-user-cli');
      try {
        const app = createApp({ db: database.db, backend: database.backend, logger: createLogger('silent') });
        assert.ok((await signIn(app, 'editor@example.org', 'a long enough passphrase')).session);
        assert.ok((await signIn(app, 'admin@example.org', password!)).session);
        assert.equal((await signIn(app, 'admin@example.org', 'wrong password!!')).session, undefined);
        const stored = await database.db
          .selectFrom('users')
          .select(['role', 'password_hash'])
          .orderBy('email')
          .execute();
        assert.deepEqual(
          stored.map((u) => u.role),
          ['admin', 'editor'],
        );
        assert.ok(stored.every((u) => u.password_hash.startsWith('$scrypt$')));
        const audit = await database.db
          .selectFrom('audit_log')
          .select(['actor', 'action', 'diff'])
          .where('entity_type', '=', 'users')
          .where('action', 'like', 'user.%')
          .execute();
        assert.equal(audit.length, 2);
        assert.ok(audit.every((a) => a.actor === 'cli:user' && a.action === 'user.create'));
        assert.ok(!JSON.stringify(audit).includes('$scrypt$'), 'the hash never reaches the audit log');
      } finally {
        await database.close();
      }
    },
  );
});
