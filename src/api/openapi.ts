// The OpenAPI 3.1 document, generated from the route declarations and their zod schemas (zod 4's
// JSON Schema output is draft 2020-12, the dialect of OpenAPI 3.1). Nothing is written by hand
// twice: a new route or a changed schema changes the document.
import { z } from 'zod';
import { ERROR_CATALOGUE } from '../errors/catalogue.ts';
import { Problem, apiSchemas } from './registry.ts';
import { API_BASE, type ApiRoute } from './route.ts';
import { API_SCOPES } from './scopes.ts';

type Json = Record<string, unknown>;

const REF = (id: string) => `#/components/schemas/${id}`;

// JSON Schema keywords an embedded schema must not carry inside an OpenAPI document.
function clean(schema: Json): Json {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** A schema inline (request parts), or as a reference when it is a named component. */
function schemaFor(schema: z.ZodType, io: 'input' | 'output'): Json {
  const meta = apiSchemas.get(schema);
  if (meta && io === 'output') return { $ref: REF(meta.id) };
  return clean(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json);
}

function parameters(route: ApiRoute): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, Json>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = prop;
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  return out;
}

const problem = (status: number) => ({
  description:
    Object.values(ERROR_CATALOGUE)
      .filter((e) => e.status === status)
      .map((e) => e.title)
      .join('; ') || 'Error',
  content: { 'application/problem+json': { schema: { $ref: REF(apiSchemas.get(Problem)!.id) } } },
});

function responses(route: ApiRoute): Json {
  const status = String(route.status ?? 200);
  const out: Json = {
    [status]: {
      description: route.status === 201 ? 'Created' : 'OK',
      headers: { ETag: { description: 'Strong validator of the body', schema: { type: 'string' } } },
      content: { 'application/json': { schema: schemaFor(route.response, 'output') } },
    },
  };
  if (route.method === 'get') out['304'] = { description: 'Not modified (If-None-Match matched the ETag)' };
  if (route.redirects)
    out['302'] = {
      description: route.redirects,
      headers: { Location: { description: 'Where the record is now', schema: { type: 'string' } } },
    };
  const codes = new Set([400, 429, ...(route.scope ? [401, 403] : []), ...(route.errors ?? [])]);
  if (route.body) codes.add(415).add(422);
  for (const code of [...codes].sort()) out[String(code)] = problem(code);
  return out;
}

function operation(route: ApiRoute): Json {
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description || route.page
      ? {
          description: [route.description, route.page ? `The data of the public page \`${route.page}\`.` : '']
            .filter(Boolean)
            .join('\n\n'),
        }
      : {}),
    tags: [route.tag],
    parameters: parameters(route),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaFor(route.body, 'input') } },
          },
        }
      : {}),
    responses: responses(route),
    ...(route.scope ? { security: [{ bearer: [route.scope] }] } : {}),
  };
}

/** The OpenAPI 3.1 document for these routes. */
export function openApiDocument(routes: readonly ApiRoute[], serverUrl: string): Json {
  const components = z.toJSONSchema(apiSchemas, { uri: REF, io: 'output', unrepresentable: 'any' }) as {
    schemas: Record<string, Json>;
  };
  const paths: Record<string, Json> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Custodiet API',
      version: '1',
      summary: 'Sourced, legally careful records of police misconduct',
      description:
        'Everything the public pages show, as JSON: anonymous reads, cursor pagination, ETags, read-only CORS. ' +
        'Writes need an API token and create drafts that people review and publish.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: serverUrl.replace(/\/$/, '') + API_BASE }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components.schemas).map(([k, v]) => [k, clean(v)])),
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: `An API token (cus_…). Scopes: ${Object.entries(API_SCOPES)
            .map(([s, d]) => `${s} (${d})`)
            .join('; ')}.`,
        },
      },
    },
  };
}
