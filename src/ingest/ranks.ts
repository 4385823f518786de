// Police ranks and roles as UK copy writes them, mapped onto the rank taxonomy (ew_ranks_2025).
// "Detective" is a prefix, not a rank (domain reference §5): DC is a constable who is a detective.

export interface RankForm {
  /** How it is written: exact for abbreviations, any capitalisation for words. */
  form: string;
  code: string;
  detective?: boolean;
  roleType?: 'police_officer' | 'special_constable' | 'pcso' | 'designated_detention_officer';
}

const f = (form: string, code: string, detective = false, roleType?: RankForm['roleType']): RankForm => ({
  form,
  code,
  detective,
  ...(roleType ? { roleType } : {}),
});

/** Every written form, longest first so "Detective Chief Inspector" wins over "Inspector". */
export const RANK_FORMS: RankForm[] = [
  f('Detective Chief Superintendent', 'chief_superintendent', true),
  f('Det Chief Supt', 'chief_superintendent', true),
  f('Det Ch Supt', 'chief_superintendent', true),
  f('Chief Superintendent', 'chief_superintendent'),
  f('Chief Supt', 'chief_superintendent'),
  f('Ch Supt', 'chief_superintendent'),
  f('Detective Superintendent', 'superintendent', true),
  f('Det Supt', 'superintendent', true),
  f('Superintendent', 'superintendent'),
  f('Supt', 'superintendent'),
  f('Detective Chief Inspector', 'chief_inspector', true),
  f('Det Ch Insp', 'chief_inspector', true),
  f('DCI', 'chief_inspector', true),
  f('Chief Inspector', 'chief_inspector'),
  f('Ch Insp', 'chief_inspector'),
  f('Detective Inspector', 'inspector', true),
  f('Det Insp', 'inspector', true),
  f('DI', 'inspector', true),
  f('Inspector', 'inspector'),
  f('Insp', 'inspector'),
  f('Detective Sergeant', 'sergeant', true),
  f('Det Sgt', 'sergeant', true),
  f('DS', 'sergeant', true),
  f('Police Sergeant', 'sergeant'),
  f('Sergeant', 'sergeant'),
  f('Sgt', 'sergeant'),
  f('PS', 'sergeant'),
  f('Detective Constable', 'police_constable', true),
  f('Det Con', 'police_constable', true),
  f('DC', 'police_constable', true),
  f('Police Constable', 'police_constable'),
  f('Special Constable', 'special_constable', false, 'special_constable'),
  f('Constable', 'police_constable'),
  f('PC', 'police_constable'),
  f('Pc', 'police_constable'),
  f('PCSO', 'pcso', false, 'pcso'),
  f('Police Community Support Officer', 'pcso', false, 'pcso'),
  f('Designated Detention Officer', 'designated_detention_officer', false, 'designated_detention_officer'),
  f('Deputy Assistant Commissioner', 'deputy_assistant_commissioner'),
  f('DAC', 'deputy_assistant_commissioner'),
  f('Assistant Commissioner', 'assistant_commissioner'),
  f('Deputy Commissioner', 'deputy_commissioner'),
  f('Commissioner', 'commissioner'),
  f('Commander', 'commander'),
  f('Cdr', 'commander'),
  f('Assistant Chief Constable', 'assistant_chief_constable'),
  f('ACC', 'assistant_chief_constable'),
  f('Deputy Chief Constable', 'deputy_chief_constable'),
  f('DCC', 'deputy_chief_constable'),
  f('Chief Constable', 'chief_constable'),
];

/** True for abbreviations, which must be matched exactly ("PC", not "pc" in "pc world"). */
export const isAbbreviation = (form: string) =>
  !/[a-z]{3}/.test(form) || /^(Sgt|Supt|Insp|Cdr|Pc)$/.test(form);

/** The rank form written exactly like this (case-insensitive for words). */
export function rankOf(written: string): RankForm | undefined {
  const w = written.replace(/\.$/, '').replace(/\s+/g, ' ');
  return (
    RANK_FORMS.find((r) => r.form === w) ??
    RANK_FORMS.find((r) => !isAbbreviation(r.form) && r.form.toLowerCase() === w.toLowerCase())
  );
}

/** The regex alternation of every rank form, longest first (abbreviations case-sensitive later). */
export function rankAlternation(): string {
  return RANK_FORMS.map((r) =>
    isAbbreviation(r.form)
      ? r.form.replace(/ /g, '\\.?\\s+')
      : r.form
          .split(' ')
          .map((w) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`)
          .join('\\s+'),
  ).join('|');
}

/** Lower-case rank words used in apposition ("Jane Doe, a police constable"). */
export const RANK_WORDS =
  'detective chief superintendent|chief superintendent|detective superintendent|superintendent|detective chief inspector|chief inspector|detective inspector|inspector|detective sergeant|police sergeant|sergeant|detective constable|police constable|special constable|constable|pcso|police community support officer|commander|chief constable|designated detention officer|officer';
