// GET /api: the OpenAPI document rendered as a readable page, on the server, with no script and
// nothing from another origin (a CDN widget would tell a third party who reads our API docs).
import type { Child } from 'hono/jsx';
import { Layout } from '../http/layout.tsx';

type Json = Record<string, unknown>;

const refName = (ref: string) => ref.replace('#/components/schemas/', '');
const anchor = (name: string) => `schema-${name}`;
const opAnchor = (id: string) => `op-${id}`;

/** Text with `code` spans, as the document's descriptions are written. */
function Prose(props: { text: string }): Child {
  return <>{props.text.split('`').map((part, i) => (i % 2 === 1 ? <code>{part}</code> : part))}</>;
}

/** A short type expression for a schema: `string | null`, `array of Claim`, a link for a ref. */
function TypeOf(props: { schema: Json | undefined }): Child {
  const s = props.schema ?? {};
  if (typeof s.$ref === 'string') return <a href={`#${anchor(refName(s.$ref))}`}>{refName(s.$ref)}</a>;
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    const options = ((s.anyOf ?? s.oneOf) as Json[]).map((o) => <TypeOf schema={o} />);
    return <>{options.map((o, i) => (i === 0 ? o : <> | {o}</>))}</>;
  }
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type ? [String(s.type)] : [];
  if (types.includes('array')) {
    const rest = types.filter((t) => t !== 'array');
    return (
      <>
        array of <TypeOf schema={s.items as Json} />
        {rest.length > 0 && ` | ${rest.join(' | ')}`}
      </>
    );
  }
  const extra = [s.format, Array.isArray(s.enum) ? `one of ${(s.enum as unknown[]).join(', ')}` : undefined]
    .filter(Boolean)
    .join(', ');
  if (s.const !== undefined) return <code>{JSON.stringify(s.const)}</code>;
  const name = types.length > 0 ? types.join(' | ') : 'any';
  return (
    <>
      {name}
      {extra && <span class="meta"> ({extra})</span>}
    </>
  );
}

