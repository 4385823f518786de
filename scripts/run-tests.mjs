#!/usr/bin/env node
// Runs every *.test.ts / *.test.tsx under src/ and test/ with node:test (Node 20 does not expand
// globs itself, so the files are listed here explicitly). Extra arguments narrow the run:
//   npm test -- src/db            only files under src/db
//   npm test -- --browser         only browser tests (test/browser)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const filters = args.filter((a) => !a.startsWith('--'));

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

let files = [...walk('src'), ...walk('test')].sort();
if (browserOnly) files = files.filter((f) => f.startsWith(path.join('test', 'browser')));
if (filters.length > 0) files = files.filter((f) => filters.some((x) => f.startsWith(path.normalize(x))));
if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
console.log(
  `Running ${files.length} test files on ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'}`,
);
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec',
    // A test that never settles fails after 10 minutes instead of holding CI until its deadline,
    // and a file whose tests are done exits even if some handle (a socket, a timer) is left open.
    '--test-timeout=600000',
    '--test-force-exit',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
