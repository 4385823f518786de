import type { Context } from 'hono';
import type { EditorEnv } from '../accounts/middleware.ts';
import type { AppError } from '../errors/catalogue.ts';
import { isAppError } from '../errors/catalogue.ts';
import type { Editor } from '../publication/workflow.ts';

/** The signed-in user as services need them. */
export function editorOf(c: Context<EditorEnv>): Editor {
  const u = c.get('session').user;
  return { id: u.id, role: u.role };
}

/** Errors a form answers by showing itself again with the problems (bad input, conflicts). */
export function formError(err: unknown): AppError | null {
  return isAppError(err) && (err.status === 422 || err.status === 409) ? err : null;
}