/** An object schema as a list of its properties, nested objects indented. */
function Properties(props: { schema: Json; depth?: number }): Child {
  const s = props.schema;
  const depth = props.depth ?? 0;
  const variants = (s.oneOf ?? s.anyOf) as Json[] | undefined;
  if (variants && depth < 4)
    return (
      <ol class="schema-variants">
        {variants.map((v) => (
          <li>
            One of: <Properties schema={v} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  const properties = (s.properties ?? {}) as Record<string, Json>;
  const required = new Set((s.required ?? []) as string[]);
  if (Object.keys(properties).length === 0) return <TypeOf schema={s} />;
  return (
    <ul class="schema">
      {Object.entries(properties).map(([name, p]) => {
        const nested = (p.type === 'object' || (p.items as Json | undefined)?.type === 'object') && depth < 4;
        return (
          <li>
            <code>{name}</code>
            {required.has(name) ? '' : ' (optional)'}: <TypeOf schema={p} />
            {typeof p.description === 'string' && (
              <span class="hint">
                {' '}
                — <Prose text={p.description} />
              </span>
            )}
            {nested && <Properties schema={p.type === 'object' ? p : (p.items as Json)} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}

function Operation(props: { path: string; method: string; op: Json }) {
  const { op } = props;
  const params = (op.parameters ?? []) as Json[];
  const responses = Object.entries((op.responses ?? {}) as Record<string, Json>);
  const body = (op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  const security = op.security as Record<string, string[]>[] | undefined;
  return (
    <section class="api-op" aria-labelledby={opAnchor(String(op.operationId))}>
      <h3 id={opAnchor(String(op.operationId))}>
        <code>
          {props.method.toUpperCase()} /api/v1{props.path}
        </code>
      </h3>
      <p>{String(op.summary)}</p>
      {typeof op.description === 'string' &&
        op.description.split('\n\n').map((para) => (
          <p class="note">
            <Prose text={para} />
          </p>
        ))}
      {security && (
        <p>
          Needs an API token with the scope <code>{security[0]!.bearer![0]}</code>.
        </p>
      )}
      {params.length > 0 && (
        <>
          <h4>Parameters</h4>
          <ul class="schema">
            {params.map((p) => (
              <li>
                <code>{String(p.name)}</code> ({String(p.in)}
                {p.required ? ', required' : ''}): <TypeOf schema={p.schema as Json} />
                {typeof p.description === 'string' && <span class="hint"> — {p.description}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {body && (
        <>
          <h4>Body (JSON)</h4>
          <Properties schema={body['application/json']!.schema as Json} />
        </>
      )}
      <h4>Responses</h4>
      <ul class="schema">
        {responses.map(([status, r]) => {
          const content = r.content as Record<string, Json> | undefined;
          const schema = content ? (Object.values(content)[0]!.schema as Json) : undefined;
          return (
            <li>
              <strong>{status}</strong> {String(r.description)}
              {schema && (
                <>
                  : <TypeOf schema={schema} />
                </>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The API reference page. */
export function ApiDocsPage(props: { doc: Json }) {
  const doc = props.doc;
  const paths = Object.entries(doc.paths as Record<string, Record<string, Json>>);
  const tags = (doc.tags as { name: string }[]).map((t) => t.name);
  const schemas = Object.entries(((doc.components as Json).schemas ?? {}) as Record<string, Json>);
  const ops = paths.flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <Layout
      title="API"
      description="The Custodiet API: every public record as JSON, documented from the same schemas the server checks."
    >
      <h1>API</h1>
      <p>
        Everything the public pages show is also available as JSON under <code>/api/v1/</code>. Reading needs
        no account. The machine-readable description is <a href="/api/v1/openapi.json">openapi.json</a>{' '}
        (OpenAPI {String(doc.openapi)}), generated from the same schemas the server validates with.
      </p>
      <ul>
        <li>
          <strong>Pages</strong>: lists are cursor-paginated; pass the <code>next</code> value as{' '}
          <code>cursor</code> (also in the <code>Link</code> header) until it is null.
        </li>
        <li>
          <strong>Caching</strong>: every read has an <code>ETag</code>; send it back as{' '}
          <code>If-None-Match</code> to get <code>304 Not Modified</code>.
        </li>
        <li>
          <strong>Limits</strong>: requests are rate limited per token, or per client for anonymous reads;
          past the limit you get <code>429</code> with <code>Retry-After</code>. We never store or log your
          address.
        </li>
        <li>
          <strong>Errors</strong> are JSON problem details (RFC 9457) with a stable <code>code</code>.
        </li>
        <li>
          <strong>Writes</strong> need an API token (<code>Authorization: Bearer cus_…</code>) from an
          administrator; they create drafts that people review and publish.
        </li>
        <li>
          <strong>Browsers</strong> on other sites may read (GET and HEAD), without credentials.
        </li>
      </ul>
      <nav aria-label="Endpoints">
        {tags.map((tag) => (
          <>
            <h2>{tag}</h2>
            <ul>
              {ops
                .filter((o) => (o.op.tags as string[])[0] === tag)
                .map((o) => (
                  <li>
                    <a href={`#${opAnchor(String(o.op.operationId))}`}>
                      <code>
                        {o.method.toUpperCase()} {o.path}
                      </code>
                    </a>{' '}
                    {String(o.op.summary)}
                  </li>
                ))}
            </ul>
          </>
        ))}
      </nav>
      <h2>Endpoints</h2>
      {ops.map((o) => (
        <Operation {...o} />
      ))}
      <h2>Schemas</h2>
      {schemas.map(([name, s]) => (
        <section aria-labelledby={anchor(name)}>
          <h3 id={anchor(name)}>{name}</h3>
          {typeof s.description === 'string' && (
            <p>
              <Prose text={s.description} />
            </p>
          )}
          <Properties schema={s} />
        </section>
      ))}
    </Layout>
  );
}
