// /data: the public download page. It offers the stored export's files only while they are
// current (src/downloads/service.ts); otherwise it says why they are paused and when to come back.
import { DATASETS, EXPORT_FORMATS } from '../exports/service.ts';
import { formatBytes, formatCount, formatMomentUtc } from '../http/format.ts';
import { Layout } from '../http/layout.tsx';
import { Breadcrumbs } from '../http/record.tsx';
import { DataTable } from '../http/table.tsx';
import type { DownloadFile, DownloadState } from './service.ts';

/** What each file holds, in a reader's words. */
export const DATASET_DESCRIPTIONS: Record<string, string> = {
  incidents:
    'Published incidents: what happened, when and where, the force, and the record’s path on this site.',
  allegations:
    'Each allegation against an officer, with its Standard of Professional Behaviour, IOPC category and status label.',
  findings: 'Findings on allegations, kept apart from the allegations themselves.',
  sanctions: 'Sanctions imposed after findings.',
  officers:
    'Named officers: professional identity only (force, ranks, and shoulder numbers and other identifiers with their dates).',
  statements: 'Official statements and the promises made in them.',
  forces: 'Police forces and other agencies.',
  units: 'Units and stations of each force.',
  corrections: 'The corrections log: every correction and takedown of a published record.',
  'police-powers-events':
    'Stop-and-search and other police-powers events, as their publishers released them (no names), with each row’s dataset and licence.',
};

const FORMAT_LABELS: Record<string, string> = { csv: 'CSV', json: 'JSON', ndjson: 'NDJSON' };

function FileLink(props: { file: DownloadFile | undefined; live: boolean }) {
  const { file } = props;
  if (!file) return <span>—</span>;
  const size = formatBytes(file.bytes);
  // The column says the format; the link's name says the whole of it to a screen reader.
  const name = (
    <span class="visually-hidden">{`${file.dataset} as ${FORMAT_LABELS[file.format] ?? file.format}, `}</span>
  );
  return props.live ? (
    <a href={`/data/${file.name}`}>
      {name}
      {size}
    </a>
  ) : (
    <span>{size}</span>
  );
}

function FileTable(props: { files: DownloadFile[]; live: boolean }) {
  const names = [...new Set(props.files.map((f) => f.dataset))];
  return (
    <DataTable
      caption="One file per kind of record, in three formats, with its size"
      columns={[
        { label: 'Records' },
        { label: 'Rows', numeric: true },
        ...EXPORT_FORMATS.map((f) => ({ label: FORMAT_LABELS[f] ?? f })),
      ]}
      rows={names.map((name) => {
        const of = props.files.filter((f) => f.dataset === name);
        return {
          header: name,
          cells: [
            formatCount(of[0]?.rows ?? 0),
            ...EXPORT_FORMATS.map((format) => (
              <FileLink file={of.find((f) => f.format === format)} live={props.live} />
            )),
          ],
        };
      })}
    />
  );
}

function StateNotice(props: { state: DownloadState }) {
  const { state } = props;
  if (state.kind === 'none')
    return (
      <p class="callout callout-warn" role="status">
        The files have not been made yet. They are made in the background within a minute or two of the site
        starting; come back shortly.
      </p>
    );
  if (state.kind === 'outdated')
    return (
      <p class="callout callout-warn" role="status">
        {state.reason === 'new-day'
          ? 'These files were made on an earlier day, and the legal checks on what may be shown move with the date. '
          : 'Records have changed since these files were made. '}
        New files are being made and are usually ready within a minute or two. Until then these are not
        offered, so that nothing corrected, withdrawn or held since leaves this site in an old file.
      </p>
    );
  return (
    <p>
      Made at{' '}
      <time datetime={state.export.generatedAt.toISOString()}>
        {formatMomentUtc(state.export.generatedAt)}
      </time>
      . New files replace these within a minute or two of any change.
    </p>
  );
}

function Verification(props: { keyId: string; publicKey: string; live: boolean }) {
  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">Check that the files are complete and unaltered</h2>
      <p>
        {props.live ? <a href="/data/manifest.json">manifest.json</a> : 'manifest.json'} lists every file with
        its row count, size and SHA-256;{' '}
        {props.live ? <a href="/data/manifest.sig">manifest.sig</a> : 'manifest.sig'} is an Ed25519 signature
        of it, made with this site’s export key (key id <code>{props.keyId}</code>). Put every file, the
        manifest and the signature in one folder and run:
      </p>
      <pre class="command">
        <code>{`custodiet verify-export FOLDER --key ${props.publicKey}`}</code>
      </pre>
      <p>It names the first file that is missing, added or changed, or says the bundle is intact.</p>
    </section>
  );
}

function Columns() {
  return (
    <section aria-labelledby="columns-title">
      <h2 id="columns-title">What each file holds</h2>
      {DATASETS.map((d) => (
        <details>
          <summary>{d.name}</summary>
          <p>{DATASET_DESCRIPTIONS[d.name] ?? ''}</p>
          <p>
            Columns: <code>{d.columns.join(', ')}</code>
          </p>
        </details>
      ))}
    </section>
  );
}

/** The download page. */
export function DownloadPage(props: { state: DownloadState }) {
  const { state } = props;
  const live = state.kind === 'current';
  return (
    <Layout
      title="Download the data"
      description="Every published record of police misconduct on this site, as CSV, JSON and NDJSON files, signed."
    >
      <Breadcrumbs trail={[{ href: '/', label: 'Home' }]} current="Download the data" />
      <h1>Download the data</h1>
      <p>
        Every record published on this site, as files: the same records the pages show, and only those.
        Nothing in draft, nothing a legal check keeps off its page (active proceedings, a reporting
        restriction, a child who could be identified). People other than officers (complainants, victims,
        witnesses) are not in the files at all.
      </p>
      <p>
        An allegation is not a finding, and a finding is not a sanction: each has its own file, and each
        allegation carries its status label. CSV files are UTF-8 and open in Excel; a cell that a spreadsheet
        would run as a formula starts with an apostrophe. Records taken from published datasets keep their
        publishers’ licences, named on each record’s page and in the <a href="/methodology">methodology</a>.
        The same data is in the <a href="/api">API</a>, page by page.
      </p>
      <StateNotice state={state} />
      {state.kind !== 'none' && (
        <>
          <FileTable files={state.export.files} live={live} />
          <Verification keyId={state.export.keyId} publicKey={state.export.publicKey} live={live} />
        </>
      )}
      <Columns />
    </Layout>
  );
}
