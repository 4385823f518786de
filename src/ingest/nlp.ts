// The two text libraries the extractors use, loaded on first need. Together they take about a
// second to import, and every process (the server, each CLI command, each test file) would pay
// that at start-up although only article ingestion uses them.
import type nlpFunction from 'compromise';
import type * as chronoModule from 'chrono-node';

interface TextLibraries {
  nlp: typeof nlpFunction;
  chrono: typeof chronoModule;
}

let loaded: TextLibraries | undefined;

/** Imports compromise and chrono-node once; the extractors need this to have resolved. */
export async function loadTextLibraries(): Promise<TextLibraries> {
  if (!loaded) {
    const [compromise, chrono] = await Promise.all([import('compromise'), import('chrono-node')]);
    loaded = { nlp: compromise.default, chrono };
  }
  return loaded;
}

/** The loaded libraries; a programming error (not user input) if `loadTextLibraries` has not run. */
export function textLibraries(): TextLibraries {
  if (!loaded) throw new Error('await loadTextLibraries() before extracting from text');
  return loaded;
}
