import fs from 'node:fs';
import { blobStoreFromConfig } from '../../blobs/from-config.ts';
import { ingestFile, ingestUrl } from '../../ingest/service.ts';
import { loadVaultKey, openVault } from '../../uploads/vault.ts';
import { UsageError, type Command } from '../command.ts';
import { withDatabase } from '../database.ts';

/** `custodiet ingest FILE|URL`: an article becomes a proposed bundle of drafts, for review in the editor. */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Read a news article (file or web address) into a proposed bundle of draft records for review',
  usage:
    'custodiet ingest FILE|URL [--url ADDRESS] [--title T] [--publisher P] [--date YYYY-MM-DD] [--kind news|press_release|…]',
  details:
    'The article is kept as a source with an archived copy; a bundle of proposed items (dates, officers,\n' +
    'places, Standards, statements, status hints, pseudonymised people) is stored for review at\n' +
    '/editor/ingest/ID. Nothing is created or published until an editor accepts items there.\n' +
    'A FILE (text, HTML or PDF) needs --url: the address where the article was published.',
  options: {
    url: { type: 'string' },
    title: { type: 'string' },
    publisher: { type: 'string' },
    date: { type: 'string' },
    kind: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals, config, out }) {
    const [target] = positionals as [string];
    const isUrl = /^https?:\/\//i.test(target);
    if (!isUrl && !fs.existsSync(target)) throw new UsageError(`No such file: ${target}`);
    const meta = {
      url: (values.url as string | undefined) ?? (isUrl ? target : undefined),
      title: values.title as string | undefined,
      publisher: values.publisher as string | undefined,
      publishedOn: values.date as string | undefined,
      kind: values.kind as string | undefined,
    };
    const blobs = await blobStoreFromConfig(config);
    const vault = await openVault(loadVaultKey(config.originals));
    const r = await withDatabase(config, 'ingest', 'require-current', ({ db }) => {
      const deps = { db, blobs, vault, limits: config.capture };
      return isUrl
        ? ingestUrl(deps, 'cli:ingest', meta as never)
        : ingestFile(deps, 'cli:ingest', fs.readFileSync(target), target, meta as never);
    });
    const counts = Object.entries(r.bundle.counts)
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ');
    out(`Proposed ${r.bundle.items.length} item(s) from “${r.bundle.title}” (${counts || 'nothing found'}).`);
    out(`Proposed status label: ${r.bundle.proposedStatus.replace(/_/g, ' ')} (the editor decides).`);
    if (r.bundle.activeProceedings)
      out('Warning: an arrest or charge is reported with no end of the proceedings: the R5 hold applies.');
    const withheld = r.bundle.items.filter((i) => i.kind === 'person').length;
    if (withheld)
      out(
        `${withheld} person(s) proposed only under a pseudonym; no child or member of the public is named.`,
      );
    out(
      `Nothing was published. Review it at ${config.publicUrl.replace(/\/$/, '')}/editor/ingest/${r.bundleId}`,
    );
  },
};
