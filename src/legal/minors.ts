import type { Db } from '../db/client.ts';
import { childrenInvolved, incidentsOf } from '../publication/involvement.ts';
import { CLAIM_COLUMN_OF, type PublishableTable } from '../publication/service.ts';

/**
 * Rule R8 beyond names (which the database refuses): a record about a child must not name their
 * school or show a photograph. A school is found by its name's shape ("Eastfield Primary School",
 * "Northgate Academy"); "a local school" is not a name and passes. Addresses are R10's, always.
 */
const SCHOOL =
  /\b(?!(?:The|A|An|This|That|His|Her|Their|Our|Its)\s)((?:[A-Z][\w'’.-]*\s+){1,5}(?:Primary|Junior|Infant|Secondary|High|Grammar|Free|Community)?\s*(?:School|Academy|College|Pupil Referral Unit))\b(?! of Policing)/g;

/** School names in a text, in the order they appear. */
export function schoolNames(text: string): string[] {
  return [...text.matchAll(SCHOOL)].map((m) => m[1]!.trim());
}

// Uploaded images among the sources cited by the record (or, for an allegation, by its incident).
async function citedImages(db: Db, table: PublishableTable, id: string): Promise<number> {
  const row = await db
    .selectFrom('claims as c')
    .innerJoin('source_snapshots as s', 's.source_id', 'c.source_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(`c.${CLAIM_COLUMN_OF[table]}`, '=', id)
    .where('s.origin', '=', 'upload')
    .where('s.media_type', 'like', 'image/%')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Why a record about a child may not publish as it stands (empty when no child is involved). */
export async function minorProblems(
  db: Db,
  table: PublishableTable,
  id: string,
  texts: string[],
): Promise<string[]> {
  const children = await childrenInvolved(db, await incidentsOf(db, table, id));
  if (children.length === 0) return [];
  const out: string[] = [];
  const schools = [...new Set(texts.flatMap(schoolNames))];
  if (schools.length > 0)
    out.push(
      `This record is about a child (${children.join(', ')}) and names a school (${schools.join(', ')}): a school identifies a child. Describe it without its name.`,
    );
  if ((await citedImages(db, table, id)) > 0)
    out.push(
      `This record is about a child (${children.join(', ')}) and cites an uploaded photograph, which would be published with it. Cite the source without the image.`,
    );
  return out;
}
