// `npm run bench -- NAME`: runs one benchmark, prints its figures and writes bench/results/NAME.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matchBenchmark } from './match.ts';
import { importBenchmark } from './import.ts';
import { ingestBenchmark } from './ingest.ts';
import { pagesBenchmark } from './pages.ts';
import { patternsBenchmark } from './patterns.ts';
import { loadBenchmark } from './load.ts';
import { soakBenchmark } from './soak.ts';
import { startupBenchmark } from './startup.ts';

const BENCHMARKS: Record<string, () => Promise<Record<string, unknown>>> = {
  startup: startupBenchmark,
  pages: pagesBenchmark,
  match: matchBenchmark,
  import: importBenchmark,
  ingest: ingestBenchmark,
  patterns: patternsBenchmark,
  load: loadBenchmark,
  soak: soakBenchmark,
};

const name = process.argv[2];
if (!name || !BENCHMARKS[name]) {
  console.error(`Usage: npm run bench -- NAME\nBenchmarks: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
// Other work on the machine changes every figure: the load average is recorded with them.
const loadBefore = os.loadavg();
const figures = await BENCHMARKS[name]!();
const result = {
  benchmark: name,
  at: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // The machine is shared: its load average (1, 5, 15 min) before and after says how busy it was.
    loadAverage: { before: loadBefore, after: os.loadavg() },
  },
  figures,
};
const out = path.resolve('bench/results', `${name}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
