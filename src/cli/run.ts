// Entry point: `tsx src/cli/run.ts COMMAND …` (npm scripts) and bin/custodiet.js.
import { main } from './main.ts';

const code = await main(process.argv.slice(2));
process.exitCode = code;
