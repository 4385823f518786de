import { sql } from '../../../db/kysely.ts';
import { z } from 'zod';
import { formatPartialDate } from '../../../http/format.ts';
import { slugify } from '../../../schema/common.ts';
import { day, externalId, text, titleCase, wholeNumber } from '../../fields.ts';
import type { ImportFormat } from '../../framework.ts';
import { fillReportedOn, upsertIncidents } from '../../incidents.ts';
import { idFor, linkRecords } from '../../records.ts';
import { CPDP_DATASET, prepareChicago } from './shared.ts';

/** One row of `complaints-complaints.csv`: a complaint register (CR) number and its facts. */
const complaintRow = z
  .object({
    cr_id: externalId(),
    incident_date: day(),
    complaint_date: day(),
    closed_date: day(),
    case_type: text(100),
    street_number: wholeNumber(),
    street_direction: text(5),
    street_name: text(100),
    apartment_number: text(20),
    city: text(60),
    beat: wholeNumber(),
    location_code: text(100),
    investigating_agency: text(60),
    complainant_type: text(60),
  })
  .loose();
type ComplaintRow = z.output<typeof complaintRow>;

/**
 * Where it happened, to the block and never closer: the files give street addresses, and a
 * complaint made at home would otherwise publish a home address (rule R10). A complaint whose
 * place is a residence, or that names an apartment, keeps only the city.
 */
export function blockPlace(r: ComplaintRow): string | null {
  const city = r.city ? titleCase(r.city) : 'Chicago';
  const residence =
    /RESIDENCE|APARTMENT|HOUSE|YARD|PORCH|DRIVEWAY/i.test(r.location_code ?? '') || !!r.apartment_number;
  if (residence) return `${city} (a residence: address withheld)`;
  if (!r.street_name) return city;
  const block = r.street_number ? `${Math.floor(Number(r.street_number) / 100) * 100} block of ` : '';
  const street = [r.street_direction, titleCase(r.street_name)].filter(Boolean).join(' ');
  return `${block}${street}, ${city}`;
}

function summaryOf(r: ComplaintRow): string {
  const parts = [
    `Complaint register CR ${r.cr_id} about Chicago Police Department staff`,
    r.complaint_date ? `received ${formatPartialDate(r.complaint_date, 'day')}` : null,
    r.investigating_agency ? `investigated by ${r.investigating_agency}` : null,
    r.closed_date
      ? `closed ${formatPartialDate(r.closed_date, 'day')}`
      : 'not closed when the data was released',
  ].filter(Boolean);
  return `${parts.join(', ')}. The dataset publishes no narrative; the allegations and their outcomes are listed separately.`;
}

export const cpdpComplaints: ImportFormat<ComplaintRow, { forceId: string }> = {
  id: 'cpdp-complaints',
  title: 'Chicago CPDP complaints',
  columns: ['cr_id', 'incident_date', 'complaint_date', 'closed_date', 'investigating_agency'],
  dataset: () => CPDP_DATASET,
  prepare: prepareChicago,
  row: complaintRow,
  async write(trx, rows, ctx) {
    const values = rows.map(({ value: r }) => ({
      id: idFor(ctx, 'incident', r.cr_id),
      slug: `cpdp-cr-${slugify(r.cr_id)}`,
      title: `Chicago complaint CR ${r.cr_id}${r.case_type ? ` (${r.case_type})` : ''}`,
      summary: summaryOf(r),
      occurred_on: r.incident_date,
      occurred_precision: r.incident_date ? 'day' : 'unknown',
      place: blockPlace(r),
      force_id: ctx.state.forceId,
      tags: ['cpdp'],
    }));
    await upsertIncidents(trx, ctx, values);
    await linkRecords(
      trx,
      ctx,
      'incident',
      rows.map(({ value: r }) => ({
        externalId: r.cr_id,
        entityId: idFor(ctx, 'incident', r.cr_id),
        attributes: {
          complaint_date: r.complaint_date,
          closed_date: r.closed_date,
          investigating_agency: r.investigating_agency,
          case_type: r.case_type,
          beat: r.beat,
          complainant_type: r.complainant_type,
        },
      })),
    );
  },
  // Accused rows imported before this file lack the complaint's dates and agency: fill them in.
  async finish(trx, ctx) {
    await sql`
      UPDATE findings f SET
        decided_on = coalesce(f.decided_on, (d.attributes->>'closed_date')::date),
        deciding_body = coalesce(d.attributes->>'investigating_agency', f.deciding_body)
      FROM allegations a, dataset_records d
      WHERE f.allegation_id = a.id AND a.publication_state = 'draft'
        AND d.source_id = ${ctx.sourceId} AND d.record_kind = 'incident' AND d.entity_id = a.incident_id
        AND d.last_file_id = ${ctx.fileId} AND f.outcome_taxonomy = 'us_conduct_findings_v1'
        AND (f.decided_on IS NULL OR f.deciding_body = ${PENDING_BODY})`.execute(trx);
    await fillReportedOn(trx, ctx, 'complaint_date');
  },
};

/** The deciding body written when the complaint (and so its investigating agency) is not yet imported. */
export const PENDING_BODY = 'Chicago oversight body (named in the complaints file)';
