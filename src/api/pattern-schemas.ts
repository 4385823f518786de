// The data of the pattern and promise-tracker pages, as their loaders return it (camelCased).
// As with the other pages, only what is listed here leaves the server.
import { z } from 'zod';
import { COLLECTION_ITEMS } from './collection-schemas.ts';
import { component, day, id, Label, timestamp } from './registry.ts';

const text = z.string();
const int = z.number().int();
const asOf = timestamp.nullable().describe('When the figures were last rebuilt from the records.');

const Cell = component(
  'Cell',
  z.object({ value: int.nullable(), suppressed: z.boolean() }),
  'A count as printed: counts of 1 to 4 about a group are suppressed (value null), rule R23.',
);
const Tally = z.array(z.object({ label: text, n: int }));
const NamedOfficer = z.object({ id, slug: text, name: text, labels: z.array(Label) });
const Force = COLLECTION_ITEMS.forces;

export const PatternIndex = component(
  'PatternIndex',
  z.object({
    forces: z.array(z.object({ slug: text, name: text, stopSearch: z.boolean(), units: z.boolean() })),
  }),
  'The forces that have unit or stop and search figures.',
);

export const OfficerPattern = component(
  'OfficerPattern',
  z.object({
    officer: NamedOfficer.extend({ forceName: text, forceSlug: text }),
    year: int.describe('0: every year.'),
    years: z.array(int),
    byStandard: Tally,
    byCategory: Tally,
    byStatus: Tally,
    byFinding: Tally,
    allegations: int.nullable(),
    ranks: z.array(z.object({ group: text, peers: int, percentile: z.number().nullable() })),
    coaccused: z.array(NamedOfficer.extend({ incidents: int })),
    unnamedCoaccused: int,
    asOf,
  }),
  'An officer’s allegations by Standard, category, status and finding; percentiles among peers; top co-accused.',
);

export const Lifecycle = component(
  'Lifecycle',
  z.object({
    rows: z.array(
      z.object({
        force: text,
        forceSlug: text,
        stage: text,
        n: int,
        p25: z.number(),
        median: z.number(),
        p75: z.number(),
      }),
    ),
    asOf,
  }),
  'Days from incident to complaint and to outcome per force: quartiles.',
);

export const UnitsPattern = component(
  'UnitsPattern',
  z.object({
    force: Force,
    years: z.array(int),
    units: z.array(
      z.object({
        slug: text,
        name: text,
        years: z.array(Cell).describe('One per entry of `years`.'),
        total: Cell,
        rates: z.array(z.object({ year: int, rate: z.number(), headcount: int, source: text })),
      }),
    ),
    asOf,
  }),
  'Allegations per unit per year, and per 100 officers where a headcount is known.',
);

export const StopSearchPattern = component(
  'StopSearchPattern',
  z.object({
    force: Force,
    basis: z.enum(['officer', 'self']),
    month: text.nullable(),
    months: z.array(text),
    total: int,
    groups: z.array(
      z.object({
        group: text,
        label: text,
        searches: Cell,
        population: int.nullable(),
        populationGroups: z.array(text),
        rate: z.number().nullable().describe('Searches per 1,000 residents.'),
        ratio: z
          .object({ ratio: z.number(), lower: z.number(), upper: z.number() })
          .nullable()
          .describe('Rate ratio to the White group with its 95% interval.'),
        arrests: Cell,
        arrestShare: z.number().nullable(),
        noFurtherAction: Cell,
        nfaShare: z.number().nullable(),
      }),
    ),
    baseline: z.object({
      census: text.nullable(),
      residents: z.record(text, int),
      areas: z.array(z.object({ code: text, name: text })),
      sources: z.array(text),
      notes: z.array(text),
    }),
    byMonth: z.array(z.object({ month: text, cells: z.array(Cell) })),
    monthGroups: z.array(text),
    asOf,
  }),
  'Stop and search by ethnicity against the census baseline, with outcome rates.',
);

export const UnitNetwork = component(
  'UnitNetwork',
  z.object({
    unit: z.object({ slug: text, name: text, force: text, forceSlug: text }),
    asOf,
    nodes: z.array(z.object({ id, name: text, path: text, statuses: z.array(text), sharedIncidents: int })),
    edges: z.array(z.object({ source: id, target: id, sharedIncidents: int })),
    unnamedOfficersWithLinks: int,
    namedOfficersNotDrawn: int,
  }),
  'A unit’s co-accusal network (the same JSON as the page’s network.json).',
);

const Counts = z.object({ incidents: int, allegations: int, outcomes: int, dismissals: int });
const PromiseEntry = z.object({
  id,
  slug: text,
  speaker: text,
  speakerRole: text,
  saidOn: day,
  type: text,
  summary: text,
  quote: text.nullable(),
  sourceUrl: text.nullable(),
  sourceTitle: text,
  force: z.object({ slug: text, name: text }).nullable(),
  before: Counts.nullable().describe('The force’s published records in the 12 months before.'),
  after: Counts.nullable().describe('… and in the 12 months after.'),
  later: z.array(z.object({ slug: text, title: text, date: day.nullable() })),
});
const Leader = z.object({ slug: text, name: text, role: text, promises: int, first: day, last: day });

export const PromiseIndex = component(
  'PromiseIndex',
  z.object({
    leaders: z.array(Leader),
    forces: z.array(z.object({ slug: text, name: text, promises: int })),
  }),
);

export const LeaderTimeline = component(
  'LeaderTimeline',
  z.object({ leader: Leader, promises: z.array(PromiseEntry), asOf }),
  'A leader’s promises, each with the force’s records before and after it and the incidents that came after.',
);

export const ForceTimeline = component(
  'ForceTimeline',
  z.object({ force: Force, promises: z.array(PromiseEntry), asOf }),
);
