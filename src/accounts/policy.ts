import { AppError } from '../errors/catalogue.ts';

/**
 * Who may do what: the ONE place permission decisions are made. Routes and services ask
 * `can`/`requirePermission`; the security issue extends this module (two-person approval,
 * per-record grants) without touching the callers.
 */
export const ROLES = ['admin', 'moderator', 'editor', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/** Actions a signed-in user may be allowed. */
export type Permission =
  /** Create records and edit those nobody outside can see yet (draft, in review, not under a public page). */
  | 'record.edit_unpublished'
  /** Edit what the public can see (always with a public correction note, rule R15). */
  | 'record.edit_published'
  /** Move a draft into review, or take it back out. */
  | 'record.submit'
  /** Publish a record that passed review and the publication checks. */
  | 'record.publish'
  /** Withdraw a published record (with a public note), or return a withdrawn one to draft. */
  | 'record.withdraw'
  /** Approve someone else's record for publication (the two-person rule). */
  | 'record.approve'
  /** Manage accounts. */
  | 'user.manage'
  /** Read and export the whole audit log (every actor, every change): admins only. */
  | 'audit.read'
  /** Open the encrypted original of an uploaded file (metadata intact); every opening is audited. */
  | 'evidence.read_original'
  /** Unlock the moderation key, read anonymous submissions and act on them (every step audited). */
  | 'submission.moderate'
  /** Import public dataset files through the editor (the CLI needs shell access instead). */
  | 'dataset.import'
  /** Review match candidates across sources; merge, reject and undo merges (rule R11: a person decides). */
  | 'record.merge'
  /** Subscribe and remove webhooks for newly published records (their secrets sign deliveries). */
  | 'webhook.manage';

const CONTRIBUTOR: Permission[] = ['record.edit_unpublished', 'record.submit'];
const EDITOR: Permission[] = [
  ...CONTRIBUTOR,
  'record.edit_published',
  'record.publish',
  'record.withdraw',
  'record.approve',
  'record.merge',
];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  contributor: new Set(CONTRIBUTOR),
  editor: new Set(EDITOR),
  moderator: new Set([...EDITOR, 'evidence.read_original', 'submission.moderate']),
  admin: new Set([
    ...EDITOR,
    'user.manage',
    'audit.read',
    'evidence.read_original',
    'submission.moderate',
    'dataset.import',
    'webhook.manage',
  ]),
};

/** The part of a user the policy looks at. */
export interface Principal {
  role: string;
}

/** True when the user's role grants the permission. Unknown roles get nothing. */
export function can(user: Principal, permission: Permission): boolean {
  return (GRANTS as Record<string, ReadonlySet<Permission> | undefined>)[user.role]?.has(permission) ?? false;
}

/** Throws CUS_FORBIDDEN unless the user may do this. */
export function requirePermission(user: Principal, permission: Permission, what: string): void {
  if (!can(user, permission)) {
    throw new AppError('CUS_FORBIDDEN', `Your role (${user.role}) cannot ${what}.`);
  }
}

/**
 * The permission needed to change a record, given whether the public can see it (the record
 * itself or the published page it appears on) and its own publication state when it has one.
 */
export function editPermission(target: { published: boolean; state?: string | null }): Permission {
  if (target.published || target.state === 'published' || target.state === 'withdrawn')
    return 'record.edit_published';
  return 'record.edit_unpublished';
}
