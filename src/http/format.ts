const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return { y: y!, m: m!, d: d! };
}

function day(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function month(iso: string): string {
  const { y, m } = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
}

/** A moment's day in UTC, as a page writes a date: "5 December 2026". */
export function formatDayUtc(d: Date): string {
  return day(d.toISOString().slice(0, 10));
}

/** Shows a date only as precisely as it is known: "3 March 2021", "March 2021", "2016 – 2018". */
export function formatPartialDate(on: string | null, precision: string, until: string | null = null): string {
  if (on === null || precision === 'unknown') return 'Date unknown';
  switch (precision) {
    case 'day':
      return day(on);
    case 'month':
      return month(on);
    case 'year':
      return String(parts(on).y);
    case 'range':
      return `${day(on)} – ${day(until ?? on)}`;
    case 'month_range':
      return `${month(on)} – ${month(until ?? on)}`;
    case 'year_range':
      return `${parts(on).y} – ${parts(until ?? on).y}`;
    default:
      return day(on);
  }
}

/** The ISO date a <time> element should carry. */
export function machineDate(on: string | null): string | undefined {
  return on ?? undefined;
}

/** A whole count as British English writes it: 1,234. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/** A moment as "5 December 2026 at 14:03 UTC": a public page says which clock it means. */
export function formatMomentUtc(d: Date): string {
  return `${d.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
}

/** A file size for people: bytes, kB, MB or GB (powers of 1,000, as file managers show them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n}\u00a0bytes`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n / 1000;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)}\u00a0${units[i]}`;
}
