import type { Permission } from '../accounts/policy.ts';

/**
 * What an API token may be used for. A token never does more than its owner's role allows (the
 * policy is asked on every use, so a demoted owner's tokens lose power at once); a scope only
 * narrows that. No scope publishes, approves or withdraws: those stay human acts in the editor.
 */
export const API_SCOPES = {
  'read:drafts': 'Read records as the editor shows them, including drafts and records in review',
  'write:incidents': 'Create and change draft incidents and their timeline events',
  'write:allegations': 'Create and change draft allegations, findings and sanctions',
  'write:officers': 'Create and change draft officers, their ranks, postings and identifiers',
  'write:sources': 'Create and change sources and the claims that cite them',
  'write:statements': 'Create and change draft official statements',
  'submit:review': 'Send a draft for review (a person then approves and publishes it)',
} as const;

/** One scope name. */
export type ApiScope = keyof typeof API_SCOPES;

/** Every scope, in the order they are listed. */
export const SCOPE_NAMES = Object.keys(API_SCOPES) as [ApiScope, ...ApiScope[]];

/** The record types each write scope covers (editor entity types, also the API path segment). */
export const WRITE_SCOPES: Record<string, ApiScope> = {
  incidents: 'write:incidents',
  timeline_events: 'write:incidents',
  allegations: 'write:allegations',
  findings: 'write:allegations',
  sanctions: 'write:allegations',
  officers: 'write:officers',
  officer_ranks: 'write:officers',
  officer_postings: 'write:officers',
  officer_identifiers: 'write:officers',
  sources: 'write:sources',
  claims: 'write:sources',
  statements: 'write:statements',
};

/** The role permission a scope also needs from the token's owner. */
export const SCOPE_PERMISSION: Partial<Record<ApiScope, Permission>> = {
  'submit:review': 'record.submit',
};

/** True when the string names a scope. */
export function isScope(s: string): s is ApiScope {
  return Object.hasOwn(API_SCOPES, s);
}
