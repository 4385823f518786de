import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { inTransaction } from '../audit/records.ts';
import { ROUTE_ACCESS } from '../accounts/route-access.ts';
import { saveProceedings } from '../legal/proceedings.ts';
import { testApp } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { makeUser } from '../../test/helpers/editor.ts';
import { ACTOR, makeIncident } from '../../test/helpers/factories.ts';
import { publish } from '../../test/helpers/pages.ts';
import { buildRecordGraph, plain, type RecordGraph } from '../../test/helpers/records.ts';
import { API_ROUTES } from './routes.tsx';
import { SCOPE_NAMES } from './scopes.ts';
import { createToken } from './tokens.ts';
import { COLLECTION_ITEMS } from './collection-schemas.ts';
import { DATASETS } from '../exports/service.ts';
import { camelName } from './json.ts';
import { refreshPatterns } from '../patterns/refresh.ts';
import { leaderSlug } from '../promises/repository.ts';

// Must be true #1: the generated document is valid OpenAPI 3.1, every public page's data has an
// endpoint, and a walk of every operation against a real app and database returns only
// responses the document declares, each matching its schema.

type Json = Record<string, unknown>;
let t: TestDatabase;
let g: RecordGraph;
let doc: Json;
let token: string;
let heldSlug: string;

before(async () => {
  t = await createTestDatabase();
  g = await buildRecordGraph(t.db, plain);
  // An incident under active proceedings: its page (and endpoint) shows only court reports (R5).
  const charged = await makeIncident(t.db, { summary: 'A charged matter.' });
  await inTransaction(t.db, async (trx) => {
    await publish(trx, 'incidents', charged.id);
    await saveProceedings(trx, ACTOR, {
      incidentId: charged.id,
      startedBy: 'charge',
      startedOn: '2025-02-01',
      court: 'Westminster Magistrates’ Court',
      charge: 'Assault occasioning actual bodily harm',
    });
  });
  heldSlug = charged.slug;
  // The pattern endpoints read the rebuilt tables, as their pages do.
  await refreshPatterns(t.db);
  const admin = await makeUser(t.db, 'admin');
  token = (
    await createToken(t.db, 'test:setup', { userId: admin.id, name: 'walker', scopes: [...SCOPE_NAMES] })
  ).token;
  doc = (await (await testApp(t).request('/api/v1/openapi.json')).json()) as Json;
});
after(() => t.close());

test('the document is valid OpenAPI 3.1 (checked by a maintained validator)', async () => {
  assert.equal(doc.openapi, '3.1.0');
  const result = await new Validator().validate(doc as never);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
});

