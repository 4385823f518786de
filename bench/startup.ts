// Cold and warm start of `custodiet serve --demo` on PGlite: time from process spawn to the first
// successful home page listing the demo incidents, and the server's resident memory then.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Resident memory of a process, from /proc (Linux). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

async function startOnce(dataDir: string): Promise<{ ms: number; rssMiB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.resolve('bin/custodiet.js'), 'serve', '--demo'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'error' },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
    });
    const res = await fetch(url);
    const html = await res.text();
    if (res.status !== 200 || !html.includes('article class="incident"'))
      throw new Error('home page without incidents');
    const ms = performance.now() - started;
    return { ms: Math.round(ms), rssMiB: rssMiB(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs RUNS cold starts (fresh data directory each) and RUNS warm starts (existing data). */
export async function startupBenchmark(): Promise<Record<string, unknown>> {
  const cold: { ms: number; rssMiB: number }[] = [];
  const warm: { ms: number; rssMiB: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-bench-'));
    cold.push(await startOnce(dir));
    warm.push(await startOnce(dir));
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const summary = {
    backend: 'pglite',
    runs: RUNS,
    coldStartToFirstPageMs: { median: median(cold.map((c) => c.ms)), all: cold.map((c) => c.ms) },
    warmStartToFirstPageMs: { median: median(warm.map((c) => c.ms)), all: warm.map((c) => c.ms) },
    rssAfterFirstPageMiB: {
      cold: median(cold.map((c) => c.rssMiB)),
      warm: median(warm.map((c) => c.rssMiB)),
    },
  };
  console.log('Start-up to first page (PGlite, demo data):');
  console.log(
    `  cold (new data directory, migrate + seed): median ${summary.coldStartToFirstPageMs.median} ms  [${summary.coldStartToFirstPageMs.all.join(', ')}]`,
  );
  console.log(
    `  warm (existing data directory):            median ${summary.warmStartToFirstPageMs.median} ms  [${summary.warmStartToFirstPageMs.all.join(', ')}]`,
  );
  console.log(
    `  RSS after first page: cold ${summary.rssAfterFirstPageMiB.cold} MiB, warm ${summary.rssAfterFirstPageMiB.warm} MiB`,
  );
  return summary;
}
