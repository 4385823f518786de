// The Standards lexicon: phrases that UK reporting uses for conduct, each mapped to the Standards
// of Professional Behaviour (ew_standards_2020) and an IOPC category (iopc_complaint_categories_2020)
// with the reason, so an editor sees exactly why an allegation was categorised as it was.
// docs/ingestion.md explains each group. It proposes; the editor decides.
import type { Span } from './text.ts';

export interface LexiconEntry {
  /** A regular expression source, matched case-insensitively on word boundaries. */
  phrase: string;
  standards: string[];
  iopc?: string;
  why: string;
}

const e = (phrase: string, standards: string[], iopc: string | undefined, why: string): LexiconEntry => ({
  phrase,
  standards,
  ...(iopc ? { iopc } : {}),
  why,
});
const HONESTY = ['honesty_integrity'];
const COURTESY = ['authority_respect_courtesy'];
const EQUALITY = ['equality_diversity'];
const FORCE = ['use_of_force'];
const ORDERS = ['orders_instructions'];
const DUTIES = ['duties_responsibilities'];
const CONFIDENTIAL = ['confidentiality'];
const FITNESS = ['fitness_for_duty'];
const DISCREDIT = ['discreditable_conduct'];
const CHALLENGE = ['challenging_reporting_improper_conduct'];

