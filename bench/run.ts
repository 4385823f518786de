// `npm run bench -- NAME`: runs one benchmark, prints its figures and writes bench/results/NAME.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { matchBenchmark } from './match.ts';
import { pagesBenchmark } from './pages.ts';
import { startupBenchmark } from './startup.ts';

const BENCHMARKS: Record<string, () => Promise<Record<string, unknown>>> = {
  startup: startupBenchmark,
  pages: pagesBenchmark,
  match: matchBenchmark,
};

const name = process.argv[2];
if (!name || !BENCHMARKS[name]) {
  console.error(`Usage: npm run bench -- NAME\nBenchmarks: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
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
  },
  figures,
};
const out = path.resolve('bench/results', `${name}.json`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(`\nWrote ${path.relative(process.cwd(), out)}`);
