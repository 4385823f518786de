import { formatPartialDate } from '../../../http/format.ts';
import { US_STATES } from '../../us-states.ts';

/**
 * How a Fatal Force record reads in Custodiet: plain words, attributed to the Post, with its own
 * definitions (the v2 README) and no judgement of ours. Nothing about the person killed beyond
 * what happened: no name, age, race or gender.
 */

export const THREAT_TYPES = [
  'shoot',
  'point',
  'attack',
  'threat',
  'move',
  'flee',
  'accident',
  'undetermined',
] as const;
export const FLEE_STATUSES = ['not', 'foot', 'car', 'other'] as const;
export const WEAPONS = [
  'gun',
  'knife',
  'blunt_object',
  'other',
  'replica',
  'vehicle',
  'unarmed',
  'undetermined',
  'unknown',
] as const;

type Threat = (typeof THREAT_TYPES)[number];
type Flee = (typeof FLEE_STATUSES)[number];

// The Post's definitions, nearly word for word, so the coding is never restated as our finding.
const THREAT: Record<Threat, string> = {
  shoot: 'fired a weapon',
  point: 'pointed a weapon at another individual',
  attack: 'attacked with other weapons or physical force',
  threat: 'had some kind of weapon visible to the officers on the scene',
  move: 'was moving in a threatening way',
  flee: 'was fleeing',
  accident: 'a category the Post does not define',
  undetermined: 'could not be determined from available evidence',
};

const FLEE: Record<Flee, string> = {
  not: 'not fleeing',
  foot: 'fleeing on foot',
  car: 'fleeing by car',
  other: 'fleeing by another vehicle',
};

const WEAPON: Record<string, string> = {
  gun: 'a gun',
  knife: 'a knife or other cutting instrument',
  blunt_object: 'a blunt object',
  other: 'another weapon (such as a BB gun, a Taser or pepper spray)',
  replica: 'a replica or toy weapon',
  vehicle: 'a vehicle',
  unknown: 'a weapon of an unknown kind',
};

/** The facts of one record that the wording uses. */
export interface ShootingFacts {
  id: string;
  date: string;
  city: string | null;
  county: string | null;
  state: string;
  threat: Threat | null;
  flee: Flee | null;
  armed: string[];
  bodyCamera: boolean;
}

/** "Mason County"; Louisiana has parishes; names that already say what they are stay as they are. */
function countyName(county: string, state: string): string {
  if (/\b(County|Parish|Borough|City|Census Area|Municipality)$/i.test(county) || state === 'AK')
    return county;
  return `${county} ${state === 'LA' ? 'Parish' : 'County'}`;
}

/** City, county and state: never closer (the Post's coordinates are geocoded addresses). */
export function placeOf(f: ShootingFacts): string {
  const state = US_STATES[f.state] ?? f.state;
  const sameName = (a: string, b: string) =>
    a.toLowerCase().startsWith(b.toLowerCase()) || b.toLowerCase().startsWith(a.toLowerCase());
  const county = f.county && !(f.city && sameName(f.city, f.county)) ? countyName(f.county, f.state) : null;
  return [f.city, county, state].filter(Boolean).join(', ');
}

/** "Fatal police shooting in Shelton, Washington" (the county when there is no city). */
export function titleOf(f: ShootingFacts): string {
  const where = f.city ?? (f.county ? countyName(f.county, f.state) : null);
  const state = US_STATES[f.state] ?? f.state;
  return `Fatal police shooting in ${where ? `${where}, ` : ''}${state}`;
}

function armedSentence(armed: string[]): string {
  const kinds = [...new Set(armed)];
  if (kinds.length === 0) return 'The Post has not recorded whether the person was armed.';
  if (kinds.length === 1 && kinds[0] === 'unarmed')
    return 'The Post records the person as unarmed, according to the available evidence.';
  if (kinds.length === 1 && kinds[0] === 'undetermined')
    return 'Whether the person was armed could not be determined from the available evidence.';
  const items = kinds.filter((k) => k !== 'unarmed' && k !== 'undetermined').map((k) => WEAPON[k] ?? k);
  const list = items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0];
  return `The Post records the person as armed with ${list}.`;
}

/** The summary: where and when, the agencies, and the Post's coding of what happened. */
export function summaryOf(f: ShootingFacts, agencies: string[]): string {
  const when = formatPartialDate(f.date, 'day');
  const who =
    agencies.length > 1 ? `Agencies involved: ${agencies.join('; ')}.` : `Agency involved: ${agencies[0]}.`;
  const threat = f.threat
    ? `The Post's classification of what the person did leading up to the shooting: “${f.threat}” (${THREAT[f.threat]}).`
    : 'The Post has not classified what the person did leading up to the shooting.';
  const flee = f.flee
    ? `Movement relative to the officers: ${FLEE[f.flee]}.`
    : 'The Post has not recorded whether the person was fleeing.';
  const camera = f.bodyCamera
    ? 'News reports indicated that an officer was wearing a body camera that may have recorded part of the incident.'
    : 'News reports had not indicated that an officer was wearing a body camera.';
  return [
    `The Washington Post's Fatal Force database (record ${f.id}) records that a person was shot and killed by police in ${placeOf(f)}, on ${when}.`,
    who,
    threat,
    flee,
    armedSentence(f.armed),
    camera,
  ].join(' ');
}
