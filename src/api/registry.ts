import { z } from 'zod';

/** Named schemas of the API: each becomes `#/components/schemas/<id>` in the OpenAPI document. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** Registers a schema as a named component and returns it. */
export function component<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  apiSchemas.add(schema, description ? { id, description } : { id });
  return schema;
}

/** An id as the database makes them (any 8-4-4-4-12 hex form). */
export const id = z.guid();
/** A moment, as ISO 8601 in UTC. */
export const timestamp = z.iso.datetime();
/** A calendar day, YYYY-MM-DD. */
export const day = z.iso.date();
/** A code of a versioned taxonomy (status labels, standards, sanctions…). */
export const code = z.string();

/** A code with the label the site shows for it. */
export const Label = component(
  'Label',
  z.object({ code, label: z.string() }),
  'A taxonomy code and its label as the site shows it (a status label beside every name, rule R1).',
);

/** RFC 9457 problem details with the stable error code. */
export const Problem = component(
  'Problem',
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
  'An error as RFC 9457 problem details; `code` is stable (src/errors/catalogue.ts).',
);

/** A page of a keyset-paginated list. */
export function pageOf<T extends z.ZodType>(name: string, item: T) {
  return component(
    `${name}Page`,
    z.object({
      items: z.array(item),
      next: z
        .string()
        .nullable()
        .describe('Opaque cursor for the next page (pass as `cursor`); null on the last page.'),
    }),
  );
}
