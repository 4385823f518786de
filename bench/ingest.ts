// `npm run bench -- ingest`: the bundle builder against the hand-annotated evaluation articles
// (test/fixtures/ingest), per field, for all articles, the tuning set and the held-out set.
import { PGlite } from '@electric-sql/pglite';
import { kyselyForPglite, PGLITE_EXTENSIONS } from '../src/db/client.ts';
import { migrate } from '../src/db/migrations.ts';
import { evaluate, FIELDS, loadArticles, type FieldFigures } from '../src/ingest/evaluate.ts';
import { loadTextLibraries } from '../src/ingest/nlp.ts';
import { loadGazetteer } from '../src/ingest/repository.ts';

function print(label: string, n: number, figs: Record<string, FieldFigures>) {
  console.log(`\n${label} (${n} articles)`);
  console.log('field        precision  recall  F1     (tp/fp/fn)');
  for (const f of FIELDS) {
    const x = figs[f]!;
    console.log(
      `${f.padEnd(12)} ${x.precision.toFixed(3).padStart(9)}  ${x.recall.toFixed(3).padStart(6)}  ${x.f1.toFixed(3)}  (${x.tp}/${x.fp}/${x.fn})`,
    );
  }
}

export async function ingestBenchmark(): Promise<Record<string, unknown>> {
  const lite = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const db = kyselyForPglite(lite);
  try {
    await migrate(db);
    const gazetteer = await loadGazetteer(db);
    const articles = loadArticles('test/fixtures/ingest');
    const tuning = articles.filter((a) => !a.gold.heldOut);
    const heldOut = articles.filter((a) => a.gold.heldOut);
    await loadTextLibraries(); // loaded once, before the clock: the figure is per article
    const started = performance.now();
    const all = evaluate(articles, gazetteer);
    const ms = performance.now() - started;
    print('All', articles.length, all);
    const tune = evaluate(tuning, gazetteer);
    print('Tuning set', tuning.length, tune);
    const held = evaluate(heldOut, gazetteer);
    print('Held out (never looked at while tuning)', heldOut.length, held);
    console.log(`\n${(ms / articles.length).toFixed(1)} ms per article`);
    return {
      articles: articles.length,
      all,
      tuning: tune,
      heldOut: held,
      msPerArticle: Math.round(ms / articles.length),
    };
  } finally {
    await db.destroy();
    await lite.close();
  }
}