export const LEXICON: LexiconEntry[] = [
  // Standard 1: honesty and integrity.
  e('honesty and integrity', HONESTY, undefined, 'names the standard itself'),
  e('dishonest(?:y|ly)?', HONESTY, undefined, 'dishonesty is a breach of honesty and integrity'),
  e('l(?:ied|ying) (?:about|to|in)', HONESTY, undefined, 'lying is a breach of honesty and integrity'),
  e(
    'false (?:statement|account|evidence|record|entries|entry|report)s?',
    HONESTY,
    undefined,
    'a false account or record is dishonest',
  ),
  e('falsif(?:y|ied|ying|ication)', HONESTY, undefined, 'falsifying a record is dishonest'),
  e('fabricat(?:e|ed|ing|ion)', HONESTY, undefined, 'fabrication is dishonest'),
  e('misle(?:d|ading)', HONESTY, undefined, 'misleading is dishonest'),
  e('untruthful', HONESTY, undefined, 'untruthfulness is a breach of honesty and integrity'),
  e(
    'perverting the course of justice',
    HONESTY,
    undefined,
    'perverting the course of justice is dishonesty in the role',
  ),
  e('cover(?:ed|ing)? up|cover-up', HONESTY, undefined, 'concealment is a breach of integrity'),
  e('misconduct in public office', HONESTY, 'abuse_of_position_corruption', 'abuse of the office held'),
  e('corrupt(?:ion|ly)?', HONESTY, 'abuse_of_position_corruption', 'corruption compromises integrity'),
  e('brib(?:e|es|ery|ed)', HONESTY, 'abuse_of_position_corruption', 'bribery is corruption'),
  e(
    'abuse of (?:his|her|their )?position|abused (?:his|her|their) position',
    HONESTY,
    'abuse_of_position_corruption',
    'abusing the position breaches integrity',
  ),
  e(
    'sexual purpose',
    [...HONESTY, ...DISCREDIT],
    'sexual_conduct',
    'abuse of position for a sexual purpose: integrity, and it discredits the service',
  ),
  // Standard 2: authority, respect and courtesy.
  e('authority, respect and courtesy|respect and courtesy', COURTESY, undefined, 'names the standard itself'),
  e('bull(?:y|ying|ied)', COURTESY, 'individual_behaviours', 'bullying is a failure of respect and courtesy'),
  e('harass(?:ment|ed|ing)?', COURTESY, 'individual_behaviours', 'harassment is a failure of respect'),
  e(
    'sexual harassment|sexually harass(?:ed|ing)',
    [...COURTESY, ...DISCREDIT],
    'sexual_conduct',
    'sexual harassment: disrespect that also discredits the service',
  ),
  e('intimidat(?:e|ed|ing|ion)', COURTESY, 'individual_behaviours', 'intimidation abuses authority'),
  e(
    'abusive|verbally abused|swore at|swearing at',
    COURTESY,
    'individual_behaviours',
    'abusive language breaches courtesy',
  ),
  e('rude(?:ness)?|discourteous|impolite', COURTESY, 'individual_behaviours', 'discourtesy'),
  e(
    'derogatory|demeaning|degrading|humiliat(?:e|ed|ing|ion)',
    COURTESY,
    'individual_behaviours',
    'degrading treatment breaches respect',
  ),
  e('mock(?:ed|ing)', COURTESY, 'individual_behaviours', 'mocking someone breaches respect'),
  // Standard 3: equality and diversity.
  e('equality and diversity', EQUALITY, 'discriminatory_behaviour', 'names the standard itself'),
  e('racis(?:t|m)|racial(?:ly)?', EQUALITY, 'discriminatory_behaviour', 'race discrimination'),
  e('discriminat(?:ory|ion|ed|ing)', EQUALITY, 'discriminatory_behaviour', 'discrimination'),
  e('misogyn(?:y|istic|ist)|sexis(?:t|m)', EQUALITY, 'discriminatory_behaviour', 'sex discrimination'),
  e(
    'homophob(?:ic|ia)|transphob(?:ic|ia)',
    EQUALITY,
    'discriminatory_behaviour',
    'discrimination by sexual orientation or gender identity',
  ),
  e(
    'islamophob(?:ic|ia)|anti-?semit(?:ic|ism)|anti-Muslim',
    EQUALITY,
    'discriminatory_behaviour',
    'religious discrimination',
  ),
  e('ableis(?:t|m)|disablist', EQUALITY, 'discriminatory_behaviour', 'disability discrimination'),
  e('ethnic profiling|racial profiling', EQUALITY, 'discriminatory_behaviour', 'profiling by ethnicity'),
  // Standard 4: use of force.
  e('use of force', FORCE, 'use_of_force', 'names the standard itself'),
  e(
    '(?:excessive|unreasonable|unnecessary|disproportionate) force',
    FORCE,
    'use_of_force',
    'force beyond what was necessary',
  ),
  e(
    'punch(?:ed|ing)|kick(?:ed|ing)|stamp(?:ed|ing) on|struck|hit (?:him|her|them) with',
    FORCE,
    'use_of_force',
    'a blow struck',
  ),
  e(
    'taser(?:ed)?|tasered|pava|cs spray|pepper spray|baton',
    FORCE,
    'use_of_force',
    'a weapon or incapacitant used',
  ),
  e(
    'restrain(?:ed|t)|pinned (?:him|her|them)? ?(?:down|to the ground)|knelt on|neck hold|headlock|chokehold',
    FORCE,
    'use_of_force',
    'restraint is a use of force',
  ),
  e(
    '(?:shot|shooting) (?:dead|him|her)|fatal(?:ly)? shoot(?:ing)?|opened fire',
    FORCE,
    'use_of_force',
    'firearms discharged',
  ),
  e(
    '(?:suspicion of|charged with|accused of|guilty of|cleared of|acquitted of) (?:[a-z ]{0,40} and )?assault|assault by beating|assaulting (?:a|the|him|her)',
    FORCE,
    'use_of_force',
    'an assault by an officer is force without justification',
  ),
  e(
    'assault(?:ed|ing)? (?:a|the) (?:man|woman|boy|girl|teenager|detainee|prisoner|suspect|member of the public)|common assault|assault occasioning',
    FORCE,
    'use_of_force',
    'an assault by an officer is force without justification',
  ),
  // Standard 5: orders and instructions.
  e('orders and instructions', ORDERS, undefined, 'names the standard itself'),
  e(
    "(?:breach(?:ed)?|contrary to|against|ignored|disregarded) (?:force |the force’s |the force's )?(?:policy|procedure|guidance|instructions|orders)",
    ORDERS,
    'police_powers_policies_procedures',
    'not following force policy or a lawful order',
  ),
  e(
    'without (?:authorisation|authority|permission)',
    ORDERS,
    'police_powers_policies_procedures',
    'acting without authorisation',
  ),
  e('disobey(?:ed)?|refused (?:an|a lawful) order', ORDERS, undefined, 'disobeying a lawful order'),
  e(
    'body-?worn (?:video|camera)s? (?:was |were )?(?:switched off|not (?:switched on|activated|turned on))|(?:switched|turned) off (?:his|her|their) body-?worn',
    ORDERS,
    'police_powers_policies_procedures',
    'body-worn video policy not followed',
  ),
  // Standard 6: duties and responsibilities.
  e('duties and responsibilities', DUTIES, 'delivery_of_duties_and_service', 'names the standard itself'),
  e(
    'fail(?:ed|ure|ing)? to (?:investigate|record|respond|attend|act|safeguard|protect|check|search|follow up|pass on|refer|log|call)',
    DUTIES,
    'delivery_of_duties_and_service',
    'a duty not carried out',
  ),
  e('neglect(?:ed|ing)?(?: of duty)?', DUTIES, 'delivery_of_duties_and_service', 'neglect of duty'),
  e(
    "welfare checks?|(?:did not|didn’t|didn't) check on",
    DUTIES,
    'detention_in_custody',
    'care of a detainee',
  ),
  e(
    'no appropriate adult|without an appropriate adult',
    DUTIES,
    'detention_in_custody',
    'a safeguard for a child or vulnerable person left out',
  ),
  e(
    'strip-?search(?:ed|es|ing)?',
    DUTIES,
    'police_powers_policies_procedures',
    'an intrusive power whose safeguards are duties',
  ),
  e(
    'stop and search|stopped and searched',
    [],
    'stop_and_search',
    'use of the stop and search power: an IOPC category, no Standard by itself',
  ),
  e(
    'in (?:police )?custody|custody suite|death in custody',
    DUTIES,
    'detention_in_custody',
    'duties owed to a detainee',
  ),
  // Standard 7: confidentiality.
  e(
    'confidential(?:ity)?',
    CONFIDENTIAL,
    'access_disclosure_of_information',
    'names the standard or the duty',
  ),
  e(
    'leak(?:ed|ing)? (?:information|details|footage|images)',
    CONFIDENTIAL,
    'access_disclosure_of_information',
    'disclosure without a policing purpose',
  ),
  e(
    '(?:unauthorised|improper) (?:access|disclosure)|disclos(?:ed|ing) (?:information|details)',
    CONFIDENTIAL,
    'access_disclosure_of_information',
    'access or disclosure without a policing purpose',
  ),
  e(
    'police (?:national computer|systems|databases?|records)|PNC',
    CONFIDENTIAL,
    'access_disclosure_of_information',
    'police systems searched or disclosed',
  ),
  e('data protection', CONFIDENTIAL, 'access_disclosure_of_information', 'personal data mishandled'),
  // Standard 8: fitness for duty.
  e('fitness for duty|unfit (?:for|to) (?:duty|work)', FITNESS, undefined, 'names the standard itself'),
  e(
    '(?:drunk|intoxicated|under the influence)(?: on duty| while on duty| at work)?',
    FITNESS,
    undefined,
    'unfit through drink or drugs',
  ),
  e(
    '(?:failed|positive) (?:a |an )?drugs? test|tested positive for',
    FITNESS,
    undefined,
    'a failed drugs test',
  ),
  // Standard 9: discreditable conduct.
  e(
    'discreditable conduct|(?:bring|brought|brings) (?:the )?(?:police )?service into disrepute|discredit(?:ed)? the (?:police|service|force)',
    DISCREDIT,
    'discreditable_conduct',
    'names the standard itself',
  ),
  e(
    'offensive (?:messages|images|memes|jokes|comments)|WhatsApp (?:group|messages|chat)',
    DISCREDIT,
    'discreditable_conduct',
    'offensive messages discredit the service',
  ),
  e(
    'sexual (?:misconduct|relationship|activity|contact|comments)|inappropriate relationship',
    DISCREDIT,
    'sexual_conduct',
    'sexual misconduct discredits the service',
  ),
  e('indecent images|voyeurism|upskirting|exposure', DISCREDIT, 'sexual_conduct', 'a sexual offence'),
  e(
    'drink-?driv(?:ing|e)|drug-?driv(?:ing|e)',
    DISCREDIT,
    'discreditable_conduct',
    'an offence off duty discredits the service',
  ),
  e(
    'shoplift(?:ing|ed)|theft|stole|stealing|fraud(?:ulent(?:ly)?)?',
    [...HONESTY, ...DISCREDIT],
    'discreditable_conduct',
    'dishonesty offences: integrity, and they discredit the service',
  ),
  e(
    'domestic abuse|coercive (?:and controlling )?(?:behaviour|control)',
    DISCREDIT,
    'discreditable_conduct',
    'an offence off duty discredits the service',
  ),
  e(
    'rape|raped|sexual(?:ly)? assault(?:ed)?',
    DISCREDIT,
    'sexual_conduct',
    'a sexual offence discredits the service',
  ),
  e(
    'murder(?:ed)?|manslaughter|kidnap(?:ped|ping)?',
    DISCREDIT,
    'discreditable_conduct',
    'a serious offence',
  ),
  // Standard 10: challenging and reporting improper conduct.
  e(
    'challenging and reporting improper conduct|challenge and report',
    CHALLENGE,
    undefined,
    'names the standard itself',
  ),
  e(
    "fail(?:ed|ure|ing)? to (?:challenge|report|intervene|stop|speak up)|(?:did not|didn’t|didn't) (?:challenge|report|intervene)",
    CHALLENGE,
    'discreditable_conduct',
    'not challenging or reporting a colleague',
  ),
  e(
    'stood by|turned a blind eye|laughed along',
    CHALLENGE,
    'discreditable_conduct',
    'condoning a colleague’s conduct',
  ),
  // Vehicles and property (IOPC categories without a Standard of their own).
  e(
    'police (?:car|van|vehicle) (?:crash|collision|pursuit)|pursuit|crashed (?:a|the|his|her) police',
    DUTIES,
    'use_of_police_vehicles',
    'driving a police vehicle is a duty',
  ),
  e(
    '(?:damag(?:ed|ing)|seized|lost) (?:his|her|their|the) (?:phone|property|car|belongings)',
    DUTIES,
    'handling_damage_property',
    'handling of property',
  ),
];

export interface LexiconHit {
  span: Span;
  phrase: string;
  matched: string;
  standards: string[];
  iopc?: string;
  why: string;
}

const COMPILED = LEXICON.map((l) => ({
  l,
  re: new RegExp(`(?<![\\p{L}])(?:${l.phrase})(?![\\p{L}])`, 'giu'),
}));

/** Every lexicon phrase in the text, with what it maps to and why; overlapping hits keep the longest. */
export function lexiconHits(text: string): LexiconHit[] {
  const hits: LexiconHit[] = [];
  for (const { l, re } of COMPILED)
    for (const m of text.matchAll(re))
      hits.push({
        span: { start: m.index, end: m.index + m[0].length },
        phrase: l.phrase,
        matched: m[0],
        standards: l.standards,
        ...(l.iopc ? { iopc: l.iopc } : {}),
        why: l.why,
      });
  // Overlapping phrases all count (their Standards are unioned); the same phrase twice does not.
  hits.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  return hits.filter(
    (h, i) => !hits.slice(0, i).some((o) => o.phrase === h.phrase && o.span.start === h.span.start),
  );
}
