import { findUserForLogin } from '../../accounts/repository.ts';
import { API_SCOPES, isScope } from '../../api/scopes.ts';
import { createToken, listTokens, revokeToken, type TokenView } from '../../api/tokens.ts';
import { UsageError, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';

const ACTOR = 'cli:token';

function describe(t: TokenView): string {
  const state = t.revokedAt
    ? `revoked ${t.revokedAt.toISOString()}`
    : t.expiresAt && t.expiresAt <= new Date()
      ? `expired ${t.expiresAt.toISOString()}`
      : 'active';
  const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : 'never used';
  return `${t.id}  ${t.prefix}…  ${t.name}  (${t.userName})  ${t.scopes.join(',')}  ${state}, ${used}`;
}

/** `custodiet token create|list|revoke`: API tokens, managed from the shell as in the editor. */
export const tokenCommand: Command = {
  name: 'token',
  summary: 'Manage API tokens (token create | list | revoke ID)',
  usage:
    'custodiet token create --user EMAIL --name NAME --scope SCOPE [--scope SCOPE…] [--expires-days N]\n' +
    '       custodiet token list [--user EMAIL]\n' +
    '       custodiet token revoke ID',
  details:
    `Scopes:\n${Object.entries(API_SCOPES)
      .map(([s, d]) => `  ${s.padEnd(18)} ${d}`)
      .join('\n')}\n` +
    'The token acts for the account and never beyond its role. It is printed once; only its SHA-256 is\n' +
    'stored. Revoking takes effect at once; the token stays listed so the audit log remains attributable.',
  options: {
    user: { type: 'string' },
    name: { type: 'string' },
    scope: { type: 'string', multiple: true },
    'expires-days': { type: 'string' },
  },
  positionals: { min: 1, max: 2 },
  async run({ values, positionals, config, out }) {
    const [sub, id] = positionals;
    if (sub === 'create') {
      const scopes = (values.scope as unknown as string[] | undefined) ?? [];
      const unknown = scopes.filter((s) => !isScope(s));
      if (typeof values.user !== 'string' || typeof values.name !== 'string' || scopes.length === 0)
        throw new UsageError('--user, --name and at least one --scope are required.');
      if (unknown.length > 0) throw new UsageError(`Unknown scope(s): ${unknown.join(', ')}.`);
      const days = values['expires-days'] === undefined ? undefined : Number(values['expires-days']);
      await withDatabase(config, 'token', 'require-current', async ({ db }) => {
        const user = await findUserForLogin(db, String(values.user).trim().toLowerCase());
        if (!user) throw new Error(`There is no account ${values.user}.`);
        const made = await createToken(db, ACTOR, {
          userId: user.id,
          name: String(values.name),
          scopes: scopes.filter(isScope),
          ...(days === undefined ? {} : { expiresInDays: days }),
        });
        out(`Created API token ${made.id} for ${user.email} (${scopes.join(', ')}).`);
        out(`Token (shown once, store it safely): ${made.token}`);
      });
      return;
    }
    if (sub === 'list') {
      await withDatabase(config, 'token', 'require-current', async ({ db }) => {
        const user =
          typeof values.user === 'string'
            ? await findUserForLogin(db, values.user.trim().toLowerCase())
            : null;
        if (typeof values.user === 'string' && !user) throw new Error(`There is no account ${values.user}.`);
        const tokens = await listTokens(db, user?.id);
        if (tokens.length === 0) out('No API tokens.');
        for (const t of tokens) out(describe(t));
      });
      return;
    }
    if (sub === 'revoke') {
      if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError('token revoke needs the token id.');
      await withDatabase(config, 'token', 'require-current', async ({ db }) => {
        const { revoked } = await revokeToken(db, ACTOR, id.toLowerCase());
        out(revoked ? `Revoked API token ${id}.` : `API token ${id} was already revoked.`);
      });
      return;
    }
    throw new UsageError(`Unknown subcommand '${sub}'.`);
  },
};
