// The data of each public page, as the page loaders return it (camelCased). Only the fields
// listed here leave the server: zod drops everything else (e.g. the id of an officer the page
// does not name), so these schemas are both the documentation and the last filter.
import { z } from 'zod';
import { SEARCH_TYPES } from '../search/schema.ts';
import { COLLECTION_ITEMS } from './collection-schemas.ts';
import { code, component, day, id, Label, timestamp } from './registry.ts';

const text = z.string();
const maybe = <T extends z.ZodType>(s: T) => s.nullable();

const Source = z.object({
  title: text,
  publisher: text,
  url: maybe(text),
  kind: text,
  publishedOn: maybe(day),
});
const Archive = z.object({
  status: text,
  sha256: maybe(text).describe('The archived copy, at /evidence/{sha256}.'),
  fetchedAt: maybe(timestamp),
  originalGoneAt: maybe(timestamp).optional(),
});

export const Claim = component(
  'Claim',
  z.object({
    id,
    field: maybe(text),
    quotedPassage: maybe(text),
    passageNote: maybe(text),
    stance: z.enum(['supports', 'contradicts']),
    source: Source,
    archive: Archive,
  }),
  'A sourced claim: the source, the verbatim passage (or why there is none) and the archived copy (R4).',
);

export const Correction = component(
  'Correction',
  z.object({
    id,
    entityType: text,
    kind: text,
    what: text,
    why: text,
    publishedAt: timestamp,
    href: maybe(text),
    recordTitle: maybe(text),
  }),
);

const OfficerRef = component(
  'OfficerRef',
  z.object({
    display: text.describe('The published name, or a description of an officer this record does not name.'),
    named: z.boolean(),
    slug: maybe(text).describe('Set only when the officer has a published page.'),
  }),
);

const Sanction = z.object({
  id,
  code,
  label: text,
  imposedOn: day,
  detail: maybe(text),
  custodialTermDays: maybe(z.number().int()),
  minimumTermDays: maybe(z.number().int()),
  claims: z.array(Claim),
});

const Finding = z.object({
  id,
  track: text,
  forum: text,
  decidingBody: text,
  code,
  label: text,
  decidedOn: day,
  chairType: maybe(text),
  legalTestVersion: maybe(text),
  summary: maybe(text),
  supersedesId: maybe(id),
  supersededById: maybe(id),
  sanctions: z.array(Sanction),
  claims: z.array(Claim),
});

export const Allegation = component(
  'Allegation',
  z.object({
    id,
    incident: z.object({ id, slug: text, title: text }),
    officer: OfficerRef,
    summary: text,
    statusCode: code,
    statusLabel: text,
    standards: z.array(Label),
    iopcCategory: maybe(text),
    conductFrom: maybe(day),
    conductTo: maybe(day),
    reportedOn: maybe(day),
    updatedAt: timestamp,
    findings: z.array(Finding),
    claims: z.array(Claim),
    replies: z.array(
      z.object({
        addressedTo: text,
        sentOn: day,
        deadline: day,
        replyReceivedOn: maybe(day),
        replyText: maybe(text),
        replyVerbatim: z.boolean(),
      }),
    ),
  }),
  'An allegation with its findings and their sanctions, each a separate record with its sources (R2, R4), and right-of-reply requests (R12).',
);

const partialDate = { on: maybe(day), precision: text, until: maybe(day) };

const IncidentRecord = z.object({
  kind: z.literal('record'),
  incident: COLLECTION_ITEMS.incidents.omit({ path: true, force: true }).extend({
    slug: text,
    forceName: text,
    forceSlug: text,
  }),
  claims: z.array(Claim),
  units: z.array(z.object({ name: text, slug: text, kind: text, forceSlug: text })),
  officers: z.array(
    z.object({
      officer: OfficerRef,
      roles: z.array(text),
      allegations: z.array(z.object({ id, statusCode: code, statusLabel: text, topic: text })),
    }),
  ),
  people: z.array(
    z.object({ display: text.describe('A pseudonym unless a public name is allowed (R7–R9).'), role: text }),
  ),
  timeline: z.array(
    z.object({
      id,
      ...partialDate,
      on: day,
      title: text,
      description: maybe(text),
      stage: maybe(text),
      claims: z.array(Claim),
    }),
  ),
  allegations: z.array(Allegation),
  statements: z.array(
    z.object({ slug: text, speakerName: text, speakerRole: text, saidOn: day, summary: text }),
  ),
  corrections: z.array(Correction),
  lastModified: maybe(timestamp),
});

const CourtReports = z.object({
  kind: z.literal('court_reports'),
  reports: z.array(
    z.object({
      officerName: maybe(text),
      officerSlug: maybe(text),
      startedBy: text,
      startedOn: day,
      court: maybe(text),
      charge: maybe(text),
      nextHearingOn: maybe(day),
      plea: maybe(text),
      outcome: maybe(text),
      endedBy: maybe(text),
      endedOn: maybe(day),
    }),
  ),
  corrections: z.array(Correction),
});

export const IncidentPage = component(
  'IncidentPage',
  z.discriminatedUnion('kind', [IncidentRecord, CourtReports]),
  'What /incidents/{slug} shows: the record, or while criminal proceedings are active only fair, accurate court reports (R5).',
);

