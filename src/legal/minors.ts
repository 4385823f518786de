import type { Db } from '../db/client.ts';
import { childrenOfMany, incidentsOfMany } from '../publication/involvement.ts';
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

// Uploaded images among the sources cited by each record, in one query.
async function citedImages(db: Db, table: PublishableTable, ids: string[]): Promise<Map<string, number>> {
  const column = CLAIM_COLUMN_OF[table];
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('source_snapshots as s', 's.source_id', 'c.source_id')
    .select((eb) => [eb.ref(`c.${column}`).as('id'), eb.fn.countAll<number>().as('n')])
    .where(`c.${column}`, 'in', ids)
    .where('s.origin', '=', 'upload')
    .where('s.media_type', 'like', 'image/%')
    .groupBy(`c.${column}`)
    .execute();
  return new Map(rows.map((r) => [String(r.id), Number(r.n)]));
}

/** Why a record about a child may not publish as it stands (empty when no child is involved). */
export async function minorProblems(
  db: Db,
  table: PublishableTable,
  id: string,
  texts: string[],
): Promise<string[]> {
  const incidents = await incidentsOfMany(db, table, [id]);
  return (await minorProblemsAmong(db, table, incidents, new Map([[id, texts]]))).get(id) ?? [];
}

/**
 * minorProblems for several records of one table (keyed by id, with the incidents they are
 * about, from incidentsOfMany, and their public texts).
 */
export async function minorProblemsAmong(
  db: Db,
  table: PublishableTable,
  incidents: Map<string, string[]>,
  textsById: Map<string, string[]>,
): Promise<Map<string, string[]>> {
  const ids = [...textsById.keys()];
  const childrenOf = await childrenOfMany(db, incidents);
  const about = ids.filter((id) => (childrenOf.get(id) ?? []).length > 0);
  const images = about.length > 0 ? await citedImages(db, table, about) : new Map<string, number>();
  const out = new Map<string, string[]>();
  for (const [id, texts] of textsById) {
    const children = childrenOf.get(id) ?? [];
    const problems: string[] = [];
    out.set(id, problems);
    if (children.length === 0) continue;
    const schools = [...new Set(texts.flatMap(schoolNames))];
    if (schools.length > 0)
      problems.push(
        `This record is about a child (${children.join(', ')}) and names a school (${schools.join(', ')}): a school identifies a child. Describe it without its name.`,
      );
    if ((images.get(id) ?? 0) > 0)
      problems.push(
        `This record is about a child (${children.join(', ')}) and cites an uploaded photograph, which would be published with it. Cite the source without the image.`,
      );
  }
  return out;
}
