import { formatPartialDate } from './format.ts';

type Unit = 'day' | 'month' | 'year';

// The datetime attribute says no more than the date's precision: "2020-12" for a month, "2020" for a year.
function machine(iso: string, unit: Unit): string {
  return unit === 'day' ? iso : unit === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

function unitOf(precision: string): Unit {
  if (precision.startsWith('month')) return 'month';
  if (precision.startsWith('year')) return 'year';
  return 'day';
}

function One(props: { iso: string; unit: Unit }) {
  return <time datetime={machine(props.iso, props.unit)}>{formatPartialDate(props.iso, props.unit)}</time>;
}

/**
 * A date shown only as precisely as it is known ("3 March 2021", "March 2021", "2016 – 2018"),
 * in <time> elements whose datetime carries the same precision.
 */
export function PartialDate(props: { on: string | null; precision: string; until?: string | null }) {
  if (props.on === null || props.precision === 'unknown') return <span>Date unknown</span>;
  const unit = unitOf(props.precision);
  if (!props.precision.endsWith('range')) return <One iso={props.on} unit={unit} />;
  return (
    <span>
      <One iso={props.on} unit={unit} /> – <One iso={props.until ?? props.on} unit={unit} />
    </span>
  );
}

/** A calendar date (YYYY-MM-DD) known to the day. */
export function DayDate(props: { on: string | null }) {
  // Imported datasets can publish an outcome without its date (see docs/imports.md).
  if (props.on === null) return <span class="note">date not published</span>;
  return <One iso={props.on} unit="day" />;
}

/** A period of validity (a rank held, a posting, a shoulder number), open at either end. */
export function Validity(props: { from: string | null; to: string | null }) {
  const { from, to } = props;
  if (from && to)
    return (
      <span>
        <DayDate on={from} /> to <DayDate on={to} />
      </span>
    );
  if (from)
    return (
      <span>
        From <DayDate on={from} />
      </span>
    );
  if (to)
    return (
      <span>
        Until <DayDate on={to} />
      </span>
    );
  return <span>Dates not recorded</span>;
}

/** A moment in time (UTC), e.g. when a correction was published or a snapshot captured. */
export function Timestamp(props: { at: Date; withTime?: boolean }) {
  const iso = props.at.toISOString();
  const date = formatPartialDate(iso.slice(0, 10), 'day');
  const text = props.withTime ? `${date} at ${iso.slice(11, 16)} UTC` : date;
  return <time datetime={iso}>{text}</time>;
}