export const OfficerPage = component(
  'OfficerPage',
  z.object({
    officer: z.object({
      id,
      slug: text,
      publishedName: text,
      roleType: text,
      serviceStatus: text,
      publishedAt: maybe(timestamp),
      updatedAt: timestamp,
      forceName: text,
      forceSlug: text,
    }),
    career: z.object({
      ranks: z.array(
        z.object({ detective: z.boolean(), validFrom: maybe(day), validTo: maybe(day), label: text }),
      ),
      postings: z.array(
        z.object({ validFrom: maybe(day), validTo: maybe(day), name: text, slug: text, forceSlug: text }),
      ),
      identifiers: z.array(
        z.object({
          identifierType: text,
          identifier: text,
          validFrom: maybe(day),
          validTo: maybe(day),
          forceName: text,
        }),
      ),
    }),
    allegations: z.array(Allegation),
    claims: z.array(Claim),
    corrections: z.array(Correction),
    lastModified: maybe(timestamp),
  }),
  'What /officers/{slug} shows: professional identity only (R10), every allegation with its status label.',
);

export const StatementPage = component(
  'StatementPage',
  z.object({
    statement: z.object({
      id,
      slug: text,
      speakerName: text,
      speakerRole: text,
      saidOn: day,
      summary: text,
      quote: maybe(text),
      isPromise: z.boolean(),
      promiseType: maybe(text),
      publishedAt: maybe(timestamp),
      updatedAt: timestamp,
      forceName: maybe(text),
      forceSlug: maybe(text),
    }),
    source: z.object({ source: Source, archive: Archive }),
    officerHref: maybe(text),
    incident: maybe(z.object({ title: text, href: maybe(text) })),
    claims: z.array(Claim),
    corrections: z.array(Correction),
    lastModified: maybe(timestamp),
  }),
);

const Unit = COLLECTION_ITEMS.units.omit({ force: true });

const ScopeData = z.object({
  incidents: z.array(
    z.object({
      slug: text,
      title: text,
      occurredOn: maybe(day),
      occurredPrecision: text,
      occurredUntil: maybe(day),
      place: maybe(text),
    }),
  ),
  officers: z.array(z.object({ slug: text, name: text, labels: z.array(Label) })),
  standards: z.array(
    z.object({ code, label: text, allegations: z.number().int(), proven: z.number().int() }),
  ),
  years: z.array(
    z.object({ year: maybe(z.number().int()), incidents: z.number().int(), allegations: z.number().int() }),
  ),
});

const Force = COLLECTION_ITEMS.forces;

export const ForcePage = component(
  'ForcePage',
  z.object({ force: Force, units: z.array(Unit), data: ScopeData, lastModified: maybe(timestamp) }),
  'What /forces/{slug} shows: its units, published incidents and named officers (first 200 each, the rest by search), and counts.',
);

export const ForcesIndex = component(
  'ForcesIndex',
  z.object({
    groups: z.array(
      z.object({
        jurisdiction: code,
        label: text,
        forces: z.array(
          z.object({
            slug: text,
            name: text,
            kind: code,
            region: maybe(text),
            incidents: z.number().int(),
            allegations: z.number().int(),
          }),
        ),
      }),
    ),
    lastModified: maybe(timestamp),
  }),
  'What /forces shows: every UK force (and any other agency with a published incident) by jurisdiction, with its published incidents and allegations.',
);

export const UnitPage = component(
  'UnitPage',
  z.object({
    force: Force,
    unit: Unit,
    units: z.array(Unit),
    address: z
      .object({ addressLine: text, locality: maybe(text), postcode: maybe(text), sourceNote: maybe(text) })
      .nullable()
      .describe('A station’s public front-counter address; null for other units.'),
    data: ScopeData,
    lastModified: maybe(timestamp),
  }),
);

export const Overview = component(
  'Overview',
  z.object({
    counts: z.object({
      incidents: z.number().int(),
      allegations: z.number().int(),
      officers: z.number().int(),
      statements: z.number().int(),
    }),
    incidents: z.array(
      z.object({
        slug: text,
        title: text,
        summary: text,
        ...{ occurredOn: maybe(day), occurredPrecision: text, occurredUntil: maybe(day) },
        place: maybe(text),
        forceName: text,
        people: z.array(
          z.object({ display: text, officerSlug: maybe(text), statusCode: code, statusLabel: text }),
        ),
      }),
    ),
    corrections: z.array(Correction),
  }),
  'What the home page shows: headline counts, recent incidents with a status label beside every name, latest corrections.',
);

export const SearchResults = component(
  'SearchResults',
  z.object({
    counts: z.record(z.enum(SEARCH_TYPES), z.number().int()).describe(`Per kind, capped at 1,000.`),
    total: z.number().int(),
    page: z.number().int(),
    results: z.array(
      z.object({
        type: z.enum(SEARCH_TYPES),
        id,
        href: text,
        title: text,
        labels: z.array(Label),
        context: maybe(z.object({ text, href: text.optional() })),
        snippet: maybe(text),
        quote: maybe(text),
        date: maybe(z.object(partialDate)),
        place: maybe(text),
        force: maybe(text),
        identifiers: z.array(
          z.object({ type: text, identifier: text, force: text, validFrom: maybe(day), validTo: maybe(day) }),
        ),
      }),
    ),
  }),
  'Search results, 20 a page, as /search shows them (highlighting removed).',
);
