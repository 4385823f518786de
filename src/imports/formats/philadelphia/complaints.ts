import { z } from 'zod';
import { day, repairC1, requiredText, text } from '../../fields.ts';
import type { ImportFormat } from '../../framework.ts';
import { fillReportedOn, replaceIncidentLinks, upsertIncidents } from '../../incidents.ts';
import { idFor, linkDerived } from '../../records.ts';
import { ensureUnits, unitId } from '../../units.ts';
import {
  complaintId,
  PHILADELPHIA_DATASET,
  placeholderComplaint,
  ppdUnit,
  preparePhiladelphia,
} from './shared.ts';

/** `ppd_complaints.csv`: one row per complaint, with Internal Affairs' summary. */
const complaintRow = z.looseObject({
  complaint_id: complaintId,
  date_received: day({ missing: [] }),
  district_occurrence: text(40, ['', 'N/A', 'NA']),
  general_cap_classification: text(100, ['', 'NA']),
  // Mojibake upstream left C1 controls where curly quotes were; the narrative is otherwise as published.
  summary: requiredText(20_000).transform(repairC1),
});
type ComplaintRow = z.output<typeof complaintRow>;

// "According to the complainant, on 1-2-16 at approximately 5:03am, …": the first such date.
const NARRATIVE_DATE = /\bon (?:or about )?(\d{1,2})[-/](\d{1,2})[-/](\d{4}|\d{2})\b/;

/**
 * When it happened, by the complainant's account at the start of the summary (`on M-D-YY`),
 * if that is a real date no later than the day the complaint was received; otherwise unknown.
 * The date the complaint was received is not the date of the incident, so it is never used as one.
 */
export function incidentDate(summary: string, received: string): string | null {
  const m = NARRATIVE_DATE.exec(summary.slice(0, 400));
  if (!m) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const iso = `${year}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return null;
  return iso <= received ? iso : null;
}

/** Where: the district as the city records it, never an address (the summary gives none). */
export function complaintPlace(district: string | null): string {
  if (!district) return 'Philadelphia';
  if (/^other jurisdiction$/i.test(district)) return 'Outside Philadelphia (another jurisdiction)';
  const unit = ppdUnit(district);
  return unit ? `Philadelphia, ${unit.name}` : `Philadelphia (district recorded as "${district}")`;
}

function titleOf(r: ComplaintRow): string {
  const what = r.general_cap_classification?.toLowerCase();
  return `Philadelphia police complaint ${r.complaint_id}${what ? ` (${what})` : ''}`;
}

export const philadelphiaComplaints: ImportFormat<ComplaintRow, { forceId: string }> = {
  id: 'philadelphia-complaints',
  title: 'Philadelphia police complaints',
  columns: ['complaint_id', 'date_received', 'district_occurrence', 'general_cap_classification', 'summary'],
  dataset: () => PHILADELPHIA_DATASET,
  prepare: preparePhiladelphia,
  row: complaintRow,
  async write(trx, batch, ctx) {
    const rows = batch.map((b) => b.value);
    const forceId = ctx.state.forceId;
    const incident = (r: ComplaintRow) => idFor(ctx, 'incident', r.complaint_id);
    await upsertIncidents(
      trx,
      ctx,
      rows.map((r) => {
        const on = incidentDate(r.summary, r.date_received!);
        const { externalId: _, ...base } = placeholderComplaint(ctx, forceId, r.complaint_id);
        return {
          ...base,
          title: titleOf(r),
          summary: r.summary,
          occurred_on: on,
          occurred_precision: on ? 'day' : 'unknown',
          place: complaintPlace(r.district_occurrence),
        };
      }),
    );
    const units = rows.map((r) => (r.district_occurrence ? ppdUnit(r.district_occurrence) : null));
    await ensureUnits(
      trx,
      ctx,
      forceId,
      units.filter((u) => u !== null),
    );
    await replaceIncidentLinks(
      trx,
      'incident_units',
      rows.map(incident),
      rows.flatMap((r, i) =>
        units[i] ? [{ incident_id: incident(r), target: unitId(ctx, units[i].code) }] : [],
      ),
    );
    await linkDerived(
      trx,
      ctx,
      'incident',
      rows.map((r) => ({
        externalId: r.complaint_id,
        attributes: {
          date_received: r.date_received,
          district_occurrence: r.district_occurrence,
          general_cap_classification: r.general_cap_classification,
          incident_date_from_summary: incidentDate(r.summary, r.date_received!) !== null,
        },
      })),
    );
  },
  // Findings imported before this file lack the date their complaint was received.
  finish: (trx, ctx) => fillReportedOn(trx, ctx, 'date_received'),
};
