import { allegationAnchor, OfficerName } from '../allegations/components.tsx';
import type { OfficerRef } from '../allegations/repository.ts';
import { StatusLabel } from '../http/components.tsx';
import { PartialDate } from '../http/time.tsx';
import { ClaimList } from '../sources/components.tsx';
import type { PersonShown, TimelineEntry } from './record.ts';

/** An officer involved in an incident: their role(s) and each allegation's status label. */
export interface InvolvedOfficer {
  officer: OfficerRef;
  roles: string[];
  allegations: { id: string; statusCode: string; statusLabel: string; topic: string }[];
}

const OFFICER_ROLES: Record<string, string> = {
  subject: 'subject',
  witness: 'witness',
  supervisor: 'supervisor',
};

const PERSON_ROLES: Record<string, string> = {
  complainant: 'Complainant',
  victim: 'Victim',
  witness: 'Witness',
  bystander: 'Bystander',
  relative: 'Relative',
};

/**
 * The officers involved. Every allegation shown beside a name carries its status label (rule R1),
 * linked to the allegation's own record further down the page.
 */
export function OfficerList(props: { officers: InvolvedOfficer[] }) {
  if (props.officers.length === 0) return <p>No officers are recorded for this incident.</p>;
  return (
    <ul class="officers">
      {props.officers.map((o) => (
        <li>
          <p>
            <OfficerName officer={o.officer} />
            {o.roles.length > 0 && (
              <span class="meta"> ({o.roles.map((r) => OFFICER_ROLES[r] ?? r).join(', ')})</span>
            )}
          </p>
          {o.allegations.length > 0 && (
            <ul class="refs">
              {o.allegations.map((a) => (
                <li>
                  <StatusLabel code={a.statusCode} label={a.statusLabel} />{' '}
                  <a href={`#${allegationAnchor(a.id)}`}>{a.topic}</a>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Complainants, victims and witnesses: by pseudonym or an already-public name, never linked. */
export function PeopleList(props: { people: PersonShown[] }) {
  return (
    <>
      <ul class="people">
        {props.people.map((p) => (
          <li>
            <span>{p.display}</span> <span class="meta">{PERSON_ROLES[p.role] ?? p.role}</span>
          </li>
        ))}
      </ul>
      <p class="note">
        People who are not officers appear only by a pseudonym, or by a name that is already public with a
        recorded reason (for example, used by their family and the courts). Children appear only by pseudonym.
        None of them has a page of their own.
      </p>
    </>
  );
}

/** The dated steps of the case, each only as precise as it is known, with its sources. */
export function Timeline(props: { entries: TimelineEntry[] }) {
  if (props.entries.length === 0) return <p>No timeline has been recorded for this incident yet.</p>;
  return (
    <ol class="timeline">
      {props.entries.map((e) => (
        <li>
          <p class="when">
            <PartialDate on={e.on} precision={e.precision} until={e.until} />
          </p>
          <p>
            <strong>{e.title}</strong>
            {e.stage && <span class="badge">Stage: {e.stage}</span>}
          </p>
          {e.description && <p>{e.description}</p>}
          <ClaimList claims={e.claims} label="event" />
        </li>
      ))}
    </ol>
  );
}
