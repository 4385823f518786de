import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a lock file records about the process holding it. */
export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Kernel start time of the process (Linux /proc), used to tell a live owner from a reused pid. */
  procStart: string | null;
  command: string;
}

/** Thrown when another live process holds the data directory. */
export class LockHeldError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The data directory is locked by another Custodiet process ` +
        `(pid ${owner.pid} on ${owner.hostname}, "${owner.command}", started ${owner.startedAt}).\n` +
        `Lock file: ${lockPath}\n` +
        `Two processes on one embedded database silently corrupt it, so this one will not start. ` +
        `Stop the other process first, or set DATABASE_URL to run several instances on PostgreSQL.`,
    );
    this.name = 'LockHeldError';
  }
}

/** A held lock; release() is idempotent and also runs on process exit. */
export interface DirectoryLock {
  readonly path: string;
  readonly recoveredStale: LockOwner | null;
  release(): void;
}

function procStartOf(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces, so split after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22 overall: starttime
  } catch {
    return null;
  }
}

function readOwner(lockPath: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.hostname !== 'string') return null;
    return {
      pid: parsed.pid,
      hostname: parsed.hostname,
      startedAt: String(parsed.startedAt ?? 'unknown'),
      procStart: typeof parsed.procStart === 'string' ? parsed.procStart : null,
      command: String(parsed.command ?? 'unknown'),
    };
  } catch {
    return null;
  }
}

/** True when the owner is certainly gone: same host and the pid is dead or now belongs to another process. */
function isStale(owner: LockOwner): boolean {
  if (owner.hostname !== os.hostname()) return false; // cannot check a process on another machine
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return true;
  }
  const current = procStartOf(owner.pid);
  return owner.procStart !== null && current !== null && current !== owner.procStart;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a stale lock under a short-lived mutex directory, so two processes recovering at
 * once cannot delete each other's fresh lock.
 */
function removeStale(lockPath: string, seen: LockOwner): boolean {
  const mutex = `${lockPath}.recover`;
  try {
    fs.mkdirSync(mutex);
  } catch {
    const age = Date.now() - (fs.statSync(mutex, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 10_000) fs.rmSync(mutex, { recursive: true, force: true });
    return false;
  }
  try {
    const now = readOwner(lockPath);
    if (now && now.pid === seen.pid && now.startedAt === seen.startedAt && isStale(now)) {
      fs.rmSync(lockPath, { force: true });
      return true;
    }
    return false;
  } finally {
    fs.rmSync(mutex, { recursive: true, force: true });
  }
}

/**
 * Takes the exclusive lock on a data directory or throws LockHeldError naming the holder.
 * A lock left by a killed process (kill -9, power loss) is detected and recovered.
 */
export function acquireDirectoryLock(dir: string, command: string): DirectoryLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'custodiet.lock');
  const me: LockOwner = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
    procStart: procStartOf(process.pid),
    command,
  };
  let recoveredStale: LockOwner | null = null;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(me, null, 2) + '\n');
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      return makeHandle(lockPath, me, recoveredStale);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(lockPath);
    if (owner === null) {
      // Being written right now, or a crash between create and write: give it a moment.
      const age = Date.now() - (fs.statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if (age > 5_000) fs.rmSync(lockPath, { force: true });
      else sleepSync(100);
      continue;
    }
    if (!isStale(owner)) throw new LockHeldError(lockPath, owner);
    if (removeStale(lockPath, owner)) recoveredStale = owner;
    else sleepSync(50);
  }
  throw new Error(`Could not take the lock ${lockPath} after repeated attempts`);
}

function makeHandle(lockPath: string, me: LockOwner, recoveredStale: LockOwner | null): DirectoryLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const owner = readOwner(lockPath);
    if (owner && owner.pid === me.pid && owner.startedAt === me.startedAt)
      fs.rmSync(lockPath, { force: true });
  };
  process.on('exit', release);
  return { path: lockPath, recoveredStale, release };
}
