import { changeModerationPassphrase, createModerationKey } from '../../submissions/moderation.ts';
import { UsageError, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';
import { readStdin } from './users.ts';

/** `custodiet moderation-key create`: makes the key anonymous submissions are sealed to. */
export const moderationKeyCommand: Command = {
  name: 'moderation-key',
  summary: 'Create the key submissions are sealed to, or change its passphrase',
  usage: 'custodiet moderation-key create|passphrase --passphrase-stdin',
  details:
    'Generates the X25519 key pair that submissions are encrypted to. The private key is stored only\n' +
    'encrypted under the passphrase read from standard input (never from the command line, where\n' +
    'other users could see it); moderators type it to unlock submissions for their session. Lose the\n' +
    'passphrase and the submissions sealed to this key can never be read. Admins can also create the\n' +
    'key in the editor under Submissions.',
  options: { 'passphrase-stdin': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, config, out }) {
    const sub = positionals[0];
    if (sub !== 'create' && sub !== 'passphrase') throw new UsageError(`Unknown subcommand '${sub}'.`);
    if (!values['passphrase-stdin'])
      throw new UsageError('Give the passphrase on standard input with --passphrase-stdin.');
    const input = await readStdin();
    await withDatabase(config, 'moderation-key', 'apply', async ({ db }) => {
      const actor = 'cli:moderation-key';
      if (sub === 'create') {
        const id = await createModerationKey(db, { actor, userId: null }, input);
        out(`Created moderation key ${id}. Submissions are open.`);
        return;
      }
      const [current = '', next = ''] = input.split(/\r?\n/);
      await changeModerationPassphrase(db, { actor }, current, next);
      out('Changed the moderation passphrase. Every moderator must unlock again with the new one.');
    });
  },
};
