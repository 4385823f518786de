/**
 * What the US datasets' wording means in Custodiet's versioned vocabularies (taxonomies
 * `us_police_ranks_v1`, `us_conduct_findings_v1`, `us_conduct_sanctions_v1`, and the status map
 * in `taxonomy_mappings`). The dataset's own words are always kept verbatim beside the code.
 * The rules are listed, in order, in docs/imports.md; the first that matches wins.
 */

export const US_RANKS = 'us_police_ranks_v1';
export const US_FINDINGS = 'us_conduct_findings_v1';
export const US_SANCTIONS = 'us_conduct_sanctions_v1';

type Rule<C extends string> = [RegExp, C];

function first<C extends string>(rules: Rule<C>[], value: string): C | null {
  for (const [re, code] of rules) if (re.test(value)) return code;
  return null;
}

export type UsRank =
  | 'police_officer'
  | 'detective'
  | 'sergeant'
  | 'lieutenant'
  | 'captain'
  | 'commander'
  | 'deputy_chief'
  | 'chief'
  | 'civilian_staff'
  | 'other';

const RANK_RULES: Rule<UsRank>[] = [
  [
    /\b(AIDE|TECHNICIAN|TECHN|TECH\s?[IV]+|FINGERPR\w*|GUARD|CLERK|ANALYST|CIVILIAN|FORENSIC INVESTIGATOR)\b/i,
    'civilian_staff',
  ],
  [/\bDEPUTY CHIEF\b/i, 'deputy_chief'],
  [/\b(CHIEF|SUPERINTENDENT|COMMISSIONER)\b/i, 'chief'],
  [/\bCOMMANDER\b/i, 'commander'],
  [/\bCAPTAIN\b/i, 'captain'],
  [/\bLIEUTENANT\b|\bLT\b/i, 'lieutenant'],
  [/\bSERGEANT\b|\bSGT\b/i, 'sergeant'],
  [/\bDETECTIVE\b|\bDET\b/i, 'detective'],
  [/\bPOLICE OFFICER\b|^PO\b|\bPO\/|\bOFFICER\b|\bDEPUTY\b|\bTROOPER\b/i, 'police_officer'],
];

/** A rank title as a code; 'other' when no rule matches, null when there is no title. */
export function usRank(title: string | null): UsRank | null {
  if (!title || /^\d+$/.test(title)) return null;
  return first(RANK_RULES, title) ?? 'other';
}

export type UsFinding =
  'sustained' | 'not_sustained' | 'unfounded' | 'exonerated' | 'pending' | 'closed_no_finding';

const FINDING_RULES: Rule<UsFinding>[] = [
  [/^(NOT SUSTAINED|NO SUSTAINED FINDINGS?|UNSUBSTANTIATED)\b/i, 'not_sustained'],
  [/^(SUSTAINED|SUSTAINED FINDING|SUBSTANTIATED)\b/i, 'sustained'],
  [/^UNFOUNDED\b/i, 'unfounded'],
  [/^EXONERATED\b/i, 'exonerated'],
  [/^(PENDING|INVESTIGATION ONGOING|UNDER INVESTIGATION|ADDITIONAL INVESTIGATION|OPEN)\b/i, 'pending'],
  [
    /^(NO AFFIDAVIT|ADMINISTRATIVELY CLOSED|CLOSED|NO FINDING|NOT APPLICABLE|NO C\.?A\.?P)/i,
    'closed_no_finding',
  ],
];

/** A finding as a code, or null for wording the importer does not know (kept verbatim). */
export function usFinding(value: string | null): UsFinding | null {
  if (!value) return null;
  return first(FINDING_RULES, value.trim());
}

/** The status label an allegation carries for a finding (mirrors taxonomy_mappings). */
export const STATUS_FOR_FINDING: Record<UsFinding, string> = {
  sustained: 'misconduct_proven',
  not_sustained: 'not_proven',
  unfounded: 'no_case_to_answer',
  exonerated: 'no_case_to_answer',
  pending: 'under_investigation',
  closed_no_finding: 'reported',
};

export type UsSanction =
  | 'no_penalty'
  | 'violation_noted'
  | 'instructions'
  | 'training'
  | 'reprimand'
  | 'command_discipline'
  | 'forfeit_vacation'
  | 'suspension'
  | 'dismissal_probation'
  | 'demotion'
  | 'separation'
  | 'resigned'
  | 'pending'
  | 'other';

