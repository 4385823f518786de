import { z } from 'zod';
import { integer, requiredText } from '../fields.ts';
import type { ImportFormat } from '../framework.ts';

/**
 * Unit headcounts: how many officers a unit had in a year, from a published source (an FOI answer,
 * a force's annual report), for the rate of allegations per 100 officers on the units pattern page.
 * One row per unit and year:
 *
 *   unit,year,headcount,source
 *   metropolitan/central-west,2024,1650,"Metropolitan Police FOI 01/FOI/24/012345"
 *
 * `unit` is the unit's address as on its page (/forces/<force>/units/<unit>): the force's slug and
 * the unit's slug. A command unit's headcount is the whole command's, stations included, as its
 * allegations count theirs. A later file's figure for the same unit and year replaces the earlier.
 */

const UNIT_ADDRESS = /^(?:\/?forces\/)?([a-z0-9-]+)\/(?:units\/)?([a-z0-9-]+)\/?$/;

export const headcountRow = z.object({
  unit: z.string().transform((s, ctx) => {
    const m = UNIT_ADDRESS.exec(s.trim());
    if (!m) ctx.addIssue({ code: 'custom', message: 'must be <force>/<unit> as in the unit page address' });
    return m ? `${m[1]}/${m[2]}` : '';
  }),
  year: integer(1900, 2200, 'must be a year like 2024'),
  headcount: integer(0, 1_000_000, 'must be a whole number of officers'),
  source: requiredText(500),
});
type HeadcountRow = z.output<typeof headcountRow>;

interface State {
  /** Unit id by "<force slug>/<unit slug>". */
  units: Map<string, string>;
  /** Line of each (unit, year) already given in this file. */
  seen: Map<string, number>;
}

export const unitHeadcounts: ImportFormat<HeadcountRow, State> = {
  id: 'unit-headcounts',
  title: 'unit headcounts',
  columns: ['unit', 'year', 'headcount', 'source'],
  dataset: () => ({
    publisher: 'Custodiet editors (compiled from the sources named per row)',
    title: 'Unit headcounts',
    licence: 'Each figure as licensed by the source named in its row.',
  }),
  async prepare(trx) {
    const rows = await trx
      .selectFrom('units as u')
      .innerJoin('forces as f', 'f.id', 'u.force_id')
      .select(['u.id', 'u.slug', 'f.slug as force'])
      .execute();
    return { units: new Map(rows.map((r) => [`${r.force}/${r.slug}`, r.id])), seen: new Map() };
  },
  row: headcountRow,
  async write(trx, rows, ctx) {
    const values = [];
    for (const { line, value: r } of rows) {
      const unitId = ctx.state.units.get(r.unit);
      if (!unitId) {
        ctx.reject(line, 'unit', `no unit has the address ${r.unit} (see the unit's page for its address)`);
        continue;
      }
      const key = `${unitId}/${r.year}`;
      const earlier = ctx.state.seen.get(key);
      if (earlier !== undefined) {
        ctx.reject(line, 'year', `${r.unit} ${r.year} is already given on line ${earlier}`);
        continue;
      }
      ctx.state.seen.set(key, line);
      values.push({
        unit_id: unitId,
        year: r.year,
        headcount: r.headcount,
        source: r.source,
        dataset_file_id: ctx.fileId,
      });
    }
    if (values.length === 0) return;
    await trx
      .insertInto('unit_headcounts')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['unit_id', 'year']).doUpdateSet((eb) => ({
          headcount: eb.ref('excluded.headcount'),
          source: eb.ref('excluded.source'),
          dataset_file_id: eb.ref('excluded.dataset_file_id'),
        })),
      )
      .execute();
  },
};
