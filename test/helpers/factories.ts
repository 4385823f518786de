// Small factories: each test builds exactly the records it asserts on.
import crypto from 'node:crypto';
import { saveAllegation, saveFinding } from '../../src/allegations/service.ts';
import type { AllegationInput, FindingInput } from '../../src/allegations/schema.ts';
import type { Db } from '../../src/db/client.ts';
import { requireForce } from '../../src/forces/service.ts';
import type { IncidentInput } from '../../src/incidents/schema.ts';
import { saveIncident } from '../../src/incidents/service.ts';
import type { OfficerInput } from '../../src/officers/schema.ts';
import { saveOfficer } from '../../src/officers/service.ts';
import type { SourceInput } from '../../src/sources/schema.ts';
import { saveClaim, saveSource } from '../../src/sources/service.ts';
import { inTransaction } from '../../src/audit/records.ts';

export const ACTOR = 'test:factory';

/** A short random suffix for unique slugs. */
export function uniq(prefix = 'x'): string {
  return `${prefix}-${crypto.randomBytes(4).toString('hex')}`;
}

export async function met(db: Db) {
  return requireForce(db, 'metropolitan');
}

export async function makeIncident(db: Db, overrides: Partial<IncidentInput> = {}) {
  const force = await met(db);
  return saveIncident(db, ACTOR, {
    slug: uniq('incident'),
    title: 'Test incident',
    summary: 'A test incident.',
    occurred: { on: '2024-05-01', precision: 'month' },
    forceId: force.id,
    ...overrides,
  });
}

export async function makeOfficer(db: Db, overrides: Partial<OfficerInput> = {}) {
  const force = await met(db);
  return saveOfficer(db, ACTOR, {
    forceId: force.id,
    slug: uniq('officer'),
    publishedName: 'Test Officer',
    ...overrides,
  });
}

export async function makeAllegation(db: Db, overrides: Partial<AllegationInput> = {}) {
  const incidentId = overrides.incidentId ?? (await makeIncident(db)).id;
  const officerId = overrides.unidentifiedOfficer
    ? undefined
    : (overrides.officerId ?? (await makeOfficer(db)).id);
  return saveAllegation(db, ACTOR, {
    summary: 'Alleged to have been discourteous.',
    standards: ['authority_respect_courtesy'],
    status: 'reported',
    ...overrides,
    incidentId,
    officerId,
  } as AllegationInput);
}

export async function makeFinding(db: Db, overrides: Partial<FindingInput> = {}) {
  const allegationId = overrides.allegationId ?? (await makeAllegation(db)).id;
  return saveFinding(db, ACTOR, {
    track: 'conduct',
    forum: 'misconduct_hearing',
    decidingBody: 'Test panel',
    outcomeTaxonomy: 'ew_conduct_findings_2020',
    outcome: 'misconduct_proven',
    decidedOn: '2025-01-10',
    ...overrides,
    allegationId,
  });
}

export async function makeSource(db: Db, overrides: Partial<SourceInput> = {}) {
  return saveSource(db, ACTOR, {
    kind: 'news',
    url: `https://news.example.org/${uniq('story')}`,
    publisher: 'Example News',
    title: 'A story',
    ...overrides,
  });
}

/** An incident with one claim (a note on a source), so the sourcing rule (R4) is met. */
export async function makeSourcedIncident(
  db: Db,
  summary = 'A test incident.',
  overrides: Partial<IncidentInput> = {},
) {
  const inc = await makeIncident(db, { summary, ...overrides });
  const src = await makeSource(db);
  await inTransaction(db, (trx) =>
    saveClaim(trx, ACTOR, {
      subjectType: 'incident',
      subjectId: inc.id,
      sourceId: src.id,
      passageNote: 'Test.',
    }),
  );
  return inc;
}
