// Who and what an incident involves: units, officers in a role, people in a role. Edited as one
// form so a public incident gets one correction note for the whole change.
import { editPermission, requirePermission } from '../accounts/policy.ts';
import type { SessionInfo } from '../accounts/session.ts';
import { inTransaction, unlinkRecord } from '../audit/records.ts';
import type { Db } from '../db/client.ts';
import { AppError, type FieldProblem } from '../errors/catalogue.ts';
import { many, one, type FormValues } from '../http/form.ts';
import { CsrfInput, ErrorSummary, type FieldSpec } from '../http/forms.tsx';
import { incidentOfficerRole, incidentPersonRole } from '../incidents/schema.ts';
import { addIncidentOfficer, addIncidentPerson, addIncidentUnit } from '../incidents/service.ts';
import { correctionTarget, EDIT_KINDS, recordCorrection } from '../publication/corrections.ts';
import type { Editor } from '../publication/workflow.ts';
import { EditorLayout, NoteSection, noteFields, Sections, type ResolvedSection } from './layout.tsx';
import { choices, officerOptions, unitOptions } from './options.ts';
import { lastAuditSeq, noteFromForm } from './save.ts';

/** The units, officers and people linked to an incident. */
export async function incidentLinks(db: Db, incidentId: string) {
  const [units, officers, people] = await Promise.all([
    db
      .selectFrom('incident_units as l')
      .innerJoin('units as u', 'u.id', 'l.unit_id')
      .select(['u.id', 'u.name', 'u.kind'])
      .where('l.incident_id', '=', incidentId)
      .orderBy('u.name')
      .execute(),
    db
      .selectFrom('incident_officers as l')
      .innerJoin('officers as o', 'o.id', 'l.officer_id')
      .select(['o.id', 'o.published_name', 'o.slug', 'l.role'])
      .where('l.incident_id', '=', incidentId)
      .orderBy('o.slug')
      .execute(),
    db
      .selectFrom('incident_people as l')
      .innerJoin('people as p', 'p.id', 'l.person_id')
      .select(['p.id', 'p.pseudonym', 'p.age_status', 'l.role'])
      .where('l.incident_id', '=', incidentId)
      .orderBy('p.pseudonym')
      .execute(),
  ]);
  return { units, officers, people };
}

async function personOptions(db: Db) {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'pseudonym', 'age_status'])
    .orderBy('pseudonym')
    .limit(2000)
    .execute();
  return rows.map((r) => ({ value: r.id, label: `${r.pseudonym} (${r.age_status})` }));
}

/** The "add" fields, options loaded. */
export async function linkSections(db: Db): Promise<ResolvedSection[]> {
  return [
    {
      legend: 'Add a unit',
      fields: [{ name: 'unitId', label: 'Unit', kind: 'select', options: await unitOptions(db) }],
    },
    {
      legend: 'Add an officer',
      fields: [
        { name: 'officerId', label: 'Officer', kind: 'select', options: await officerOptions(db) },
        {
          name: 'officerRole',
          label: 'Role in the incident',
          kind: 'select',
          options: choices(incidentOfficerRole.options),
        },
      ],
    },
    {
      legend: 'Add a person',
      hint: 'People appear publicly by pseudonym only; a child or person of unknown age means two-person approval (R8).',
      fields: [
        { name: 'personId', label: 'Person', kind: 'select', options: await personOptions(db) },
        {
          name: 'personRole',
          label: 'Role in the incident',
          kind: 'select',
          options: choices(incidentPersonRole.options),
        },
      ],
    },
  ];
}

function roleProblem(
  field: string,
  id: string,
  role: string,
  schema: { safeParse(v: unknown): { success: boolean } },
) {
  return id && !schema.safeParse(role).success ? [{ field, message: 'choose a role' }] : [];
}

