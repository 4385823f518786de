import type { Db } from '../db/client.ts';

/**
 * "Made from submission N" on the editor page of a draft converted from a submission. Only the
 * number: the submission itself opens for moderators with the key unlocked.
 */
export async function FromSubmission(props: { db: Db; recordId: string }) {
  const rows = await props.db
    .selectFrom('submission_conversions')
    .select(['submission_id', 'converted_on'])
    .where('record_id', '=', props.recordId)
    .execute();
  if (rows.length === 0) return null;
  return (
    <p class="callout">
      {rows.map((r) => (
        <>
          Made on {r.converted_on} from{' '}
          <a href={`/editor/submissions/${r.submission_id}`}>submission {r.submission_id}</a> (anonymous;
          moderators only). Check that nothing here could identify the sender.
        </>
      ))}
    </p>
  );
}