const SANCTION_RULES: Rule<UsSanction>[] = [
  [/\b(NO PENALTY|NO ACTION|NONE|NO DISCIPLINE|NO GUILTY FINDINGS?|NOT GUILTY)\b/i, 'no_penalty'],
  [/\bPENDING\b/i, 'pending'],
  [/\bVIOLATION NOTED\b/i, 'violation_noted'],
  [/\bREPRIMAND\b/i, 'reprimand'],
  [/\bCOMMAND DISCIPLINE\b/i, 'command_discipline'],
  // NYPD "Warned and admonished", written W&A.
  [/\bW&A\b|\bWARNED AND ADMONISHED\b/i, 'reprimand'],
  [/\bINSTRUCTIONS?\b/i, 'instructions'],
  [/\b(TRAINING|COUNSEL+ING)\b/i, 'training'],
  [/\bFORFEIT\w*\b.*\bVACATION\b|\bVACATION\b/i, 'forfeit_vacation'],
  [/\bDISMISSAL PROBATION\b/i, 'dismissal_probation'],
  [/\bSUSPEN(SION|DED)\b/i, 'suspension'],
  [/\b(DEMOT\w*|REDUCTION IN RANK)\b/i, 'demotion'],
  [/\b(TERMINAT\w*|SEPARAT\w*|DISMISS\w*|DISCHARG\w*)\b/i, 'separation'],
  [/\bRESIGN\w*\b/i, 'resigned'],
];

/** A penalty as a code ('other' when no rule matches), or null when there is none. */
export function usSanction(value: string | null): UsSanction | null {
  if (!value) return null;
  return first(SANCTION_RULES, value.trim()) ?? 'other';
}

/**
 * A disciplinary decision after the investigation that cleared the officer (Philadelphia's
 * "No Guilty Findings" after a sustained finding): it outranks the investigation's finding for
 * the status label, as a favourable later outcome must (rule R14).
 */
export function clearedByDiscipline(value: string | null): boolean {
  return !!value && /^(NO GUILTY FINDINGS?|NOT GUILTY)\b/i.test(value.trim());
}

/**
 * Days of a suspension or forfeiture written in the penalty ("015 - 15 SUSPENSION", "Forfeit
 * vacation 10 days", "Vacation: 0.50 days"); the first figure when a penalty names several.
 */
export function penaltyDays(value: string): number | null {
  const m = /(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:DAYS?\b|SUSPENSION\b)/i.exec(
    value.replace(/^\d{3}\s*-\s*/, ''),
  );
  return m ? Number(m[1]) : null;
}

export const IOPC_CATEGORIES = 'iopc_complaint_categories_2020';

// Approximate: a US allegation category in the nearest IOPC category, so imported allegations
// can be filtered beside UK ones. Categories no rule covers are left without one.
const IOPC_RULES: Rule<string>[] = [
  [/SEXUAL/i, 'sexual_conduct'],
  [/RACIAL|DISCRIMINAT|CIVIL RIGHTS|BIAS|ETHNIC/i, 'discriminatory_behaviour'],
  [/FORCE|PHYSICAL ABUSE|WEAPON|FIREARM|TASER|OC DISCHARGE|SHOOTING/i, 'use_of_force'],
  [/SEARCH|ARREST|FOURTH AMENDMENT|FIRST AMENDMENT|STOP|DETAIN/i, 'police_powers_policies_procedures'],
  [/PROPER CARE|LOCKUP|CUSTODY/i, 'detention_in_custody'],
  [/CORRUPTION|BRIBERY|COERCION|ABUSE OF AUTHORITY|FALSIF|PERJURY/i, 'abuse_of_position_corruption'],
  [/VERBAL|DISCOURTESY|COURTESY|UNPROFESSIONAL|HARASS/i, 'individual_behaviours'],
  [/DOMESTIC|CRIMINAL|DRUG|ALCOHOL|OFF-DUTY|UNBECOMING/i, 'discreditable_conduct'],
  [/PROPERTY/i, 'handling_damage_property'],
  [/VEHICLE|TRAFFIC|PURSUIT/i, 'use_of_police_vehicles'],
  [
    /LACK OF SERVICE|OPERATION|DEPARTMENTAL|SUPERVIS|NEGLECT|DUTY|PROCEDUR/i,
    'delivery_of_duties_and_service',
  ],
];

/** The nearest IOPC category of a US allegation category, or null. */
export function iopcFor(category: string | null): string | null {
  return category ? first(IOPC_RULES, category) : null;
}
