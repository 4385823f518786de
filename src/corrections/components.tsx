import { Timestamp } from '../http/time.tsx';
import type { CorrectionView } from './repository.ts';

const KINDS: Record<string, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  update: 'Update',
  takedown: 'Takedown',
  withdrawal: 'Withdrawal',
};

const ENTITIES: Record<string, string> = {
  incidents: 'Incident',
  allegations: 'Allegation',
  findings: 'Finding',
  sanctions: 'Sanction',
  officers: 'Officer',
  statements: 'Statement',
};

function RecordRef(props: { entry: CorrectionView }) {
  const e = props.entry;
  const type = ENTITIES[e.entityType] ?? e.entityType;
  if (e.href && e.recordTitle)
    return (
      <>
        {type}: <a href={e.href}>{e.recordTitle}</a>
      </>
    );
  return <>{type} (no longer published)</>;
}

/**
 * Entries of the public corrections log: what changed, why and when. With `showRecord`, each
 * entry names and links its record while that record is still published.
 */
export function CorrectionList(props: { entries: CorrectionView[]; showRecord: boolean }) {
  return (
    <ol class="results corrections">
      {props.entries.map((e) => (
        <li>
          <p class="meta">
            <strong class="badge">{KINDS[e.kind] ?? e.kind}</strong> <Timestamp at={e.publishedAt} withTime />
            {props.showRecord ? (
              <>
                {' · '}
                <RecordRef entry={e} />
              </>
            ) : (
              <> · {ENTITIES[e.entityType] ?? e.entityType}</>
            )}
          </p>
          <p>
            <strong>What changed:</strong> {e.what}
          </p>
          <p>
            <strong>Why:</strong> {e.why}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** The corrections section of a record page; says plainly when there are none. */
export function RecordCorrections(props: { entries: CorrectionView[] }) {
  return (
    <section aria-labelledby="corrections-title">
      <h2 id="corrections-title">Corrections to this record</h2>
      {props.entries.length === 0 ? (
        <p>
          No corrections have been published for this record. Every correction we make is listed here and in
          the <a href="/corrections">corrections log</a>.
        </p>
      ) : (
        <CorrectionList entries={props.entries} showRecord={false} />
      )}
    </section>
  );
}
