/** Broad tone of a status label, for colour; the text always says exactly what the label is. */
export function labelTone(code: string): 'proven' | 'convicted' | 'cleared' | 'open' {
  if (code === 'convicted') return 'convicted';
  if (code === 'misconduct_proven' || code === 'gross_misconduct_proven') return 'proven';
  if (['acquitted', 'not_proven', 'no_case_to_answer', 'withdrawn', 'overturned_on_appeal'].includes(code))
    return 'cleared';
  return 'open';
}

/** The status label shown beside every name that carries an allegation (rule R1). */
export function StatusLabel(props: { code: string; label: string }) {
  return (
    <span class={`label label-${labelTone(props.code)}`} data-status={props.code}>
      {props.label}
    </span>
  );
}
