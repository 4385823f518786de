import type { Db } from '../db/client.ts';
import { Timestamp } from '../http/time.tsx';
import { activeMerges } from './repository.ts';

const TYPES = new Set(['officers', 'incidents']);

/**
 * On an officer's or incident's editor page: where a merged record went (it cannot be published;
 * edit the survivor), or which records were merged into this one, each with the way to undo.
 */
export async function MergeBanner(props: { db: Db; type: string; recordId: string }) {
  if (!TYPES.has(props.type)) return null;
  const merges = await activeMerges(props.db, props.recordId);
  if (merges.length === 0) return null;
  const into = merges.find((m) => m.merged_id === props.recordId);
  const absorbed = merges.filter((m) => m.survivor_id === props.recordId);
  const how = (m: (typeof merges)[number]) => (
    <>
      {m.automatic ? 'merged automatically' : 'merged'} <Timestamp at={m.merged_at} withTime />
    </>
  );
  return (
    <section class="callout callout-warn" aria-labelledby="merge-title">
      <h2 id="merge-title">{into ? 'Merged into another record' : 'Records merged into this one'}</h2>
      {into && (
        <p>
          This record was {how(into)} into{' '}
          <a href={`/editor/${props.type}/${into.survivor_id}`}>the record kept</a>, which now holds
          everything it had. It stays only so the merge can be undone, and cannot be published. Re-imports of
          its dataset rows write to the record kept.
        </p>
      )}
      {absorbed.length > 0 && (
        <ul>
          {absorbed.map((m) => (
            <li>
              <a href={`/editor/${props.type}/${m.merged_id}`}>A record</a> {how(m)}.
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/editor/matches/history">Merges and undo</a>
      </p>
    </section>
  );
}
