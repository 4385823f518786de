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
    assert.equal(c.publicUrlGiven, false);
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
        MATCH_AUTO_MERGE: 'false',
        PATTERNS_REFRESH_MINUTES: '30',
        API_RATE_LIMIT: '60',
        API_TOKEN_RATE_LIMIT: '0',
        TRUST_PROXY: 'true',
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
      publicUrlGiven: true,
      logLevel: 'error',
      contactEmail: 'corrections@c.example.org',
      capture: { timeoutMs: 5000, maxBytes: 1_000_000, maxRedirects: 2, allowPrivate: true, worker: true },
      originals: { keyBase64: undefined, keyFile: '/w/d/keys/originals.key' },
      receipts: { keyBase64: undefined, keyFile: '/w/d/keys/receipts.key' },
      exports: { keyBase64: undefined, keyFile: '/w/d/keys/exports.key' },
      matching: { autoMerge: false },
      patternsRefreshMinutes: 30,
      api: { rateLimit: 60, tokenRateLimit: 0, trustProxy: true },
      searchCacheSeconds: 30,
    });
    assert.throws(
      () => loadConfig({ PATTERNS_REFRESH_MINUTES: '0' }),
      /PATTERNS_REFRESH_MINUTES: must be between 1 and 1440/,
    );
    assert.throws(() => loadConfig({ API_RATE_LIMIT: '-1' }), /API_RATE_LIMIT: must be 0 \(off\) or more/);
    assert.throws(() => loadConfig({ ORIGINALS_KEY: 'c2hvcnQ=' }), /ORIGINALS_KEY: must be 32 random bytes/);
    assert.throws(
      () => loadConfig({ RECEIPT_SIGNING_KEY: 'c2hvcnQ=' }),
      /RECEIPT_SIGNING_KEY: must be 32 random bytes/,
    );
    const seed = Buffer.alloc(32, 7).toString('base64');
    assert.equal(loadConfig({ RECEIPT_SIGNING_KEY: ` ${seed} ` }).receipts.keyBase64, seed);
    assert.throws(
      () => loadConfig({ EXPORT_SIGNING_KEY: 'c2hvcnQ=' }),
      /EXPORT_SIGNING_KEY: must be 32 random bytes/,
    );
    assert.equal(loadConfig({ EXPORT_SIGNING_KEY: seed }).exports.keyBase64, seed);
  });

  test('captures refuse private addresses unless CAPTURE_ALLOW_PRIVATE is exactly true', () => {
    assert.equal(loadConfig({}).capture.allowPrivate, false);
    assert.deepEqual(loadConfig({}).capture, {
      timeoutMs: 20_000,
      maxBytes: 25 * 1024 * 1024,
      maxRedirects: 5,
      allowPrivate: false,
      worker: true,
    });
    assert.equal(loadConfig({ CAPTURE_WORKER: 'false' }).capture.worker, false);
    assert.throws(
      () => loadConfig({ CAPTURE_ALLOW_PRIVATE: 'yes' }),
      /CAPTURE_ALLOW_PRIVATE: must be true or false/,
    );
    assert.throws(
      () => loadConfig({ CAPTURE_MAX_REDIRECTS: '0' }),
      /CAPTURE_MAX_REDIRECTS: must be between 1 and 20/,
    );
  });

  test('MATCH_AUTO_MERGE is on unless exactly false, and anything else is refused', () => {
    assert.equal(loadConfig({}).matching.autoMerge, true);
    assert.equal(loadConfig({ MATCH_AUTO_MERGE: 'false' }).matching.autoMerge, false);
    assert.throws(() => loadConfig({ MATCH_AUTO_MERGE: 'no' }), /MATCH_AUTO_MERGE: must be true or false/);
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

  test('no S3_BUCKET: no s3 settings, blobs stay in BLOB_DIR', () => {
    assert.equal('s3' in loadConfig({}), false);
    assert.equal('s3' in loadConfig({ S3_BUCKET: ' ' }), false);
  });

  test('S3_BUCKET alone: AWS S3 in us-east-1, virtual-hosted style, default credentials, no prefix', () => {
    assert.deepEqual(loadConfig({ S3_BUCKET: 'custodiet-blobs' }).s3, {
      bucket: 'custodiet-blobs',
      region: 'us-east-1',
      endpoint: undefined,
      accessKeyId: undefined,
      secretAccessKey: undefined,
      forcePathStyle: false,
      prefix: '',
    });
  });

  test('reads every S3 variable; an endpoint means path-style unless S3_FORCE_PATH_STYLE says otherwise', () => {
    const env = {
      S3_BUCKET: 'b',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_REGION: 'eu-west-2',
      S3_ACCESS_KEY_ID: 'AKID',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_PREFIX: 'custodiet',
    };
    assert.deepEqual(loadConfig(env).s3, {
      bucket: 'b',
      region: 'eu-west-2',
      endpoint: 'http://127.0.0.1:9000',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      forcePathStyle: true,
      prefix: 'custodiet/',
    });
    assert.equal(loadConfig({ ...env, S3_FORCE_PATH_STYLE: 'false' }).s3?.forcePathStyle, false);
    assert.equal(loadConfig({ S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'true' }).s3?.forcePathStyle, true);
    assert.equal(loadConfig({ S3_BUCKET: 'b', S3_PREFIX: 'a/b/' }).s3?.prefix, 'a/b/');
  });

  test('S3 settings without S3_BUCKET are an error naming them, not a silent fall back to local disk', () => {
    assert.throws(
      () =>
        loadConfig({
          S3_ENDPOINT: 'http://127.0.0.1:9000',
          S3_ACCESS_KEY_ID: 'a',
          S3_SECRET_ACCESS_KEY: 's',
        }),
      /S3_BUCKET: must be set when S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are set/,
    );
    assert.throws(() => loadConfig({ S3_PREFIX: 'x/' }), /S3_BUCKET: must be set when S3_PREFIX is set/);
  });

  test('S3 keys come in pairs', () => {
    assert.throws(
      () => loadConfig({ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'a' }),
      /S3_SECRET_ACCESS_KEY: must be set together with the other key/,
    );
    assert.throws(
      () => loadConfig({ S3_BUCKET: 'b', S3_SECRET_ACCESS_KEY: 's' }),
      /S3_ACCESS_KEY_ID: must be set together with the other key/,
    );
  });

  test('invalid S3 values are reported by name with every other problem, and never echo the secret', () => {
    assert.throws(
      () =>
        loadConfig({
          PORT: 'eighty',
          S3_BUCKET: 's3://bucket/path',
          S3_ENDPOINT: 'minio:9000',
          S3_FORCE_PATH_STYLE: 'yes',
          S3_PREFIX: '/abs',
          S3_ACCESS_KEY_ID: 'a',
        }),
      (e: ConfigError) => {
        assert.ok(e instanceof ConfigError);
        assert.equal(e.problems.length, 6);
        assert.match(e.message, /PORT: must be a number/);
        assert.match(e.message, /S3_BUCKET: must be a bare bucket name/);
        assert.match(e.message, /S3_ENDPOINT: must be an http\(s\) URL/);
        assert.match(e.message, /S3_FORCE_PATH_STYLE: must be true or false/);
        assert.match(e.message, /S3_PREFIX: must not start with \//);
        assert.match(e.message, /S3_SECRET_ACCESS_KEY: must be set together/);
        return true;
      },
    );
    assert.throws(
      () => loadConfig({ S3_SECRET_ACCESS_KEY: 'hunter2-very-secret' }),
      (e: ConfigError) => !e.message.includes('hunter2'),
    );
  });

  test('no SMTP_HOST: e-mail digests are off', () => {
    assert.equal(loadConfig({}).smtp, undefined);
  });

  test('SMTP: STARTTLS on 587 by default, implicit TLS on 465, credentials and sender read', () => {
    const base = {
      SMTP_HOST: 'smtp.example.org',
      SMTP_FROM: 'Custodiet <alerts@example.org>',
      PUBLIC_URL: 'https://c.example.org',
    };
    assert.deepEqual(loadConfig(base).smtp, {
      host: 'smtp.example.org',
      port: 587,
      tls: 'starttls',
      user: undefined,
      password: undefined,
      from: 'Custodiet <alerts@example.org>',
    });
    assert.equal(loadConfig({ ...base, SMTP_PORT: '465' }).smtp?.tls, 'implicit');
    assert.equal(loadConfig({ ...base, SMTP_TLS: 'implicit' }).smtp?.port, 465);
    const relay = loadConfig({
      ...base,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: '2525',
      SMTP_TLS: 'none',
      SMTP_USER: 'u',
      SMTP_PASSWORD: 'p',
    });
    assert.deepEqual(
      [relay.smtp?.port, relay.smtp?.tls, relay.smtp?.user, relay.smtp?.password],
      [2525, 'none', 'u', 'p'],
    );
  });

  test('SMTP settings are checked together at boot, with clear messages', () => {
    const smtp = (extra: Record<string, string>) => () =>
      loadConfig({ SMTP_HOST: 'h', SMTP_FROM: 'a@b.org', PUBLIC_URL: 'https://c.example.org', ...extra });
    assert.throws(() => loadConfig({ SMTP_FROM: 'a@b.org' }), /SMTP_HOST: must be set when SMTP_FROM is set/);
    assert.throws(
      () => loadConfig({ SMTP_HOST: 'smtp.example.org', PUBLIC_URL: 'https://c.example.org' }),
      /SMTP_FROM: must be set with SMTP_HOST/,
    );
    assert.throws(
      () => loadConfig({ SMTP_HOST: 'smtp.example.org', SMTP_FROM: 'a@b.org' }),
      /PUBLIC_URL: must be set with SMTP_HOST/,
    );
    assert.throws(smtp({ SMTP_USER: 'u' }), /SMTP_PASSWORD: must be set together/);
    assert.throws(smtp({ SMTP_FROM: 'Bad\r\nBcc: x@y.org <a@b.org>' }), /SMTP_FROM: must be an address/);
    assert.throws(smtp({ SMTP_TLS: 'ssl' }), /SMTP_TLS: must be implicit, starttls or none/);
    assert.throws(
      smtp({ SMTP_USER: 'u', SMTP_PASSWORD: 'hunter2-mail', SMTP_PORT: 'x' }),
      (e: ConfigError) => /SMTP_PORT/.test(e.message) && !e.message.includes('hunter2'),
    );
  });
});
