import { AppError } from '../errors/catalogue.ts';
import type { EntityDef } from './entity.ts';
import { incidents, timelineEvents } from './entities/cases.ts';
import { allegations, findings, sanctions } from './entities/conduct.ts';
import { claims, sources, statements } from './entities/evidence.ts';
import { officerIdentifiers, officerPostings, officerRanks, officers } from './entities/officers.ts';
import { courtProceedings, replyRequests, reportingRestrictions } from './entities/legal.ts';
import { people, units } from './entities/people.ts';
import { gazetteerEntries } from '../ingest/gazetteer.ts';

/** Every kind of record the editor handles, in the order the dashboard lists them. */
export const ENTITIES: EntityDef[] = [
  incidents,
  allegations,
  findings,
  sanctions,
  timelineEvents,
  officers,
  officerRanks,
  officerPostings,
  officerIdentifiers,
  people,
  units,
  sources,
  claims,
  statements,
  reportingRestrictions,
  courtProceedings,
  replyRequests,
  gazetteerEntries,
];

const BY_TYPE = new Map(ENTITIES.map((e) => [e.type, e]));

/** The definition for a URL segment, or a 404. */
export function entityFor(type: string | undefined): EntityDef {
  const def = type ? BY_TYPE.get(type) : undefined;
  if (!def) throw new AppError('CUS_NOT_FOUND', 'There is no such kind of record in the editor.');
  return def;
}