test('every public page that shows records has an endpoint with its data', () => {
  // Parameter names differ between page routes and API paths; only their places matter.
  const shape = (p: string) => p.replace(/#.*$/, '').replace(/\{\w+\}|:\w+/g, ':_');
  const pages = new Set(API_ROUTES.flatMap((r) => (r.page ? [shape(r.page)] : [])));
  // Pages that show no records: forms (e-mail digests too), static explanations, files and health.
  const noData =
    /^GET \/(static|evidence|methodology|right-of-reply|receipts|submit|login|invite|healthz|robots\.txt|favicon\.ico|sitemaps?|data\/:file|api|follow\/email)\b/;
  // Addresses that redirect to the search's listing of one kind: their data is the search's.
  const listings = /^GET \/(incidents|officers|units|statements)$/;
  // Another format of a page (its Atom feed, its JSON) must have the page's endpoint instead.
  const page = (route: string) => shape(route.slice(4).replace(/\/feed\.atom$|\.json$/, ''));
  const publicPages = Object.entries(ROUTE_ACCESS)
    .filter(
      ([route, access]) =>
        access.level === 'public' && route.startsWith('GET ') && !noData.test(route) && !listings.test(route),
    )
    .map(([route]) => page(route));
  assert.ok(publicPages.length >= 20);
  assert.deepEqual(
    publicPages.filter((p) => !pages.has(p)),
    [],
    'public pages without an API endpoint',
  );
});

test('list item schemas name exactly the export datasets’ columns', () => {
  for (const d of DATASETS) {
    const schema = COLLECTION_ITEMS[d.name as keyof typeof COLLECTION_ITEMS];
    assert.ok(schema, d.name);
    assert.deepEqual(Object.keys(schema.shape).sort(), d.columns.map(camelName).sort(), d.name);
  }
});

/** Real values for every path parameter of the document. */
async function fill(path: string): Promise<string[]> {
  const typeOf = /^\/records\/([a-z_]+)\/\{id\}/.exec(path)?.[1];
  if (typeOf) {
    const { rows } = await t.db
      .selectFrom(typeOf as 'incidents')
      .select('id')
      .limit(1)
      .execute()
      .then((rows) => ({ rows }));
    return rows.map((r) => path.replace('{id}', r.id));
  }
  const values: Record<string, string[]> = {
    '/incidents/{slug}': [g.incident.slug, heldSlug],
    '/officers/{slug}': [g.officer.slug],
    '/statements/{slug}': [g.statement.slug],
    '/forces/{slug}': ['metropolitan'],
    '/forces/{forceSlug}/units/{unitSlug}': [`metropolitan|${g.station.slug}`, `metropolitan|${g.bcu.slug}`],
    '/allegations/{id}': [g.allegations.main.id],
    '/patterns/officers/{slug}': [g.officer.slug],
    '/patterns/forces/{slug}/units': ['metropolitan'],
    '/patterns/forces/{slug}/stop-search': ['metropolitan'],
    '/patterns/forces/{forceSlug}/units/{unitSlug}/network': [`metropolitan|${g.station.slug}`],
    '/promises/leaders/{slug}': [leaderSlug(g.statement.speaker_name)],
    '/promises/forces/{slug}': [g.force.slug],
  };
  if (!path.includes('{')) return [path];
  const v = values[path];
  assert.ok(v, `no test value for ${path}`);
  return v.map((x) => {
    const [a, b] = x.split('|');
    return path.replace(/\{[^}]+\}/, a!).replace(/\{[^}]+\}/, b ?? '');
  });
}

const QUERIES: Record<string, string> = { '/search': '?q=Incident' };

test(
  'a walk of every operation: each answer is declared and matches its schema',
  { timeout: 120_000 },
  async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'doc', components: doc.components as Json });
    const app = testApp(t);
    const problems: string[] = [];
    let calls = 0;
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(methods)) {
        const secured = Array.isArray(op.security);
        for (const concrete of await fill(path)) {
          const url = `/api/v1${concrete}${method === 'get' ? (QUERIES[path] ?? '') : ''}`;
          const res = await app.request(url, {
            method: method.toUpperCase(),
            headers: {
              ...(secured ? { authorization: `Bearer ${token}` } : {}),
              ...(method !== 'get' ? { 'content-type': 'application/json' } : {}),
            },
            ...(method !== 'get' ? { body: JSON.stringify({ data: {} }) } : {}),
          });
          calls++;
          const declared = (op.responses as Record<string, Json>)[String(res.status)];
          if (!declared) {
            problems.push(`${method.toUpperCase()} ${url}: undeclared ${res.status} ${await res.text()}`);
            continue;
          }
          if (method === 'get' && res.status !== 200)
            problems.push(`GET ${url}: ${res.status} ${await res.text()}`);
          const content = declared.content as Record<string, { schema: Json }> | undefined;
          if (!content) continue;
          const [type, { schema }] = Object.entries(content)[0]!;
          assert.equal(res.headers.get('content-type')?.split(';')[0], type, url);
          const validate =
            typeof schema.$ref === 'string' ? ajv.getSchema(`doc${schema.$ref}`)! : ajv.compile(schema);
          if (!validate(await res.json()))
            problems.push(`${method.toUpperCase()} ${url} ${res.status}: ${ajv.errorsText(validate.errors)}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(calls >= API_ROUTES.length, `walked ${calls} calls`);
  },
);

test('the docs page renders the document on the server, with nothing from another origin', async () => {
  const res = await testApp(t).request('/api');
  assert.equal(res.status, 200);
  const html = await res.text();
  for (const r of API_ROUTES) assert.ok(html.includes(`op-${r.operationId}`), r.operationId);
  assert.doesNotMatch(html, /<script|https?:\/\/(?!custodiet\.org)[a-z0-9.-]+\/[^"]*\.(js|css)/i);
});