/** Applies the removals and additions of the involvement form in one transaction. */
export async function saveIncidentLinks(
  db: Db,
  user: Editor,
  incidentId: string,
  values: FormValues,
): Promise<void> {
  const actor = `user:${user.id}`;
  await inTransaction(db, async (trx) => {
    const target = await correctionTarget(trx, 'incidents', incidentId);
    if (!target) throw new AppError('CUS_NOT_FOUND', 'There is no such incident.');
    requirePermission(user, editPermission(target), 'change this incident');
    const { note, problems: noteProblems } = noteFromForm(values);
    const problems: FieldProblem[] = [
      ...roleProblem(
        'officerRole',
        one(values, 'officerId'),
        one(values, 'officerRole'),
        incidentOfficerRole,
      ),
      ...roleProblem('personRole', one(values, 'personId'), one(values, 'personRole'), incidentPersonRole),
      ...(target.published ? noteProblems : []),
    ];
    if (problems.length) throw new AppError('CUS_VALIDATION', 'Some fields are not valid', problems);
    const seq = await lastAuditSeq(trx);
    for (const key of many(values, 'remove')) {
      const [kind, id, role] = key.split(':');
      if (kind === 'unit' && id)
        await unlinkRecord(trx, actor, 'incident_units', { incident_id: incidentId, unit_id: id });
      if (kind === 'officer' && id && role)
        await unlinkRecord(trx, actor, 'incident_officers', {
          incident_id: incidentId,
          officer_id: id,
          role,
        });
      if (kind === 'person' && id && role)
        await unlinkRecord(trx, actor, 'incident_people', { incident_id: incidentId, person_id: id, role });
    }
    if (one(values, 'unitId')) await addIncidentUnit(trx, actor, incidentId, one(values, 'unitId'));
    if (one(values, 'officerId'))
      await addIncidentOfficer(trx, actor, incidentId, one(values, 'officerId'), one(values, 'officerRole'));
    if (one(values, 'personId'))
      await addIncidentPerson(trx, actor, incidentId, one(values, 'personId'), one(values, 'personRole'));
    if (target.published && note && (await lastAuditSeq(trx)) !== seq)
      await recordCorrection(trx, actor, target, note);
  });
}

type Links = Awaited<ReturnType<typeof incidentLinks>>;

function RemoveBox(props: { value: string; label: string }) {
  const id = `remove-${props.value.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return (
    <li>
      <label class="checkbox" for={id}>
        <input type="checkbox" id={id} name="remove" value={props.value} /> Remove {props.label}
      </label>
    </li>
  );
}

/** GET/POST /editor/incidents/:id/links. */
export function LinksPage(props: {
  session: SessionInfo;
  incidentId: string;
  title: string;
  links: Links;
  sections: ResolvedSection[];
  published: boolean;
  values: FormValues;
  problems: FieldProblem[];
}) {
  const base = `/editor/incidents/${props.incidentId}`;
  const fields: FieldSpec[] = [
    ...props.sections.flatMap((s) => s.fields),
    ...(props.published ? noteFields(EDIT_KINDS) : []),
  ];
  const l = props.links;
  return (
    <EditorLayout title="Involved" session={props.session} crumbs={[{ href: base, label: props.title }]}>
      <h1>Units, officers and people in: {props.title}</h1>
      <ErrorSummary problems={props.problems} fields={fields} />
      <form method="post" action={`${base}/links`} novalidate>
        <CsrfInput token={props.session.csrfToken} />
        <h2>Linked now</h2>
        {l.units.length + l.officers.length + l.people.length === 0 && <p>Nothing linked yet.</p>}
        <ul class="links">
          {l.units.map((u) => (
            <RemoveBox value={`unit:${u.id}`} label={`unit ${u.name} (${u.kind})`} />
          ))}
          {l.officers.map((o) => (
            <RemoveBox
              value={`officer:${o.id}:${o.role}`}
              label={`officer ${o.published_name ?? o.slug} (${o.role})`}
            />
          ))}
          {l.people.map((p) => (
            <RemoveBox
              value={`person:${p.id}:${p.role}`}
              label={`person ${p.pseudonym} (${p.role}, ${p.age_status})`}
            />
          ))}
        </ul>
        <Sections sections={props.sections} values={props.values} problems={props.problems} />
        {props.published && (
          <NoteSection
            kinds={EDIT_KINDS}
            values={props.values}
            problems={props.problems}
            reason="This incident is public: the change is published with this note (rule R15)."
          />
        )}
        <div class="actions">
          <button type="submit">Save</button>
          <a href={base}>Cancel</a>
        </div>
      </form>
    </EditorLayout>
  );
}
