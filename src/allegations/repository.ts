import { sql } from '../db/kysely.ts';
import type { Db } from '../db/client.ts';
import { claimsFor, type ClaimView } from '../sources/claims.ts';
import { repliesFor, type ReplyView } from '../legal/replies.ts';

/** How an officer appears beside an allegation: named (and linked) only when that is allowed. */
export interface OfficerRef {
  id: string | null;
  slug: string | null;
  display: string;
  named: boolean;
}

export interface SanctionView {
  id: string;
  code: string;
  label: string;
  imposedOn: string | null;
  detail: string | null;
  custodialTermDays: number | null;
  minimumTermDays: number | null;
  updatedAt: Date;
  claims: ClaimView[];
}

export interface FindingView {
  id: string;
  track: string;
  forum: string;
  decidingBody: string;
  code: string;
  label: string;
  decidedOn: string | null;
  chairType: string | null;
  legalTestVersion: string | null;
  summary: string | null;
  /** The earlier finding this (appeal) finding replaces; that one is kept and shown as superseded. */
  supersedesId: string | null;
  supersededById: string | null;
  updatedAt: Date;
  sanctions: SanctionView[];
  claims: ClaimView[];
}

export interface AllegationView {
  id: string;
  incident: { id: string; slug: string; title: string; published: boolean };
  officer: OfficerRef;
  summary: string;
  statusCode: string;
  statusLabel: string;
  standards: { code: string; label: string }[];
  iopcCategory: string | null;
  conductFrom: string | null;
  conductTo: string | null;
  reportedOn: string | null;
  publicationState: string;
  updatedAt: Date;
  findings: FindingView[];
  claims: ClaimView[];
  /** Right-of-reply requests (R12) and what came back. */
  replies: ReplyView[];
}

/** Which allegations: those of one incident, or those against one officer. */
export type AllegationScope = { incidentId: string } | { officerId: string };

export interface AllegationOptions {
  /** Editor preview: drafts and records in review are included (never withdrawn ones). */
  preview: boolean;
  /** The officer whose own page is being previewed may be named even before publication. */
  nameableOfficerId?: string;
}

/** Shown in place of the name of an officer whose record is not published. */
export const UNNAMED_OFFICER = 'An officer not named in this record';

const VISIBLE_IN_PREVIEW = ['published', 'draft', 'in_review'];

