import { API_ROUTES } from '../api/routes.tsx';
import { honoPath } from '../api/route.ts';
import { can, ROLES, type Permission } from './policy.ts';

/**
 * Who may reach each route: the route × role matrix. The handlers enforce it (session
 * middleware, `requirePermission`); this table states it, the route-access test proves the two
 * agree for every route and every role, and a route missing here fails that test.
 * `docs/access-matrix.md` is generated from it (`npm run docs:access`).
 */
export type Access =
  /** Anyone, signed in or not. */
  | { level: 'public' }
  /** Any signed-in account whatever its role (further per-record checks may apply). */
  | { level: 'signed-in'; note?: string }
  /** A signed-in account whose role grants the permission. */
  | { level: 'permission'; permission: Permission; note?: string }
  /** An API token with the scope (src/api/scopes.ts); an editor session is not enough. */
  | { level: 'token'; scope: string; note?: string };

const PUBLIC: Access = { level: 'public' };
const SIGNED_IN: Access = { level: 'signed-in' };
const perm = (permission: Permission, note?: string): Access => ({ level: 'permission', permission, note });
const EDITS: Access = {
  level: 'signed-in',
  note: 'contributors edit unpublished records; changing a published one needs record.edit_published',
};

// The API's routes state their own access in their declarations (src/api/).
const API_ACCESS: Record<string, Access> = Object.fromEntries([
  ['GET /api', { level: 'public' }],
  ['GET /api/v1/openapi.json', { level: 'public' }],
  ...API_ROUTES.map((r) => [
    `${r.method.toUpperCase()} ${honoPath(r.path)}`,
    r.scope ? { level: 'token', scope: r.scope } : { level: 'public' },
  ]),
]);

