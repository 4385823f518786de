import type { Command } from '../command.ts';

/** Opens (and migrates) the database, optionally seeds the demo cases, and serves HTTP until stopped. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Start the web server',
  usage: 'custodiet serve [--demo] [--port N] [--host ADDRESS]',
  details:
    'Applies pending migrations first. With --demo, loads the bundled demo cases the first time the database\n' +
    'is started (later starts leave them as editors changed them). PORT 0 picks a free port.',
  options: { demo: { type: 'boolean' }, port: { type: 'string' }, host: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    const { runServe } = await import('../serve-server.ts');
    return runServe(ctx);
  },
};
