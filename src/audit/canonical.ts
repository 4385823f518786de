import type { JsonValue } from '../db/schema.generated.ts';

/**
 * Converts a database row (or any value) into plain JSON: Dates become ISO strings, Buffers
 * hex, bigints strings; undefined fields are dropped. Used for audit diffs and versions.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot store a non-finite number (${value}) as JSON`);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonValue(v);
    return out;
  }
  throw new Error(`Cannot store a ${typeof value} as JSON`);
}

/**
 * Deterministic JSON: keys sorted at every level, no whitespace. jsonb reorders keys, so the
 * hash must be computed over this form, which is the same before storing and after reading back.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
}
