/**
 * Media types that can run script or pull in other resources when a browser renders them. Stored
 * files of these types (captured pages, uploads) are only ever sent as downloads, never inline.
 */
export const ACTIVE_CONTENT_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'image/svg+xml',
  'application/javascript',
  'text/javascript',
  'application/ecmascript',
  'text/xml',
  'application/xml',
  'application/pdf',
  'text/x-scriptlet',
  'application/x-shockwave-flash',
]);

/** True when a browser could execute something in this type (parameters such as charset ignored). */
export function isActiveContent(mediaType: string): boolean {
  const base = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return ACTIVE_CONTENT_TYPES.has(base) || base.endsWith('+xml');
}
