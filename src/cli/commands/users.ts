import { createUser } from '../../accounts/service.ts';
import { generatePassword } from '../../accounts/password.ts';
import { ROLES } from '../../accounts/policy.ts';
import { inTransaction } from '../../audit/records.ts';
import { UsageError, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';

/** Standard input as text, without the one trailing newline `echo` adds. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  // One trailing newline is how `echo` and here-strings end; it is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `custodiet user add`: creates an editor account. */
export const userCommand: Command = {
  name: 'user',
  summary: 'Create an editor account (user add)',
  usage: 'custodiet user add --email EMAIL --name NAME --role ROLE [--password-stdin]',
  details:
    `Roles: ${ROLES.join(', ')}. With --password-stdin the password is read from standard input\n` +
    '(e.g. `printf %s "$PW" | custodiet user add … --password-stdin`); otherwise a strong random\n' +
    'password is generated and printed once. Passwords are stored only as scrypt hashes.',
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, config, out }) {
    if (positionals[0] !== 'add') throw new UsageError(`Unknown subcommand '${positionals[0]}'.`);
    const { email, name, role } = values;
    if (typeof email !== 'string' || typeof name !== 'string' || typeof role !== 'string')
      throw new UsageError('--email, --name and --role are required.');
    const generated = values['password-stdin'] ? null : generatePassword();
    const password = generated ?? (await readStdin());
    await withDatabase(config, 'user', 'apply', async ({ db }) => {
      const user = await inTransaction(db, (trx) =>
        createUser(trx, 'cli:user', { email, displayName: name, role: role as 'editor', password }),
      );
      out(`Created ${user.role} account ${user.email} (${user.id}).`);
    });
    if (generated) out(`Password (shown once, store it safely): ${generated}`);
  },
};
