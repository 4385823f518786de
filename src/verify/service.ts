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

/** Checks the audit chain and every archived snapshot. */
export async function verifyAll(db: Db, blobs: BlobStore): Promise<VerifyReport> {
  const audit = await verifyAuditChain(db);
  const snapshots = await verifySnapshots(db, blobs);
  return { audit, snapshots, ok: audit.broken === null && snapshots.problems.length === 0 };
}
