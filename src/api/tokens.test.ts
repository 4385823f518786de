import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { inTransaction } from '../audit/records.ts';
import { approve } from '../publication/approvals.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { dumpDatabase } from '../../test/helpers/dump.ts';
import { EditorClient, makeUser } from '../../test/helpers/editor.ts';
import { makeOfficer, met, uniq } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { listVersions } from '../editor/history.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';
import type { ApiScope } from './scopes.ts';

// API tokens end to end: stored hashed, scoped, revocable, acting for their owner and never
// beyond the owner's role, every change audited as the token, and never past review.

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

async function tokenFor(role: 'contributor' | 'editor' | 'admin', scopes: ApiScope[]) {
  const user = await makeUser(t.db, role);
  const made = await createToken(t.db, 'test:setup', { userId: user.id, name: `${role} robot`, scopes });
  return { user, ...made };
}

function call(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return testApp(t).request(path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

async function incidentInput(overrides: Record<string, unknown> = {}) {
  return {
    slug: uniq('api-incident'),
    title: 'Strip search at a police station',
    summary: 'A detainee alleged they were strip-searched without an appropriate adult.',
    occurred: { on: '2024-03-01', precision: 'month' },
    forceId: (await met(t.db)).id,
    ...overrides,
  };
}

async function problem(res: Response, status: number, code: string) {
  assert.equal(res.status, status, await res.clone().text());
  assert.equal(res.headers.get('content-type'), 'application/problem+json');
  assert.equal(((await res.json()) as { code: string }).code, code);
}

describe('tokens are credentials', () => {
  test('only the SHA-256 is stored; lists show a prefix, never the token', async () => {
    const { token, id } = await tokenFor('editor', ['read:drafts']);
    assert.match(token, /^cus_[A-Za-z0-9_-]{43}$/);
    const dump = await dumpDatabase(t.db);
    assert.ok(!dump.includes(token), 'the token itself is nowhere in the database');
    assert.ok(!dump.includes(token.slice(12)), 'nor its secret part');
    const listed = (await listTokens(t.db)).find((x) => x.id === id)!;
    assert.equal(listed.prefix, token.slice(0, 12));
    assert.ok(!JSON.stringify(listed).includes(token.slice(12)));
  });

  test('no token on a token route: 401 with WWW-Authenticate; a wrong or revoked token: 401', async () => {
    const res = await call(null, 'GET', '/api/v1/records/incidents');
    assert.equal(res.headers.get('www-authenticate'), 'Bearer');
    await problem(res, 401, 'CUS_TOKEN_REQUIRED');
    const bogus = await call(`cus_${'A'.repeat(43)}`, 'GET', '/api/v1/forces?limit=1');
    assert.match(bogus.headers.get('www-authenticate') ?? '', /invalid_token/);
    await problem(bogus, 401, 'CUS_TOKEN_INVALID');
    const { token, id } = await tokenFor('editor', ['read:drafts']);
    assert.equal((await call(token, 'GET', '/api/v1/records/incidents')).status, 200);
    assert.deepEqual(await revokeToken(t.db, 'test:admin', id), { revoked: true });
    await problem(await call(token, 'GET', '/api/v1/records/incidents'), 401, 'CUS_TOKEN_INVALID');
    assert.deepEqual(await revokeToken(t.db, 'test:admin', id), { revoked: false });
  });

  test('a scope the token lacks is a 403 problem, whatever the owner’s role', async () => {
    const { token } = await tokenFor('admin', ['read:drafts']);
    await problem(
      await call(token, 'POST', '/api/v1/records/incidents', { data: await incidentInput() }),
      403,
      'CUS_TOKEN_SCOPE',
    );
  });

  test('a disabled owner’s tokens stop at once', async () => {
    const { token, user } = await tokenFor('editor', ['read:drafts']);
    await t.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.id).execute();
    await problem(await call(token, 'GET', '/api/v1/records/incidents'), 401, 'CUS_TOKEN_INVALID');
  });

  test('an editor session cookie does not stand in for a token', async () => {
    const editor = await EditorClient.as(testApp(t), t.db, 'editor');
    const res = await testApp(t).request('/api/v1/records/incidents', {
      method: 'POST',
      headers: { cookie: `custodiet_session=${editor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: await incidentInput() }),
    });
    await problem(res, 401, 'CUS_TOKEN_REQUIRED');
  });

  test('each token has its own rate limit', async () => {
    const { token } = await tokenFor('editor', ['read:drafts']);
    const app = testApp(t, { api: { rateLimit: 0, tokenRateLimit: 2, trustProxy: false } });
    const go = () => app.request('/api/v1/forces?limit=1', { headers: { authorization: `Bearer ${token}` } });
    assert.equal((await go()).status, 200);
    assert.equal((await go()).status, 200);
    const limited = await go();
    await problem(limited, 429, 'CUS_RATE_LIMITED');
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  });
});

describe('writes go through the editor’s services and stop at review', () => {
  test('create a draft, read it back, replace it with If-Match, submit it — all audited as the token', async () => {
    const { token, id: tokenId } = await tokenFor('editor', [
      'write:incidents',
      'read:drafts',
      'submit:review',
    ]);
    const created = await call(token, 'POST', '/api/v1/records/incidents', { data: await incidentInput() });
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = (await created.json()) as { id: string };
    const read = await call(token, 'GET', `/api/v1/records/incidents/${id}`);
    const etag = read.headers.get('etag')!;
    const stored = (await read.json()) as { data: { publicationState: string; slug: string } };
    assert.equal(stored.data.publicationState, 'draft');

    const replacement = {
      data: await incidentInput({ slug: stored.data.slug, title: 'Strip search at Stoke Newington' }),
    };
    await problem(
      await call(token, 'PUT', `/api/v1/records/incidents/${id}`, replacement, {
        'if-match': '"not-the-tag"',
      }),
      412,
      'CUS_PRECONDITION_FAILED',
    );
    assert.equal(
      (await call(token, 'PUT', `/api/v1/records/incidents/${id}`, replacement, { 'if-match': etag })).status,
      200,
    );
    const submitted = await call(token, 'POST', `/api/v1/records/incidents/${id}/submit`);
    assert.equal(submitted.status, 200, await submitted.clone().text());
    const row = await t.db
      .selectFrom('incidents')
      .select(['title', 'publication_state'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { title: 'Strip search at Stoke Newington', publication_state: 'in_review' });

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    assert.ok(audit.length >= 3);
    assert.ok(
      audit.every((a) => a.actor === `token:${tokenId}`),
      JSON.stringify(audit),
    );
    const versions = await listVersions(t.db, 'incidents', id);
    assert.match(versions[0]!.who, /API token “editor robot”/);
    const reads = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor', '=', `token:${tokenId}`)
      .where('action', '=', 'api.read')
      .execute();
    assert.equal(reads.length, 1, 'reading a draft is logged too');
  });

  test('nothing publishes through the API, and the token’s owner cannot approve what it wrote', async () => {
    const { token, user } = await tokenFor('editor', [
      'write:allegations',
      'write:incidents',
      'submit:review',
    ]);
    const officer = await makeOfficer(t.db);
    const incident = (await (
      await call(token, 'POST', '/api/v1/records/incidents', { data: await incidentInput() })
    ).json()) as { id: string };
    const allegation = await call(token, 'POST', '/api/v1/records/allegations', {
      data: {
        incidentId: incident.id,
        officerId: officer.id,
        summary: 'Alleged to have strip-searched a child.',
        standards: ['authority_respect_courtesy'],
        status: 'reported',
      },
    });
    assert.equal(allegation.status, 201, await allegation.clone().text());
    const { id } = (await allegation.json()) as { id: string };
    assert.equal((await call(token, 'POST', `/api/v1/records/allegations/${id}/submit`)).status, 200);
    assert.equal((await call(token, 'POST', `/api/v1/records/allegations/${id}/publish`)).status, 404);
    await assert.rejects(
      inTransaction(t.db, (trx) => approve(trx, { id: user.id, role: 'editor' }, 'allegations', id)),
      /changed this record/,
    );
    const other = await makeUser(t.db, 'editor');
    await inTransaction(t.db, (trx) => approve(trx, { id: other.id, role: 'editor' }, 'allegations', id));
  });

  test('a token never exceeds its owner’s role: a contributor’s cannot change a published record', async () => {
    const { token } = await tokenFor('contributor', ['write:incidents']);
    const input = await incidentInput();
    const { id } = (await (
      await call(token, 'POST', '/api/v1/records/incidents', { data: input })
    ).json()) as { id: string };
    await inTransaction(t.db, (trx) => publish(trx, 'incidents', id));
    const res = await call(token, 'PUT', `/api/v1/records/incidents/${id}`, {
      data: { ...input, title: 'Changed' },
      correction: { kind: 'correction', what: 'Title', why: 'Because' },
    });
    await problem(res, 403, 'CUS_FORBIDDEN');
  });

  test('a published record changes only with a public correction note (R15)', async () => {
    const { token } = await tokenFor('editor', ['write:incidents']);
    const input = await incidentInput();
    const { id } = (await (
      await call(token, 'POST', '/api/v1/records/incidents', { data: input })
    ).json()) as { id: string };
    await inTransaction(t.db, (trx) => publish(trx, 'incidents', id));
    await problem(
      await call(token, 'PUT', `/api/v1/records/incidents/${id}`, { data: { ...input, title: 'Changed' } }),
      422,
      'CUS_VALIDATION',
    );
    const ok = await call(token, 'PUT', `/api/v1/records/incidents/${id}`, {
      data: { ...input, title: 'Changed' },
      correction: {
        kind: 'correction',
        what: 'The title named the wrong station.',
        why: 'The IOPC notice names another.',
      },
    });
    assert.equal(ok.status, 200, await ok.clone().text());
    const notes = await t.db.selectFrom('corrections').select('what').where('entity_id', '=', id).execute();
    assert.equal(notes.length, 1);
  });

  test('bad bodies are 4xx problems naming the field, and change nothing', async () => {
    const { token } = await tokenFor('editor', ['write:incidents']);
    const before = await t.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await problem(
      await call(token, 'POST', '/api/v1/records/incidents', '{not json'),
      400,
      'CUS_BAD_REQUEST',
    );
    await problem(
      await testApp(t).request('/api/v1/records/incidents', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: 'x',
      }),
      415,
      'CUS_UNSUPPORTED_MEDIA_TYPE',
    );
    const invalid = await call(token, 'POST', '/api/v1/records/incidents', {
      data: await incidentInput({ slug: 'Not A Slug', forceId: 'x' }),
    });
    assert.equal(invalid.status, 422);
    const fields = ((await invalid.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    assert.ok(
      fields.some((f) => f.includes('slug')) && fields.some((f) => f.includes('forceId')),
      fields.join(),
    );
    await problem(
      await call(token, 'POST', '/api/v1/records/incidents', { data: await incidentInput(), extra: 1 }),
      422,
      'CUS_VALIDATION',
    );
    const afterCount = await t.db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(afterCount.n, before.n);
  });
});

describe('the editor page for tokens (admins)', () => {
  test('an admin makes a token (shown once), sees it listed, and revokes it', async () => {
    const app = testApp(t);
    const admin = await EditorClient.as(app, t.db, 'admin');
    const owner = await makeUser(t.db, 'editor');
    const made = await admin.post('/editor/tokens', {
      userId: owner.id,
      name: 'Newsroom importer',
      scopes: ['read:drafts', 'write:sources'],
      expiresInDays: '30',
    });
    assert.equal(made.status, 201);
    const token = /<code class="secret">(cus_[A-Za-z0-9_-]{43})<\/code>/.exec(await made.text())?.[1];
    assert.ok(token, 'the token is shown');
    const page = await admin.page('/editor/tokens');
    assert.ok(page.html.includes('Newsroom importer') && !page.html.includes(token));
    assert.equal((await call(token, 'GET', '/api/v1/records/sources')).status, 200);
    const tokenId = (await listTokens(t.db, owner.id))[0]!.id;
    assert.equal((await admin.post(`/editor/tokens/${tokenId}/revoke`, {})).status, 303);
    assert.equal((await call(token, 'GET', '/api/v1/records/sources')).status, 401);
    const bad = await admin.post('/editor/tokens', { userId: owner.id, name: 'No scopes' });
    assert.equal(bad.status, 422);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', tokenId)
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['api_token.create', 'api_token.revoke'],
    );
  });
});
