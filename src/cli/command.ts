import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config/config.ts';

/** Thrown for wrong usage; main() prints the command's help and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What a command receives once its arguments are parsed. */
export interface CommandContext {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  config: Config;
  out: (line: string) => void;
}

/** One CLI command. Commands stay thin: they parse, call a service and print. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Extra lines for `custodiet help NAME`. */
  details?: string;
  options: NonNullable<ParseArgsConfig['options']>;
  positionals: { min: number; max: number };
  /** Returns the exit code (0 when omitted). */
  run(ctx: CommandContext): Promise<number | void>;
}
