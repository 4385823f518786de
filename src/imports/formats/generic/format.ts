import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { slugify } from '../../../schema/common.ts';
import { resolveForce } from '../../agencies.ts';
import type { ImportFormat } from '../../framework.ts';
import { ImportFileError } from '../../read.ts';
import { US_RANKS } from '../../us-vocabulary.ts';
import { FIELD_KINDS, FIELDS, OUTCOME_TAXONOMIES, TAXONOMY, type CodeSource } from './fields.ts';
import { codesGiven, mappedColumns, parseMapping, type Mapping } from './mapping.ts';
import { rowSchema, type Codes, type MappedRow } from './rows.ts';
import { writeGeneric, type GenericState } from './write.ts';

/**
 * `custodiet import generic FILE --mapping MAPPING.json`: any CSV, read through a JSON mapping
 * (docs/imports.md). The same protections as every format: drafts only, no personal officer
 * data, people never named, all or nothing.
 */

const UK_RANKS = 'ew_ranks_2025';

/** Loads the codes of the taxonomies the mapping's coded fields use, and checks the mapping's own. */
async function prepare(trx: Db, m: Mapping, codes: Codes): Promise<GenericState> {
  const forceId = await resolveForce(trx, m.force);
  const force = await trx
    .selectFrom('forces')
    .select('jurisdiction')
    .where('id', '=', forceId)
    .executeTakeFirstOrThrow();
  codes.us = force.jurisdiction === 'united_states';
  const rankTaxonomy = codes.us ? US_RANKS : UK_RANKS;
  const outcomes = OUTCOME_TAXONOMIES[force.jurisdiction] ?? {};
  if (m.records.finding && Object.keys(outcomes).length === 0)
    throw new ImportFileError(
      `Findings cannot be imported for a force in ${force.jurisdiction}: Custodiet has no taxonomy of its outcomes yet, and will not file them under another country's regulations. Leave records.finding out of the mapping and add the findings by hand.`,
    );
  const taxonomies = taxonomySources(rankTaxonomy, outcomes);
  const terms = await trx
    .selectFrom('taxonomy_terms')
    .select(['taxonomy_id', 'code'])
    .where('taxonomy_id', 'in', [...new Set(Object.values(taxonomies).flat())])
    .execute();
  for (const [source, ids] of Object.entries(taxonomies))
    codes.bySource.set(source, new Set(terms.filter((t) => ids.includes(t.taxonomy_id)).map((t) => t.code)));
  const problems = [...mappingCodeProblems(m, codes, taxonomies), ...trackProblems(m, Object.keys(outcomes))];
  if (problems.length > 0)
    throw new ImportFileError(`The mapping gives codes that do not exist: ${problems.join('; ')}.`);
  return { forceId, rankTaxonomy, outcomes, slugBase: slugify(m.dataset.title, 40) || 'dataset' };
}

/** The taxonomies behind each source of codes; outcomes and sanctions as a whole and by track. */
function taxonomySources(rankTaxonomy: string, outcomes: GenericState['outcomes']): Record<string, string[]> {
  const out: Record<string, string[]> = { rank: [rankTaxonomy], outcome: [], sanction: [] };
  for (const [source, id] of Object.entries(TAXONOMY)) out[source] = [id];
  for (const [track, v] of Object.entries(outcomes)) {
    out[`outcome:${track}`] = [v.outcome];
    out[`sanction:${track}`] = [v.sanction];
    out.outcome!.push(v.outcome);
    out.sanction!.push(v.sanction);
  }
  return out;
}

/** Tracks the mapping gives that the force's jurisdiction has no outcomes for (criminal, in the US). */
function trackProblems(m: Mapping, tracks: string[]): string[] {
  const spec = m.records.finding?.fields.track;
  if (!spec) return [];
  return [...new Set(codesGiven(spec))]
    .filter((t) => !tracks.includes(t))
    .map(
      (t) =>
        `records.finding.fields.track: "${t}" has no outcomes for this force's jurisdiction (tracks: ${tracks.join(', ')})`,
    );
}

/** Value-map targets, "otherwise" and constants of taxonomy-coded fields that are not codes. */
function mappingCodeProblems(m: Mapping, codes: Codes, taxonomies: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const kind of FIELD_KINDS)
    for (const [field, spec] of Object.entries(m.records[kind]?.fields ?? {})) {
      const def = FIELDS[kind][field]!;
      if ((def.type !== 'code' && def.type !== 'codes') || typeof def.codes !== 'string') continue;
      const source = def.codes as Exclude<CodeSource, readonly string[]>;
      const allowed = codes.bySource.get(source)!;
      for (const c of new Set(codesGiven(spec).filter((g) => !allowed.has(g))))
        out.push(
          `records.${kind}.fields.${field}: "${c}" is not a code of ${taxonomies[source]!.join(' or ')} (codes: ${[...allowed].join(', ')})`,
        );
    }
  return out;
}

/** The generic format set up with one mapping (its id carries the mapping's hash). */
function withMapping(text: string): ImportFormat<MappedRow, GenericState> {
  const m = parseMapping(text);
  const codes: Codes = { bySource: new Map(), us: false };
  // A corrected mapping is a new way of reading the same file: it must not be "imported before".
  const hash = crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
  return {
    id: `generic-${hash}`,
    title: `${m.dataset.title} (generic CSV, mapping ${hash})`,
    columns: mappedColumns(m),
    dataset: () => m.dataset,
    prepare: (trx) => prepare(trx, m, codes),
    row: rowSchema(m, codes),
    write: (trx, batch, ctx) => writeGeneric(trx, m, batch, ctx),
  };
}

const NEEDS_MAPPING = 'The generic format needs a mapping file (--mapping FILE): see docs/imports.md.';

export const genericCsv: ImportFormat<MappedRow, GenericState> = {
  id: 'generic',
  title: 'Generic CSV (with a JSON mapping file)',
  columns: [],
  dataset: () => {
    throw new ImportFileError(NEEDS_MAPPING);
  },
  prepare: () => Promise.reject(new ImportFileError(NEEDS_MAPPING)),
  row: z.never(),
  write: () => Promise.reject(new ImportFileError(NEEDS_MAPPING)),
  settings: { mapping: 'required' },
  configure: (settings) => withMapping(settings.mapping ?? ''),
};
