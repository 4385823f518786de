// Kysely's runtime values, loaded from its CommonJS build. Its ES-module build is some 260 files,
// and every one of them passes through the TypeScript loader's hooks thread on the way in: about
// half a second at the start of every process (the server, each CLI command, each test file).
// The CommonJS build is the same code in the same version, read by Node's own loader. Everything
// imports Kysely's values from here, never from 'kysely' itself (eslint enforces it), so only one
// copy is ever loaded. Types still come from 'kysely' directly; they vanish at run time.
import { createRequire } from 'node:module';
import type * as K from 'kysely';

const kysely = createRequire(import.meta.url)('kysely') as typeof K;

/** Kysely's `sql` template tag. */
export const sql = kysely.sql;
/** Kysely's query builder class. */
export const Kysely = kysely.Kysely;
export type Kysely<DB> = K.Kysely<DB>;
/** Kysely's PostgreSQL dialect (over `pg`, or PGlite through its pg adapter). */
export const PostgresDialect = kysely.PostgresDialect;
export type PostgresDialect = K.PostgresDialect;
/** A compiled query, for raw statements run through a connection. */
export const CompiledQuery = kysely.CompiledQuery;
export type CompiledQuery<O = unknown> = K.CompiledQuery<O>;
