import { verifyAuditChain, type ChainReport } from '../audit/chain.ts';
import { sha256Hex, type BlobStore } from '../blobs/store.ts';
import type { Db } from '../db/client.ts';

/** A snapshot whose stored bytes are missing or no longer match the recorded hash. */
export interface BlobProblem {
  snapshotId: string;
  sha256: string;
  problem: 'missing' | 'changed';
}

/** The outcome of `custodiet verify`. */
export interface VerifyReport {
  audit: ChainReport;
  snapshots: { checked: number; problems: BlobProblem[] };
  ok: boolean;
}

/** Re-hashes every captured snapshot's bytes in the blob store. */
export async function verifySnapshots(db: Db, blobs: BlobStore): Promise<VerifyReport['snapshots']> {
  const problems: BlobProblem[] = [];
  let checked = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await db
      .selectFrom('source_snapshots')
      .select(['id', 'sha256'])
      .where('capture_status', '=', 'captured')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    for (const s of page) {
      checked++;
      const bytes = await blobs.get(s.sha256!);
      if (!bytes) problems.push({ snapshotId: s.id, sha256: s.sha256!, problem: 'missing' });
      else if (sha256Hex(bytes) !== s.sha256)
        problems.push({ snapshotId: s.id, sha256: s.sha256!, problem: 'changed' });
    }
    if (page.length < 500) return { checked, problems };
    after = page.at(-1)!.id;
  }
}

/**
 * Re-hashes every sealed original's envelope. The plaintext's hash is checked when an original is
 * opened; here the envelope must exist and be the bytes that were stored, without any key.
 */
export async function verifyOriginals(db: Db, blobs: BlobStore): Promise<VerifyReport['snapshots']> {
  const rows = await db.selectFrom('upload_originals').select(['snapshot_id', 'envelope_sha256']).execute();
  const problems: BlobProblem[] = [];
  for (const r of rows) {
    const bytes = await blobs.get(r.envelope_sha256);
    if (!bytes) problems.push({ snapshotId: r.snapshot_id, sha256: r.envelope_sha256, problem: 'missing' });
    else if (sha256Hex(bytes) !== r.envelope_sha256)
      problems.push({ snapshotId: r.snapshot_id, sha256: r.envelope_sha256, problem: 'changed' });
  }
  return { checked: rows.length, problems };
}

/** Checks the audit chain, every archived snapshot and every sealed original. */
export async function verifyAll(db: Db, blobs: BlobStore): Promise<VerifyReport> {
  const audit = await verifyAuditChain(db);
  const captured = await verifySnapshots(db, blobs);
  const originals = await verifyOriginals(db, blobs);
  const snapshots = {
    checked: captured.checked + originals.checked,
    problems: [...captured.problems, ...originals.problems],
  };
  return { audit, snapshots, ok: audit.broken === null && snapshots.problems.length === 0 };
}
