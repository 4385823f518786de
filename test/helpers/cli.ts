import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { createPostgresDatabase, TEST_BACKEND } from './db.ts';

const BIN = path.resolve('bin/custodiet.js');

/** Result of running the real `custodiet` binary. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment for a child process: this run's backend unless overridden, quiet logs. */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  // Servers started by tests must not fetch the demo sources from the internet: captures are
  // tested against a local web server instead.
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'error', CAPTURE_WORKER: 'false', ...extra };
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

/** Runs `custodiet ARGS…` to completion, writing `input` to its standard input when given. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    if (input !== undefined) child.stdin.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `custodiet ARGS…` and resolves once a stdout line matches, with the match. */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out waiting for ${ready}; output so far:\n${out}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      out += d;
      const m = out.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve({ child, match: m, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${out}`));
    });
  });
}

/** Resolves when a child process has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/**
 * Environment for CLI processes on this run's backend: a fresh PostgreSQL database (dropped by
 * `close`) or a fresh embedded data directory.
 */
export async function backendEnv(
  prefix: string,
): Promise<{ env: NodeJS.ProcessEnv; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (TEST_BACKEND !== 'postgres')
    return { env: childEnv({ DATA_DIR: dataDir, DATABASE_URL: undefined }), close: async () => undefined };
  const pg = await createPostgresDatabase();
  return { env: childEnv({ DATABASE_URL: pg.url, DATA_DIR: dataDir }), close: () => pg.close() };
}

/** A data folder (and, on PostgreSQL runs, a database) made ready with `init` for one test file. */
export interface CliSite {
  env: NodeJS.ProcessEnv;
  /** A private folder for the test's own files. */
  dir: string;
}

/**
 * Registers before/after hooks that make a fresh backend (`backendEnv`) and a folder for the
 * test's files, run `custodiet init`, and remove them afterwards.
 */
export function useCliSite(prefix: string, extra: Record<string, string | undefined> = {}): CliSite {
  const site = {} as CliSite;
  let close: (() => Promise<void>) | undefined;
  before(async () => {
    site.dir = fs.mkdtempSync(path.join(os.tmpdir(), `custodiet-${prefix}-`));
    const backend = await backendEnv(`custodiet-${prefix}-data-`);
    close = backend.close;
    site.env = childEnv({ ...backend.env, ...extra });
    const init = await runCli(['init'], site.env);
    if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
  });
  after(async () => {
    await close?.();
    for (const dir of [site.dir, site.env?.DATA_DIR])
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return site;
}
