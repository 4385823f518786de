// Writes docs/access-matrix.md from the route-access table (the test fails when it is stale).
import fs from 'node:fs';
import prettier from 'prettier';
import { renderAccessMatrix } from '../src/accounts/route-access.ts';

const file = 'docs/access-matrix.md';
const options = { ...(await prettier.resolveConfig(file)), parser: 'markdown' };
fs.writeFileSync(file, await prettier.format(renderAccessMatrix(), options));
console.log(`wrote ${file}`);
