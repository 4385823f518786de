// The gazetteer as an editable kind of record: editors add stations and aliases, correct names
// and link entries to units, through the generic editor (list, form, history, revert), every
// change audited like any other record.
import { z } from 'zod';
import type { Actor } from '../audit/history.ts';
import { saveRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import type { EntityDef } from '../editor/entity.ts';
import { choices, forceOptions, unitOptions } from '../editor/options.ts';
import type { Option } from '../http/forms.tsx';
import { line, parseInput, uuid } from '../schema/common.ts';

export const gazetteerInput = z
  .object({
    kind: z.enum(['force', 'bcu', 'borough', 'station', 'unit']),
    name: line(200),
    aliases: z.array(line(200)).max(40).default([]),
    forceId: uuid,
    parentId: uuid.optional(),
    unitId: uuid.optional(),
    sourceNote: line(500),
  })
  .strict();
export type GazetteerInput = z.input<typeof gazetteerInput>;

/** Creates or updates a gazetteer entry. */
export async function saveGazetteerEntry(trx: Db, actor: Actor, input: GazetteerInput, id?: string) {
  const g = parseInput(gazetteerInput, input);
  return saveRecord(trx, actor, 'gazetteer_entries', id, {
    kind: g.kind,
    name: g.name,
    aliases: g.aliases,
    force_id: g.forceId,
    parent_id: g.parentId ?? null,
    unit_id: g.unitId ?? null,
    source_note: g.sourceNote,
  });
}

async function parentOptions(db: Db): Promise<Option[]> {
  const rows = await db
    .selectFrom('gazetteer_entries')
    .select(['id', 'name', 'kind'])
    .where('kind', 'in', ['force', 'bcu'])
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ value: r.id, label: `${r.name} (${r.kind})` }));
}

export const gazetteerEntries: EntityDef = {
  type: 'gazetteer_entries',
  errorFields: { CUS_CONFLICT: 'name' },
  singular: 'gazetteer entry',
  plural: 'Gazetteer',
  schema: gazetteerInput,
  save: (trx, actor, input, id) => saveGazetteerEntry(trx, actor, input as GazetteerInput, id),
  title: (r) => `${String(r.name)} (${String(r.kind)})`,
  orderBy: 'name',
  sections: [
    {
      hint: 'Names under which a force, command unit, borough, station or unit appears in articles. Ingestion finds places by these names; give where the name comes from.',
      fields: [
        { name: 'name', column: 'name', label: 'Name', kind: 'text', required: true },
        {
          name: 'kind',
          column: 'kind',
          label: 'Kind',
          kind: 'select',
          required: true,
          options: choices(['force', 'bcu', 'borough', 'station', 'unit']),
        },
        {
          name: 'aliases',
          column: 'aliases',
          label: 'Aliases',
          kind: 'text',
          split: true,
          hint: 'Other names, separated by commas (e.g. TSG, Territorial Support Group).',
        },
        {
          name: 'forceId',
          column: 'force_id',
          label: 'Police force',
          kind: 'select',
          required: true,
          options: forceOptions,
        },
        { name: 'parentId', column: 'parent_id', label: 'Part of', kind: 'select', options: parentOptions },
        { name: 'unitId', column: 'unit_id', label: 'Unit record', kind: 'select', options: unitOptions },
        {
          name: 'sourceNote',
          column: 'source_note',
          label: 'Source of the name (list, licence)',
          kind: 'text',
          required: true,
        },
      ],
    },
  ],
};
