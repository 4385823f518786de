import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { acquireDirectoryLock, LockHeldError } from './lock.ts';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-lock-'));

/** A pid that certainly belonged to a process that has now exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('data directory lock', () => {
  test('is exclusive, names its holder, and is released', () => {
    const dir = tmp();
    const lock = acquireDirectoryLock(dir, 'serve');
    const held = JSON.parse(fs.readFileSync(lock.path, 'utf8'));
    assert.equal(held.pid, process.pid);
    // Same process on purpose: the check is on the file, and a live pid is never stale.
    const other = { ...held, pid: process.ppid, procStart: null };
    fs.writeFileSync(lock.path, JSON.stringify(other));
    assert.throws(
      () => acquireDirectoryLock(dir, 'serve'),
      (e: LockHeldError) =>
        e instanceof LockHeldError &&
        e.message.includes(lock.path) &&
        e.message.includes(`pid ${process.ppid}`),
    );
    fs.writeFileSync(lock.path, JSON.stringify(held));
    lock.release();
    assert.equal(fs.existsSync(lock.path), false);
    acquireDirectoryLock(dir, 'again').release();
  });

  test('a lock left by a killed process is recovered', () => {
    const dir = tmp();
    const stale = {
      pid: deadPid(),
      hostname: os.hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      procStart: null,
      command: 'serve',
    };
    fs.writeFileSync(path.join(dir, 'custodiet.lock'), JSON.stringify(stale));
    const lock = acquireDirectoryLock(dir, 'serve');
    assert.equal(lock.recoveredStale?.pid, stale.pid);
    lock.release();
  });

  test('a lock whose pid now belongs to a different process is recovered', () => {
    const dir = tmp();
    // The parent is alive, but its recorded start time does not match: the pid was reused.
    const reused = {
      pid: process.ppid,
      hostname: os.hostname(),
      startedAt: 'x',
      procStart: '1',
      command: 'serve',
    };
    fs.writeFileSync(path.join(dir, 'custodiet.lock'), JSON.stringify(reused));
    const lock = acquireDirectoryLock(dir, 'serve');
    assert.equal(lock.recoveredStale?.pid, process.ppid);
    lock.release();
  });

  test('a lock from another machine is never assumed stale', () => {
    const dir = tmp();
    const remote = {
      pid: deadPid(),
      hostname: 'another-host',
      startedAt: 'x',
      procStart: null,
      command: 'serve',
    };
    fs.writeFileSync(path.join(dir, 'custodiet.lock'), JSON.stringify(remote));
    assert.throws(() => acquireDirectoryLock(dir, 'serve'), /another-host/);
  });
});