/** Every route of the app ("METHOD path" as Hono registers it) and its access. */
export const ROUTE_ACCESS: Record<string, Access> = {
  'GET /healthz': PUBLIC,
  'GET /static/:file': PUBLIC,
  'GET /robots.txt': PUBLIC,
  'GET /favicon.ico': PUBLIC,
  'GET /sitemap.xml': PUBLIC,
  'GET /sitemaps/:file': PUBLIC,
  'GET /data': PUBLIC,
  'GET /data/:file': PUBLIC,
  'GET /': PUBLIC,
  'GET /search': PUBLIC,
  'GET /incidents': PUBLIC,
  'GET /officers': PUBLIC,
  'GET /units': PUBLIC,
  'GET /statements': PUBLIC,
  'GET /forces': PUBLIC,
  'GET /officers/:slug/feed.atom': PUBLIC,
  'GET /forces/:slug/feed.atom': PUBLIC,
  'GET /forces/:force/units/:unit/feed.atom': PUBLIC,
  'GET /search/feed.atom': PUBLIC,
  'POST /follow/email': PUBLIC,
  'GET /follow/email/confirm': PUBLIC,
  'POST /follow/email/confirm': PUBLIC,
  'GET /follow/email/unsubscribe': PUBLIC,
  'POST /follow/email/unsubscribe': PUBLIC,
  'GET /patterns': PUBLIC,
  'GET /patterns/officers/:slug': PUBLIC,
  'GET /patterns/lifecycle': PUBLIC,
  'GET /patterns/forces/:slug/units': PUBLIC,
  'GET /patterns/forces/:slug/stop-search': PUBLIC,
  'GET /patterns/forces/:force/units/:unit/network.json': PUBLIC,
  'GET /patterns/forces/:force/units/:unit/network': PUBLIC,
  'GET /promises': PUBLIC,
  'GET /promises/leaders/:slug': PUBLIC,
  'GET /promises/forces/:slug': PUBLIC,
  'GET /incidents/:slug': PUBLIC,
  'GET /officers/:slug': PUBLIC,
  'GET /forces/:slug': PUBLIC,
  'GET /forces/:forceSlug/units/:unitSlug': PUBLIC,
  'GET /statements/:slug': PUBLIC,
  'GET /evidence/:sha256': { level: 'public' },
  'GET /corrections': PUBLIC,
  'GET /methodology': PUBLIC,
  'GET /right-of-reply': PUBLIC,
  'GET /right-of-reply/complaint': PUBLIC,
  'POST /right-of-reply/complaint': PUBLIC,
  'GET /receipts/verify': PUBLIC,
  'POST /receipts/verify': PUBLIC,
  'GET /receipts/key': PUBLIC,
  'GET /submit': PUBLIC,
  'GET /submit/report': PUBLIC,
  'POST /submit/report': PUBLIC,
  'GET /submit/insider': PUBLIC,
  'POST /submit/insider': PUBLIC,
  'GET /submit/inbox': PUBLIC,
  'POST /submit/inbox': PUBLIC,
  'POST /submit/inbox/reply': PUBLIC,
  'POST /submit/inbox/leave': PUBLIC,
  'GET /login': PUBLIC,
  'POST /login': PUBLIC,
  'GET /login/2fa': { level: 'public' },
  'POST /login/2fa': { level: 'public' },
  'GET /invite/:token': PUBLIC,
  'POST /invite/:token': PUBLIC,
  'POST /logout': PUBLIC,
  'GET /editor': SIGNED_IN,
  'GET /editor/account': SIGNED_IN,
  'POST /editor/account/2fa': SIGNED_IN,
  'POST /editor/account/recovery-codes': SIGNED_IN,
  'POST /editor/account/password': SIGNED_IN,
  'POST /editor/account/sign-out-everywhere': SIGNED_IN,
  'GET /editor/users': perm('user.manage'),
  'POST /editor/users/invite': perm('user.manage'),
  'POST /editor/users/invitations/:hash/revoke': perm('user.manage'),
  'POST /editor/users/:id/role': perm('user.manage'),
  'POST /editor/users/:id/disable': perm('user.manage'),
  'POST /editor/users/:id/enable': perm('user.manage'),
  'POST /editor/users/:id/unlock': perm('user.manage'),
  'POST /editor/users/:id/reset-2fa': perm('user.manage'),
  'POST /editor/sources/:id/capture': SIGNED_IN,
  'GET /editor/sources/:id/upload': SIGNED_IN,
  'POST /editor/sources/:id/upload': {
    level: 'signed-in',
    note: 'JPEG, PNG, WebP, PDF; metadata stripped, original sealed',
  },
  'GET /editor/snapshots/:id/original': perm('evidence.read_original', 'every opening is audited'),
  'GET /editor/snapshots/:id': SIGNED_IN,
  'GET /editor/snapshots/:id/raw': {
    level: 'signed-in',
    note: 'always a download; active types as octet-stream',
  },
  'GET /editor/ingest': perm('record.edit_unpublished'),
  'POST /editor/ingest': perm(
    'record.edit_unpublished',
    'creates a source and a proposed bundle; publishes nothing',
  ),
  'GET /editor/ingest/:id': perm('record.edit_unpublished'),
  'POST /editor/ingest/:id': perm(
    'record.edit_unpublished',
    'accepted items become drafts; publishes nothing',
  ),
  'GET /editor/imports': perm('dataset.import'),
  'POST /editor/imports': perm('dataset.import', 'all or nothing; audited'),
  'GET /editor/matches': perm('record.merge', 'pending candidates side by side with their reasons'),
  'GET /editor/matches/history': perm('record.merge'),
  'GET /editor/matches/merges/:id': perm('record.merge'),
  'POST /editor/matches/merges/:id/undo': perm(
    'record.merge',
    'audited; into a published record also record.edit_published and a public note',
  ),
  'GET /editor/matches/:id': perm('record.merge'),
  'POST /editor/matches/:id/merge': perm(
    'record.merge',
    'audited; into a published record also record.edit_published and a public note',
  ),
  'POST /editor/matches/:id/reject': perm('record.merge', 'audited'),
  'GET /editor/webhooks': perm('webhook.manage'),
  'POST /editor/webhooks': perm('webhook.manage', 'the secret is shown once and never audited'),
  'POST /editor/webhooks/:id/delete': perm('webhook.manage', 'audited'),
  'GET /editor/submissions': perm('submission.moderate', 'contents need the moderation key unlocked'),
  'POST /editor/submissions/key': perm('user.manage', 'once, while no key exists'),
  'POST /editor/submissions/passphrase': perm(
    'user.manage',
    'with the current passphrase; revokes every unlock',
  ),
  'POST /editor/submissions/unlock': perm('submission.moderate', 'with the moderation passphrase'),
  'POST /editor/submissions/lock': SIGNED_IN,
  'GET /editor/submissions/:id': perm('submission.moderate'),
  'POST /editor/submissions/:id/messages': perm('submission.moderate'),
  'POST /editor/submissions/:id/assign': perm('submission.moderate'),
  'POST /editor/submissions/:id/state': perm('submission.moderate'),
  'POST /editor/submissions/:id/convert': perm('submission.moderate', 'and record.edit_unpublished'),
  'GET /editor/submissions/:id/files/:blob': perm('submission.moderate', 'each opening audited'),
  'GET /editor/complaints': perm('record.publish', 'complainants’ details are personal data'),
  'GET /editor/complaints/:id': perm('record.publish'),
  'POST /editor/complaints/:id/decision': perm(
    'record.publish',
    'taking a page down also needs record.withdraw',
  ),
  'GET /editor/pii-allowlist': perm('record.publish'),
  'POST /editor/pii-allowlist': perm('record.publish'),
  'POST /editor/pii-allowlist/:id/delete': perm('record.publish'),
  'GET /editor/audit': perm('audit.read'),
  'GET /editor/audit.csv': perm('audit.read'),
  'GET /editor/:type': SIGNED_IN,
  'GET /editor/:type/new': SIGNED_IN,
  'POST /editor/:type/new': EDITS,
  'GET /editor/:type/:id': SIGNED_IN,
  'GET /editor/:type/:id/edit': SIGNED_IN,
  'POST /editor/:type/:id/edit': EDITS,
  'GET /editor/incidents/:id/links': SIGNED_IN,
  'POST /editor/incidents/:id/links': EDITS,
  'GET /editor/:type/:id/state': SIGNED_IN,
  'POST /editor/:type/:id/state': {
    level: 'signed-in',
    note: 'each move needs its own permission: submit/return record.submit, publish record.publish, withdraw record.withdraw',
  },
  'POST /editor/:type/:id/approve': perm('record.approve', 'never by anyone who changed the record'),
  'GET /editor/:type/:id/history': SIGNED_IN,
  'GET /editor/:type/:id/revert/:version{[0-9]{1,9}}': SIGNED_IN,
  'POST /editor/:type/:id/revert/:version{[0-9]{1,9}}': EDITS,
  'GET /editor/preview/:type/:id': SIGNED_IN,
  'GET /editor/tokens': perm('user.manage'),
  'POST /editor/tokens': perm('user.manage', 'the token is shown once; only its hash is stored'),
  'POST /editor/tokens/:id/revoke': perm('user.manage'),
  ...API_ACCESS,
};

