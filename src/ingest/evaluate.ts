// Scoring the bundle builder against hand-written gold annotations (test/fixtures/ingest): per
// field, true and false positives and misses, micro-averaged into precision, recall and F1.
// Used by `npm run bench -- ingest` and by the tests that check the figures hold.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { buildBundle, type ProposedBundle } from './bundle.ts';
import type { GazetteerEntry } from './places.ts';
import { fold } from './text.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One article's gold annotation, written by hand from the text before any tuning. */
export const goldSchema = z
  .object({
    title: z.string().min(1),
    style: z.string().min(1),
    articleDate: isoDate,
    heldOut: z.boolean(),
    dates: z.array(
      z
        .object({
          on: isoDate,
          precision: z.enum(['day', 'month', 'year', 'range', 'month_range', 'year_range']),
          until: isoDate.optional(),
        })
        .strict(),
    ),
    officers: z.array(z.object({ name: z.string().min(1), rank: z.string().nullable() }).strict()),
    places: z.array(z.string().min(1)),
    forces: z.array(z.string().min(1)),
    standards: z.array(z.string().regex(/^[a-z_]+$/)),
    statements: z.array(z.object({ speaker: z.string().min(1), quote: z.string().min(1) }).strict()),
    status: z.array(z.string().regex(/^[a-z_]+$/)),
  })
  .strict();
export type Gold = z.output<typeof goldSchema>;

export const FIELDS = ['dates', 'officers', 'places', 'forces', 'standards', 'statements', 'status'] as const;
export type Field = (typeof FIELDS)[number];

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** An article of the evaluation set: its text and its gold annotation. */
export interface EvalArticle {
  slug: string;
  text: string;
  gold: Gold;
}

/** Reads every article (NAME.txt with NAME.json) in a folder; a bad annotation fails loudly. */
export function loadArticles(dir: string): EvalArticle[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.txt$/, '');
      const gold = goldSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, `${slug}.json`), 'utf8')));
      return { slug, text: fs.readFileSync(path.join(dir, f), 'utf8'), gold };
    });
}

const nameKey = (s: string) => fold(s).replace(/^(sir|dame)\s+/, '');
const val = <T>(i: { proposed: Record<string, unknown> }, k: string) => i.proposed[k] as T;

/** What the bundle proposes for each field, as comparable keys. */
export function predicted(b: ProposedBundle) {
  const of = (kind: string) => b.items.filter((i) => i.kind === kind);
  return {
    dates: [
      ...new Set(of('date').map((i) => `${val(i, 'on')}|${val(i, 'precision')}|${val(i, 'until') ?? ''}`)),
    ],
    officers: of('officer').map((i) => ({
      name: nameKey(
        val<string | null>(i, 'name') ?? val<{ value: string } | null>(i, 'identifier')?.value ?? '',
      ),
      rank: val<string | null>(i, 'rank'),
    })),
    places: of('place')
      .filter((i) => val(i, 'kind') !== 'borough')
      .map((i) => fold(val(i, 'name'))),
    forces: of('force').map((i) => val<string>(i, 'forceSlug')),
    standards: [...new Set(of('allegation').flatMap((i) => val<string[]>(i, 'standards')))],
    statements: of('statement').map((i) => ({
      speaker: fold(val(i, 'speaker')),
      quote: fold(val(i, 'quote')),
    })),
    status: [...new Set(of('status').map((i) => val<string>(i, 'label')))],
  };
}

/** Pairs predictions with gold one to one by a match test; the rest are false positives or misses. */
function pair<P, G>(pred: P[], gold: G[], match: (p: P, g: G) => boolean): Tally {
  const left = [...gold];
  let tp = 0;
  for (const p of pred) {
    const i = left.findIndex((g) => match(p, g));
    if (i >= 0) {
      tp++;
      left.splice(i, 1);
    }
  }
  return { tp, fp: pred.length - tp, fn: left.length };
}

const surname = (s: string) => s.split(/\s+/).pop() ?? s;

/** The tally of one article, per field. */
export function score(b: ProposedBundle, gold: Gold): Record<Field, Tally> {
  const p = predicted(b);
  return {
    dates: pair(
      p.dates,
      gold.dates.map((d) => `${d.on}|${d.precision}|${d.until ?? ''}`),
      (a, g) => a === g,
    ),
    officers: pair(
      p.officers,
      gold.officers,
      (a, g) => a.name === nameKey(g.name) && (g.rank === null || a.rank === g.rank),
    ),
    places: pair(p.places, gold.places.map(fold), (a, g) => a === g),
    forces: pair(p.forces, gold.forces, (a, g) => a === g),
    standards: pair(p.standards, gold.standards, (a, g) => a === g),
    statements: pair(p.statements, gold.statements, (a, g) => {
      const gs = fold(g.speaker);
      const speakerOk = a.speaker === gs || a.speaker.includes(surname(gs)) || gs.includes(a.speaker);
      return speakerOk && a.quote.includes(fold(g.quote).replace(/[.,]+$/, ''));
    }),
    status: pair(p.status, gold.status, (a, g) => a === g),
  };
}

export interface FieldFigures extends Tally {
  precision: number;
  recall: number;
  f1: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Precision, recall and F1 from a summed tally (an empty field scores 1: nothing to find, nothing wrong). */
export function figures(t: Tally): FieldFigures {
  const precision = t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
  const recall = t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...t, precision: round(precision), recall: round(recall), f1: round(f1) };
}

/** Runs the builder over articles and sums the tallies per field. */
export function evaluate(articles: EvalArticle[], gazetteer: GazetteerEntry[]): Record<Field, FieldFigures> {
  const sum = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<Field, Tally>;
  for (const a of articles) {
    const b = buildBundle({ text: a.text, title: a.gold.title, articleDate: a.gold.articleDate, gazetteer });
    const s = score(b, a.gold);
    for (const f of FIELDS) {
      sum[f].tp += s[f].tp;
      sum[f].fp += s[f].fp;
      sum[f].fn += s[f].fn;
    }
  }
  return Object.fromEntries(FIELDS.map((f) => [f, figures(sum[f])])) as Record<Field, FieldFigures>;
}
