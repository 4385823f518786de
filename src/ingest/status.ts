// Status hints: what the article says happened to the officers (suspended, arrested, charged,
// dismissed, acquitted, cleared…), each mapped to a publication status label
// (publication_status_v1). The bundle proposes the most advanced label; the editor decides.
// An arrest or charge with no end of the proceedings in the text flags the R5 hold.
import type { Span } from './text.ts';

export interface StatusHint {
  span: Span;
  matched: string;
  label: string;
  /** An arrest, charge or court appearance: active criminal proceedings (R5). */
  startsProceedings: boolean;
  /** An acquittal, conviction or dropped charge: the proceedings have ended. */
  endsProceedings: boolean;
  serviceStatus?: string;
  why: string;
}

interface Rule {
  re: RegExp;
  label: string;
  why: string;
  starts?: boolean;
  ends?: boolean;
  service?: string;
}

const r = (src: string, label: string, why: string, extra: Partial<Rule> = {}): Rule => ({
  re: new RegExp(`(?<![\\p{L}])(?:${src})(?![\\p{L}])`, 'giu'),
  label,
  why,
  ...extra,
});

const RULES: Rule[] = [
  r(
    'overturned (?:on appeal|the (?:finding|decision|dismissal|findings))|appeals? (?:was|were) (?:allowed|upheld|successful)|reinstated',
    'overturned_on_appeal',
    'a finding overturned on appeal',
  ),
  r(
    '(?:is|are) appealing|lodged an appeal|(?:has|have) appealed',
    'finding_under_appeal',
    'an appeal against a finding',
  ),
  r(
    'convicted|found guilty|pleaded guilty|jailed|sentenced to|was sentenced|were sentenced|whole life order|given a (?:suspended )?(?:prison|jail) sentence',
    'convicted',
    'a conviction',
    { ends: true },
  ),
  r(
    'acquitted|found not guilty|cleared (?:by a jury )?of (?:murder|manslaughter|assault|rape|all charges|the charges?|misconduct in public office|causing [a-z ]+)|not guilty verdict',
    'acquitted',
    'an acquittal',
    { ends: true },
  ),
  r(
    'charges? (?:was|were|have been|has been) (?:dropped|withdrawn|discontinued)|proceedings (?:were|was) (?:discontinued|withdrawn)|complaint (?:was )?withdrawn|released (?:with|without) (?:no further action|charge)',
    'withdrawn',
    'proceedings or a complaint withdrawn',
    { ends: true },
  ),
  r(
    'gross misconduct (?:was |were )?(?:proven|proved|found proven)|found (?:to have committed |guilty of )?gross misconduct|committed gross misconduct|dismissed without notice|would have been dismissed|barred from (?:the )?(?:police|policing)|(?:placed|added|put) on the (?:police )?barred list',
    'gross_misconduct_proven',
    'a gross misconduct finding or dismissal',
  ),
  r(
    'sacked|(?:was|were|has been|have been) dismissed(?! (?:the|his|her|their) appeal)',
    'gross_misconduct_proven',
    'a dismissal follows gross misconduct',
    { service: 'dismissed' },
  ),
  r(
    '(?<!gross )misconduct (?:was |were )?(?:proven|proved|found proven)|found (?:to have committed )?misconduct|final written warnings?|(?<!final )written warnings?',
    'misconduct_proven',
    'a misconduct finding or warning',
  ),
  r(
    'not proven|not proved|cleared of (?:misconduct|gross misconduct|any misconduct|wrongdoing)|allegations?[^.]{0,60}?(?:was|were) not (?:upheld|proven|proved)',
    'not_proven',
    'an allegation found not proven',
  ),
  r('no case to answer', 'no_case_to_answer', 'no case to answer'),
  r(
    '(?<!no )case to answer|(?:will|to|is to|are to|set to|due to) face (?:a |an )?(?:accelerated |gross |special case )?(?:misconduct )?(?:hearing|meeting)|faces? (?:a |an )?(?:accelerated |gross )?misconduct (?:hearing|meeting)',
    'case_to_answer',
    'a case to answer or a hearing ahead',
  ),
  r(
    "arrested|(?:has|have|was|were|been) charged|charged with|summonsed|remanded (?:in custody|on bail)|appeared (?:at|before) [A-Z][\\w’' ]{2,40}(?:Magistrates[’']?|Crown) Court|will stand trial|pleaded not guilty|(?:released|remains|was) on bail|bailed",
    'active_proceedings',
    'an arrest, charge or court appearance: active proceedings',
    { starts: true },
  ),
  r(
    'suspended|(?:placed )?on restricted duties|under investigation|(?:is|are|was|were|being) investigated|investigation (?:is|remains) (?:ongoing|continuing)|served (?:with )?(?:gross )?misconduct notices?|(?:gross )?misconduct notices?|launched an investigation|opened an investigation|referred (?:itself|himself|herself|the (?:matter|case|incident)) to the (?:IOPC|Independent Office for Police Conduct)',
    'under_investigation',
    'an investigation under way',
    { service: 'suspended' },
  ),
];

/** How far along each label is: the proposal takes the furthest. */
export const STATUS_ORDER = [
  'reported',
  'under_investigation',
  'active_proceedings',
  'case_to_answer',
  'no_case_to_answer',
  'withdrawn',
  'not_proven',
  'misconduct_proven',
  'gross_misconduct_proven',
  'acquitted',
  'convicted',
  'finding_under_appeal',
  'overturned_on_appeal',
];

/** Every status phrase in the text; overlapping matches keep the earlier rule (listed first). */
export function statusHints(text: string): StatusHint[] {
  const out: StatusHint[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (out.some((o) => o.span.start < span.end && span.start < o.span.end)) continue;
      out.push({
        span,
        matched: m[0],
        label: rule.label,
        startsProceedings: rule.starts ?? false,
        endsProceedings: rule.ends ?? false,
        ...(rule.service && (rule.service !== 'suspended' || /^suspended$/i.test(m[0]))
          ? { serviceStatus: rule.service }
          : {}),
        why: rule.why,
      });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** The label the bundle proposes (the furthest along), and whether the R5 hold may apply. */
export function proposedStatus(hints: StatusHint[]): { label: string; activeProceedings: boolean } {
  const label = hints.reduce(
    (best, h) => (STATUS_ORDER.indexOf(h.label) > STATUS_ORDER.indexOf(best) ? h.label : best),
    'reported',
  );
  const started = hints.some((h) => h.startsProceedings);
  const ended = hints.some((h) => h.endsProceedings);
  return { label, activeProceedings: started && !ended };
}
