// `custodiet token create|list|revoke` through the real binary, then the token against the app.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../src/config/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/http/logger.ts';
import { backendEnv, runCli } from '../helpers/cli.ts';

describe('custodiet token', () => {
  let env: NodeJS.ProcessEnv;
  let close: () => Promise<void>;
  before(async () => ({ env, close } = await backendEnv('custodiet-token-')));
  after(() => close());

  test(
    'create prints the token once, list never shows it, revoke ends it',
    { timeout: 400_000 },
    async () => {
      const user = await runCli(
        ['user', 'add', '--email', 'bot@example.org', '--name', 'Bot Owner', '--role', 'editor'],
        env,
      );
      assert.equal(user.code, 0, user.stderr);
      const bad = await runCli(
        ['token', 'create', '--user', 'bot@example.org', '--name', 'x', '--scope', 'write:everything'],
        env,
      );
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /Unknown scope\(s\): write:everything/);
      const nobody = await runCli(
        ['token', 'create', '--user', 'nobody@example.org', '--name', 'x', '--scope', 'read:drafts'],
        env,
      );
      assert.equal(nobody.code, 1);

      const made = await runCli(
        [
          'token',
          'create',
          '--user',
          'bot@example.org',
          '--name',
          'Importer',
          '--scope',
          'read:drafts',
          '--scope',
          'write:sources',
          '--expires-days',
          '30',
        ],
        env,
      );
      assert.equal(made.code, 0, made.stderr);
      const token = /Token \(shown once, store it safely\): (cus_[A-Za-z0-9_-]{43})/.exec(made.stdout)?.[1];
      const id = /Created API token ([0-9a-f-]{36})/.exec(made.stdout)?.[1];
      assert.ok(token && id);

      const listed = await runCli(['token', 'list', '--user', 'bot@example.org'], env);
      assert.equal(listed.code, 0, listed.stderr);
      assert.match(
        listed.stdout,
        new RegExp(
          `${id}  ${token.slice(0, 12)}…  Importer  \\(Bot Owner\\)  read:drafts,write:sources  active, never used`,
        ),
      );
      assert.ok(!listed.stdout.includes(token.slice(12)), 'the list never shows the secret part');

      const use = async () => {
        const database = await openDatabase(loadConfig(env), 'test');
        try {
          const app = createApp({
            db: database.db,
            backend: database.backend,
            logger: createLogger('silent'),
          });
          return (
            await app.request('/api/v1/records/sources', { headers: { authorization: `Bearer ${token}` } })
          ).status;
        } finally {
          await database.close();
        }
      };
      assert.equal(await use(), 200);
      const revoked = await runCli(['token', 'revoke', id], env);
      assert.equal(revoked.code, 0, revoked.stderr);
      assert.match(revoked.stdout, /Revoked API token/);
      assert.match((await runCli(['token', 'revoke', id], env)).stdout, /already revoked/);
      assert.equal(await use(), 401);
      assert.match((await runCli(['token', 'list'], env)).stdout, /revoked .*, last used/);
    },
  );
});