function allegationRows(db: Db, scope: AllegationScope, states: string[]) {
  let q = db
    .selectFrom('allegations as a')
    .innerJoin('incidents as i', 'i.id', 'a.incident_id')
    .innerJoin('taxonomy_terms as st', (j) =>
      j.onRef('st.taxonomy_id', '=', 'a.status_taxonomy').onRef('st.code', '=', 'a.status_code'),
    )
    .leftJoin('taxonomy_terms as ic', (j) =>
      j.onRef('ic.taxonomy_id', '=', 'a.iopc_taxonomy').onRef('ic.code', '=', 'a.iopc_code'),
    )
    .leftJoin('officers as o', 'o.id', 'a.officer_id')
    .select([
      'a.id',
      'a.summary',
      'a.status_code',
      'st.label as status_label',
      'ic.label as iopc_label',
      'a.conduct_from',
      'a.conduct_to',
      'a.reported_on',
      'a.publication_state',
      'a.updated_at',
      'a.unidentified_officer',
      'i.id as incident_id',
      'i.slug as incident_slug',
      'i.title as incident_title',
      'i.publication_state as incident_state',
      'o.id as officer_id',
      'o.slug as officer_slug',
      'o.published_name',
      'o.publication_state as officer_state',
    ])
    .where('a.publication_state', 'in', states)
    .where('i.publication_state', 'in', states);
  // R5: the public never sees allegations on an incident whose criminal proceedings are active.
  if (!states.includes('draft')) q = q.where('i.proceedings_active', '=', false);
  q = 'incidentId' in scope ? q.where('a.incident_id', '=', scope.incidentId) : q;
  q = 'officerId' in scope ? q.where('a.officer_id', '=', scope.officerId) : q;
  return q
    .orderBy(sql`coalesce(a.conduct_from, i.occurred_on)`, (ob) => ob.asc().nullsLast())
    .orderBy('i.title')
    .orderBy(sql`CASE WHEN o.publication_state = 'published' THEN o.published_name END`, (ob) =>
      ob.asc().nullsLast(),
    )
    .orderBy('a.unidentified_officer')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

type AllegationRow = Awaited<ReturnType<typeof allegationRows>>[number];

/** The officer as shown: named only if their own record is published, or is the one previewed. */
function officerRef(r: AllegationRow, nameableOfficerId: string | undefined): OfficerRef {
  const named =
    r.published_name !== null &&
    (r.officer_state === 'published' || (r.officer_id !== null && r.officer_id === nameableOfficerId));
  return {
    id: r.officer_id,
    slug: named && r.officer_state === 'published' ? r.officer_slug : null,
    display: named ? r.published_name! : (r.unidentified_officer ?? UNNAMED_OFFICER),
    named,
  };
}

/**
 * Allegations with their findings and sanctions (separate records, rule R2) and every claim's
 * source. Public: only published allegations of published incidents. An officer is named only
 * when their own record is published (or is the one being previewed).
 */
export async function loadAllegations(
  db: Db,
  scope: AllegationScope,
  opts: AllegationOptions,
): Promise<AllegationView[]> {
  const rows = await allegationRows(db, scope, opts.preview ? VISIBLE_IN_PREVIEW : ['published']);
  const ids = rows.map((r) => r.id);
  const [standards, findings, claims, replies] = await Promise.all([
    standardsOf(db, ids),
    findingsOf(db, ids),
    claimsFor(db, 'allegation_id', ids),
    repliesFor(db, ids),
  ]);
  return rows.map((r) => ({
    id: r.id,
    incident: {
      id: r.incident_id,
      slug: r.incident_slug,
      title: r.incident_title,
      published: r.incident_state === 'published',
    },
    officer: officerRef(r, opts.nameableOfficerId),
    summary: r.summary,
    statusCode: r.status_code,
    statusLabel: r.status_label,
    standards: standards.get(r.id) ?? [],
    iopcCategory: r.iopc_label,
    conductFrom: r.conduct_from,
    conductTo: r.conduct_to,
    reportedOn: r.reported_on,
    publicationState: r.publication_state,
    updatedAt: r.updated_at,
    findings: findings.get(r.id) ?? [],
    claims: claims.get(r.id) ?? [],
    replies: replies.get(r.id) ?? [],
  }));
}

async function standardsOf(db: Db, ids: string[]) {
  const out = new Map<string, { code: string; label: string }[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('allegation_standards as s')
    .innerJoin('taxonomy_terms as t', (j) =>
      j.onRef('t.taxonomy_id', '=', 's.standard_taxonomy').onRef('t.code', '=', 's.standard_code'),
    )
    .select(['s.allegation_id', 's.standard_code', 't.label'])
    .where('s.allegation_id', 'in', ids)
    .orderBy('t.sort_order')
    .execute();
  for (const r of rows)
    out.set(r.allegation_id, [
      ...(out.get(r.allegation_id) ?? []),
      { code: r.standard_code, label: r.label },
    ]);
  return out;
}

async function findingsOf(db: Db, allegationIds: string[]): Promise<Map<string, FindingView[]>> {
  const out = new Map<string, FindingView[]>();
  if (allegationIds.length === 0) return out;
  const rows = await db
    .selectFrom('findings as f')
    .innerJoin('taxonomy_terms as t', (j) =>
      j.onRef('t.taxonomy_id', '=', 'f.outcome_taxonomy').onRef('t.code', '=', 'f.outcome_code'),
    )
    .selectAll('f')
    .select('t.label')
    .where('f.allegation_id', 'in', allegationIds)
    .orderBy('f.decided_on')
    .orderBy('f.created_at')
    .execute();
  const ids = rows.map((r) => r.id);
  const [sanctions, claims] = await Promise.all([sanctionsOf(db, ids), claimsFor(db, 'finding_id', ids)]);
  const supersededBy = new Map(
    rows.filter((r) => r.supersedes_finding_id).map((r) => [r.supersedes_finding_id!, r.id]),
  );
  for (const r of rows) {
    const view: FindingView = {
      id: r.id,
      track: r.track,
      forum: r.forum,
      decidingBody: r.deciding_body,
      code: r.outcome_code,
      label: r.label,
      decidedOn: r.decided_on,
      chairType: r.chair_type,
      legalTestVersion: r.legal_test_version,
      summary: r.summary,
      supersedesId: r.supersedes_finding_id,
      supersededById: supersededBy.get(r.id) ?? null,
      updatedAt: r.updated_at,
      sanctions: sanctions.get(r.id) ?? [],
      claims: claims.get(r.id) ?? [],
    };
    out.set(r.allegation_id, [...(out.get(r.allegation_id) ?? []), view]);
  }
  return out;
}

async function sanctionsOf(db: Db, findingIds: string[]): Promise<Map<string, SanctionView[]>> {
  const out = new Map<string, SanctionView[]>();
  if (findingIds.length === 0) return out;
  const rows = await db
    .selectFrom('sanctions as s')
    .innerJoin('taxonomy_terms as t', (j) =>
      j.onRef('t.taxonomy_id', '=', 's.sanction_taxonomy').onRef('t.code', '=', 's.sanction_code'),
    )
    .selectAll('s')
    .select('t.label')
    .where('s.finding_id', 'in', findingIds)
    .orderBy('s.imposed_on')
    .orderBy('s.created_at')
    .execute();
  const claims = await claimsFor(
    db,
    'sanction_id',
    rows.map((r) => r.id),
  );
  for (const r of rows) {
    const view: SanctionView = {
      id: r.id,
      code: r.sanction_code,
      label: r.label,
      imposedOn: r.imposed_on,
      detail: r.detail,
      custodialTermDays: r.custodial_term_days,
      minimumTermDays: r.minimum_term_days,
      updatedAt: r.updated_at,
      claims: claims.get(r.id) ?? [],
    };
    out.set(r.finding_id, [...(out.get(r.finding_id) ?? []), view]);
  }
  return out;
}

/** Every record of the chains (for corrections and Last-Modified). */
export function chainRecords(allegations: AllegationView[]) {
  const findings = allegations.flatMap((a) => a.findings);
  const sanctions = findings.flatMap((f) => f.sanctions);
  const claims = [
    ...allegations.flatMap((a) => a.claims),
    ...findings.flatMap((f) => f.claims),
    ...sanctions.flatMap((s) => s.claims),
  ];
  return {
    allegationIds: allegations.map((a) => a.id),
    findingIds: findings.map((f) => f.id),
    sanctionIds: sanctions.map((s) => s.id),
    updatedAt: [...allegations, ...findings, ...sanctions].map((r) => r.updatedAt),
    claims,
  };
}
