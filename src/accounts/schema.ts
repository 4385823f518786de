import { z } from 'zod';
import { line } from '../schema/common.ts';
import { ROLES } from './policy.ts';

/** An email address, stored lower-case (the database refuses anything else). */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(254, 'must be at most 254 characters')
  .regex(/^[^@\s]+@[^@\s]+$/, 'must be an email address');

/** A new password. Length is what matters; the security issue adds breach checks on top. */
export const newPassword = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(1024, 'must be at most 1024 characters');

/** A new editor account. */
export const userInput = z
  .object({
    email: emailAddress,
    displayName: line(200),
    role: z.enum(ROLES),
    password: newPassword,
  })
  .strict();
export type UserInput = z.input<typeof userInput>;

/** What the sign-in form sends. Lengths are capped so a huge password cannot tie up scrypt. */
export const loginInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1024),
});
