import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createModerationKey } from '../submissions/moderation.ts';
import { after, before, test } from 'node:test';
import prettier from 'prettier';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import { testApp } from '../../test/helpers/app.ts';
import { EditorClient, encode, makeUser } from '../../test/helpers/editor.ts';
import { makeIncident } from '../../test/helpers/factories.ts';
import { ROLES } from './policy.ts';
import { expectedOutcome, renderAccessMatrix, ROUTE_ACCESS } from './route-access.ts';

// The authorisation matrix, exhaustively: every route the app registers × anonymous and every
// role, against the real app. A route the table does not list fails the first test.

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

/** The app's routes as "METHOD path", without middleware. */
function appRoutes(app: ReturnType<typeof testApp>): string[] {
  const seen = new Set<string>();
  for (const r of app.routes) if (r.method !== 'ALL') seen.add(`${r.method} ${r.path}`);
  return [...seen];
}

test('every route of the app is in the access table, and the table lists no route that does not exist', () => {
  const routes = appRoutes(testApp(t));
  const unlisted = routes.filter((r) => !(r in ROUTE_ACCESS));
  assert.deepEqual(unlisted, [], 'add these routes to ROUTE_ACCESS in src/accounts/route-access.ts');
  const stale = Object.keys(ROUTE_ACCESS).filter((r) => !routes.includes(r));
  assert.deepEqual(stale, [], 'these listed routes no longer exist');
});

test('docs/access-matrix.md is generated from the table and current', async () => {
  const expected = await prettier.format(renderAccessMatrix(), {
    ...(await prettier.resolveConfig('docs/access-matrix.md')),
    parser: 'markdown',
  });
  assert.equal(fs.readFileSync('docs/access-matrix.md', 'utf8'), expected, 'run npm run docs:access');
});

/** What a response means for access: sent to sign in, refused for the role, a token needed, or let through. */
async function outcome(res: Response): Promise<'yes' | 'no' | 'sign in' | 'token'> {
  assert.ok(res.status < 500, `server error ${res.status}`);
  if (res.status === 303 && (res.headers.get('location') ?? '').startsWith('/login?next=')) return 'sign in';
  const body = await res.text();
  if (res.status === 403 && /CUS_FORBIDDEN/.test(body)) return 'no';
  if (res.status === 401 && /CUS_TOKEN_REQUIRED/.test(body)) return 'token';
  return 'yes';
}

test('each route gives anonymous visitors and every role exactly what the table says', async () => {
  const app = testApp(t);
  // With a moderation key the anonymous forms are open (without one they answer 503).
  await createModerationKey(t.db, { actor: 'test:setup', userId: null }, 'a moderation passphrase');
  const incident = await makeIncident(t.db);
  const target = await makeUser(t.db, 'contributor');
  const params: Record<string, string> = {
    file: 'app.css',
    slug: 'no-such-record',
    forceSlug: 'metropolitan-police-service',
    unitSlug: 'no-such-unit',
    type: 'incidents',
    id: incident.id,
    version: '1',
    token: 'x'.repeat(43),
    hash: '0'.repeat(64),
    blob: '0'.repeat(64),
  };
  const fill = (route: string) => {
    const path = route
      .split(' ')[1]!
      .replace(/:version\{[^}]*\}\}?/, params.version!)
      .replace(/:([A-Za-z]+)/g, (_, name: string) => params[name]!);
    return route.includes('/editor/users/:id') ? path.replace(incident.id, target.id) : path;
  };
  const clients = new Map<string, EditorClient>();
  for (const role of ROLES) clients.set(role, await EditorClient.as(app, t.db, role));
  const problems: string[] = [];
  for (const [route, access] of Object.entries(ROUTE_ACCESS)) {
    const [method] = route.split(' ');
    const path = fill(route);
    for (const role of [null, ...ROLES]) {
      // Signing out ends the session, so that route gets a client of its own.
      const client =
        role && (route === 'POST /logout' ? await EditorClient.as(app, t.db, role) : clients.get(role)!);
      let res: Response;
      if (method === 'GET') res = client ? await client.get(path) : await app.request(path);
      // Only the API has other methods, and it reads no session: its own request will do.
      else if (method !== 'POST') res = await app.request(path, { method });
      else if (client) res = await client.post(path, {});
      else
        res = await app.request(path, {
          method,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: encode({}),
        });
      const got = await outcome(res);
      const want = expectedOutcome(access, role);
      if (got !== want)
        problems.push(`${route} as ${role ?? 'anonymous'}: expected ${want}, got ${got} (${res.status})`);
    }
  }
  assert.deepEqual(problems, []);
});
