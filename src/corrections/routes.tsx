import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors/catalogue.ts';
import type { AppDeps } from '../http/app.ts';
import { latest, sendPage } from '../http/cache.ts';
import { Layout } from '../http/layout.tsx';
import { parseQuery } from '../http/query.ts';
import { CorrectionList } from './components.tsx';
import { listCorrections } from './repository.ts';

/** Entries per page of the log. */
export const CORRECTIONS_PAGE_SIZE = 25;

const pageQuery = z.object({
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/, 'must be a page number: 1, 2, 3…')
    .transform(Number)
    .optional(),
});

/** Page numbers to offer: the first, the last and two either side of the current one; null is a gap. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

function Pagination(props: { page: number; pages: number }) {
  const { page, pages } = props;
  if (pages <= 1) return null;
  const href = (n: number) => (n === 1 ? '/corrections' : `/corrections?page=${n}`);
  return (
    <nav class="pagination" aria-label="Pages of the corrections log">
      <ul>
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              Newer entries
            </a>
          </li>
        )}
        {pageWindow(page, pages).map((n) => (
          <li>
            {n === null ? (
              <span aria-hidden="true">…</span>
            ) : n === page ? (
              <span aria-current="page">{n}</span>
            ) : (
              <a href={href(n)} aria-label={`Page ${n}`}>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < pages && (
          <li>
            <a href={href(page + 1)} rel="next">
              Older entries
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The public, append-only log of corrections, clarifications, updates and takedowns (rule R15). */
export function correctionRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/corrections', async (c) => {
    const page = parseQuery(c, pageQuery).page ?? 1;
    const { total, entries } = await listCorrections(deps.db, page, CORRECTIONS_PAGE_SIZE);
    const pages = Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE));
    if (page > pages) throw new AppError('CUS_NOT_FOUND', `The corrections log has ${pages} page(s).`);
    const title = page === 1 ? 'Corrections log' : `Corrections log, page ${page} of ${pages}`;
    return sendPage(
      c,
      <Layout
        title={title}
        section="corrections"
        description="Every correction, clarification, update and takedown on Custodiet: what changed, why and when."
      >
        <h1>{title}</h1>
        <p class="lede">
          We do not edit records silently. Whenever we correct, clarify, update, withdraw or take down part of
          a published record, we say here what changed, why and when. Entries are never edited or removed.
        </p>
        <p>
          If you think something we publish is wrong, see{' '}
          <a href="/right-of-reply">right of reply and complaints</a>.
        </p>
        {total === 0 ? (
          <p>No corrections have been published yet.</p>
        ) : (
          <>
            <p class="meta">
              {total} {total === 1 ? 'entry' : 'entries'}, newest first.
            </p>
            <CorrectionList entries={entries} showRecord />
            <Pagination page={page} pages={pages} />
          </>
        )}
      </Layout>,
      latest(...entries.map((e) => e.publishedAt)),
    );
  });
  return app;
}
