import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  test('defaults: embedded database in ./data, 127.0.0.1:3000, blobs inside the data directory', () => {
    const c = loadConfig({}, '/srv/app');
    assert.equal(c.dataDir, '/srv/app/data');
    assert.equal(c.blobDir, '/srv/app/data/blobs');
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.port, 3000);
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.publicUrl, 'http://127.0.0.1:3000');
  });

  test('reads every variable', () => {
    const c = loadConfig(
      {
        DATA_DIR: 'd',
        DATABASE_URL: 'postgres://u@db/x',
        PORT: '8080',
        HOST: '0.0.0.0',
        BLOB_DIR: '/b',
        PUBLIC_URL: 'https://c.example.org/',
        LOG_LEVEL: 'error',
        CONTACT_EMAIL: 'corrections@c.example.org',
        CAPTURE_TIMEOUT_MS: '5000',
        CAPTURE_MAX_BYTES: '1000000',
        CAPTURE_MAX_REDIRECTS: '2',
        CAPTURE_ALLOW_PRIVATE: 'true',
      },
      '/w',
    );
    assert.deepEqual(c, {
      dataDir: '/w/d',
      databaseUrl: 'postgres://u@db/x',
      port: 8080,
      host: '0.0.0.0',
      blobDir: '/b',
      publicUrl: 'https://c.example.org',
      logLevel: 'error',
      contactEmail: 'corrections@c.example.org',
      capture: { timeoutMs: 5000, maxBytes: 1_000_000, maxRedirects: 2, allowPrivate: true },
      originals: { keyBase64: undefined, keyFile: '/w/d/keys/originals.key' },
    });
    assert.throws(() => loadConfig({ ORIGINALS_KEY: 'c2hvcnQ=' }), /ORIGINALS_KEY: must be 32 random bytes/);
  });

  test('captures refuse private addresses unless CAPTURE_ALLOW_PRIVATE is exactly true', () => {
    assert.equal(loadConfig({}).capture.allowPrivate, false);
    assert.deepEqual(loadConfig({}).capture, {
      timeoutMs: 20_000,
      maxBytes: 25 * 1024 * 1024,
      maxRedirects: 5,
      allowPrivate: false,
    });
    assert.throws(
      () => loadConfig({ CAPTURE_ALLOW_PRIVATE: 'yes' }),
      /CAPTURE_ALLOW_PRIVATE: must be true or false/,
    );
    assert.throws(
      () => loadConfig({ CAPTURE_MAX_REDIRECTS: '0' }),
      /CAPTURE_MAX_REDIRECTS: must be between 1 and 20/,
    );
  });

  test('CONTACT_EMAIL is optional, and must be an email address when given', () => {
    assert.equal(loadConfig({}).contactEmail, undefined);
    assert.equal(loadConfig({ CONTACT_EMAIL: ' ' }).contactEmail, undefined);
    assert.equal(loadConfig({ CONTACT_EMAIL: ' reply@example.org ' }).contactEmail, 'reply@example.org');
    for (const bad of ['not-an-email', 'a@b', '<script>@x.org', 'javascript:alert(1)//@x.org'])
      assert.throws(() => loadConfig({ CONTACT_EMAIL: bad }), /CONTACT_EMAIL: must be an email address/, bad);
  });

  test('an empty DATABASE_URL means the embedded database', () => {
    assert.equal(loadConfig({ DATABASE_URL: '' }).databaseUrl, undefined);
  });

  test('invalid values are all reported at once, by name', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
      (e: ConfigError) => {
        assert.ok(e instanceof ConfigError);
        assert.equal(e.problems.length, 3);
        assert.match(e.message, /PORT: must be a number/);
        assert.match(e.message, /DATABASE_URL: must start with postgres:\/\//);
        assert.match(e.message, /LOG_LEVEL/);
        return true;
      },
    );
    assert.throws(() => loadConfig({ PORT: '70000' }), /PORT: must be between 0 and 65535/);
  });
});