/** Who of anonymous and each role may use a route, per the table: 'yes', 'no', 'sign in' or 'token'. */
export function expectedOutcome(access: Access, role: string | null): 'yes' | 'no' | 'sign in' | 'token' {
  if (access.level === 'public') return 'yes';
  // A session never stands in for a token: the API reads no cookies.
  if (access.level === 'token') return 'token';
  if (role === null) return 'sign in';
  if (access.level === 'signed-in') return 'yes';
  return can({ role }, access.permission) ? 'yes' : 'no';
}

/** The matrix as a Markdown document (docs/access-matrix.md). */
export function renderAccessMatrix(): string {
  const roles = [null, ...ROLES];
  const head = `| Route | ${roles.map((r) => r ?? 'anonymous').join(' | ')} | Notes |`;
  const rule = `|${' --- |'.repeat(roles.length + 2)}`;
  const rows = Object.entries(ROUTE_ACCESS).map(([route, access]) => {
    const cells = roles.map((r) => expectedOutcome(access, r));
    const note =
      access.level === 'permission'
        ? `\`${access.permission}\`${access.note ? `; ${access.note}` : ''}`
        : access.level === 'signed-in'
          ? (access.note ?? '')
          : access.level === 'token'
            ? `API token with \`${access.scope}\``
            : '';
    return `| \`${route.replace(/\|/g, '\\|')}\` | ${cells.join(' | ')} | ${note} |`;
  });
  return [
    '# Access matrix',
    '',
    'Generated from `src/accounts/route-access.ts` by `npm run docs:access`; the route-access test checks',
    'that every route of the app is listed, that the app behaves as listed for anonymous visitors and',
    'each role, and that this file is current. "sign in" means the visitor is sent to the sign-in page;',
    '"token" means the route needs an API token with a scope (401 without one, whatever the session).',
    'Moderators and admins reach the editor only after their second factor.',
    '',
    head,
    rule,
    ...rows,
    '',
  ].join('\n');
}
