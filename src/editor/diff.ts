// Readable differences between two versions of a record: field by field, and word by word
// inside long text so an editor sees exactly which words changed.
import { GENERATED_COLUMNS } from '../audit/history.ts';

/** A run of words that stayed, went or arrived. */
export interface DiffPart {
  op: 'same' | 'del' | 'ins';
  text: string;
}

/** One field that differs between two versions. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  /** Word-level parts for long text; absent for short values. */
  words?: DiffPart[];
}

// Beyond this many token pairs the quadratic LCS is not worth it: show old and new whole.
const MAX_CELLS = 4_000_000;
// Bookkeeping and derived columns are not edits.
const NOT_EDITS = new Set(['updated_at', 'created_at', ...GENERATED_COLUMNS]);

function tokens(s: string): string[] {
  return s.split(/(\s+)/).filter((t) => t !== '');
}

function push(parts: DiffPart[], op: DiffPart['op'], text: string): void {
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Word-level diff of two texts (longest common subsequence of words and spaces). */
export function wordDiff(a: string, b: string): DiffPart[] {
  const x = tokens(a);
  const y = tokens(b);
  if (x.length * y.length > MAX_CELLS) {
    const whole: DiffPart[] = [
      { op: 'del', text: a },
      { op: 'ins', text: b },
    ];
    return whole.filter((p) => p.text !== '');
  }
  // lcs[i][j] = length of the LCS of x[i..] and y[j..], in one flat array.
  const w = y.length + 1;
  const lcs = new Uint32Array((x.length + 1) * w);
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i * w + j] =
        x[i] === y[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      push(parts, 'same', x[i]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) push(parts, 'del', x[i++]!);
    else push(parts, 'ins', y[j++]!);
  }
  while (i < x.length) push(parts, 'del', x[i++]!);
  while (j < y.length) push(parts, 'ins', y[j++]!);
  return parts;
}

function isLongText(v: unknown): v is string {
  return typeof v === 'string' && (v.length > 60 || v.includes('\n'));
}

/** The fields that differ between two stored versions (null = did not exist / deleted). */
export function fieldChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: FieldChange[] = [];
  for (const field of [...keys].sort()) {
    if (NOT_EDITS.has(field) || field.endsWith('_kind')) continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    const change: FieldChange = { field, before: b, after: a };
    if (
      (isLongText(b) || isLongText(a)) &&
      (b === null || typeof b === 'string') &&
      (a === null || typeof a === 'string')
    )
      change.words = wordDiff(b ?? '', a ?? '');
    out.push(change);
  }
  return out;
}

/** A stored value as an editor reads it. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.map(String).join(', ');
  return String(v);
}
