import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.ts';
import { LockHeldError } from '../db/lock.ts';
import { MigrationError } from '../db/migrations.ts';
import { isAppError } from '../errors/catalogue.ts';
import { UsageError, type Command } from './command.ts';
import { initCommand, migrateCommand, seedDemoCommand, statsCommand } from './commands/basic.ts';
import { backupCommand, restoreCommand, verifyCommand } from './commands/integrity.ts';
import { captureCommand } from './commands/capture.ts';
import { exportCommand, publishDownloadCommand, verifyExportCommand } from './commands/exports.ts';
import { importCommand } from './commands/import.ts';
import { matchCommand } from './commands/match.ts';
import { ingestCommand } from './commands/ingest.ts';
import { refreshPatternsCommand } from './commands/patterns.ts';
import { receiptKeyCommand, verifyReceiptCommand } from './commands/receipts.ts';
import { serveCommand } from './commands/serve.ts';
import { userCommand } from './commands/users.ts';
import { tokenCommand } from './commands/tokens.ts';
import { moderationKeyCommand } from './commands/submissions.ts';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [
  initCommand,
  serveCommand,
  migrateCommand,
  seedDemoCommand,
  statsCommand,
  verifyCommand,
  captureCommand,
  importCommand,
  matchCommand,
  ingestCommand,
  refreshPatternsCommand,
  exportCommand,
  verifyExportCommand,
  publishDownloadCommand,
  backupCommand,
  restoreCommand,
  userCommand,
  tokenCommand,
  verifyReceiptCommand,
  receiptKeyCommand,
  moderationKeyCommand,
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Custodiet: sourced records of police misconduct.',
    '',
    'Usage: custodiet COMMAND [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `custodiet help COMMAND` or `custodiet COMMAND --help` for a command's options.",
    'Configuration comes from the environment: DATA_DIR, DATABASE_URL, PORT, HOST, BLOB_DIR, PUBLIC_URL, LOG_LEVEL.',
    'Exit codes: 0 success, 1 error, 2 usage error.',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const opts = Object.entries(c.options).map(
    ([name, o]) => `  --${name}${o.type === 'string' ? ' VALUE' : ''}`,
  );
  return [
    c.summary,
    '',
    `Usage: ${c.usage}`,
    ...(c.details ? ['', c.details] : []),
    ...(opts.length ? ['', 'Options:', ...opts] : []),
    '  --help',
  ].join('\n');
}

/** Runs the CLI and returns the process exit code. */
export async function main(argv: string[], io = { out: console.log, err: console.error }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(mainHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === 'help') {
    const target = COMMANDS.find((c) => c.name === rest[0]);
    io.out(target ? commandHelp(target) : mainHelp());
    return target || rest.length === 0 ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command '${name}'.\n\n${mainHelp()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.out(commandHelp(command));
      return 0;
    }
    if (positionals.length < command.positionals.min || positionals.length > command.positionals.max) {
      throw new UsageError(`Wrong number of arguments.`);
    }
    const config = loadConfig();
    const code = await command.run({
      values: values as Record<string, string | boolean | undefined>,
      positionals,
      config,
      out: io.out,
    });
    return code ?? 0;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(err as Error).message}\n\n${commandHelp(command)}`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof LockHeldError || err instanceof MigrationError) {
      io.err(`Error: ${err.message}`);
    } else if (isAppError(err)) {
      io.err(`Error ${err.code}: ${err.message}`);
    } else {
      io.err(`Error: ${err instanceof Error ? err.message : String(err)}`);
      if (process.env.LOG_LEVEL === 'debug' && err instanceof Error) io.err(err.stack ?? '');
    }
    return 1;
  }
}
