/**
 * The 48-hour clock of the Defamation (Operators of Websites) Regulations 2013: hours on
 * weekends and bank holidays do not count. Bank holidays are those of England and Wales,
 * computed from their rules (fixed dates with substitute days, Easter, the May and August
 * Mondays); one-off holidays proclaimed for an occasion are not known here and must be added
 * by the operator (`extraHolidays`). Days are taken in UK local time.
 */

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function weekday(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(y: number): { month: number; day: number } {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

function shiftDays(y: number, m: number, d: number, n: number): string {
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** First (n = 1) or last (n = -1) Monday of a month. */
function monday(y: number, m: number, which: 1 | -1): string {
  if (which === 1) {
    const first = weekday(y, m, 1);
    return iso(y, m, 1 + ((8 - first) % 7));
  }
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = weekday(y, m, lastDay);
  return iso(y, m, lastDay - ((last + 6) % 7));
}

/** England and Wales bank holidays in a year, as YYYY-MM-DD. */
export function bankHolidays(y: number): string[] {
  const out: string[] = [];
  const ny = weekday(y, 1, 1);
  out.push(ny === 6 ? iso(y, 1, 3) : ny === 0 ? iso(y, 1, 2) : iso(y, 1, 1));
  const easter = easterSunday(y);
  out.push(shiftDays(y, easter.month, easter.day, -2), shiftDays(y, easter.month, easter.day, 1));
  out.push(monday(y, 5, 1), monday(y, 5, -1), monday(y, 8, -1));
  // Christmas and Boxing Day: a weekend day moves to the next weekday not already taken.
  const xmas = weekday(y, 12, 25);
  if (xmas === 5) out.push(iso(y, 12, 25), iso(y, 12, 28));
  else if (xmas === 6) out.push(iso(y, 12, 27), iso(y, 12, 28));
  else if (xmas === 0) out.push(iso(y, 12, 26), iso(y, 12, 27));
  else out.push(iso(y, 12, 25), iso(y, 12, 26));
  return out.sort();
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** True when the hour starting at `at` is on a UK working day. */
function isWorkingHour(at: Date, extra: ReadonlySet<string>): boolean {
  const day = londonDate.format(at);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wd = weekday(y, m, d);
  return wd !== 0 && wd !== 6 && !bankHolidays(y).includes(day) && !extra.has(day);
}

/**
 * The moment `hours` working hours after `start`. Counted hour by hour in UK local days, so a
 * notice received late on a Friday is due on Tuesday evening, and one received on a Saturday
 * starts counting at midnight on Monday.
 */
export function addWorkingHours(start: Date, hours: number, extraHolidays: Iterable<string> = []): Date {
  const extra = new Set(extraHolidays);
  const HOUR = 3_600_000;
  let at = start.getTime();
  let left = hours * HOUR;
  while (left > 0) {
    // Step to the end of this clock hour (or less, for the first partial hour).
    const next = Math.min(Math.floor(at / HOUR) * HOUR + HOUR, at + left);
    if (isWorkingHour(new Date(at), extra)) left -= next - at;
    at = next;
  }
  return new Date(at);
}
