// "Cite this record": what a journalist, a lawyer or a researcher needs to point at a page.
// The reference follows OSCOLA's form for web pages (the citation standard of UK legal writing):
// author, 'title' (date), <address>, accessed date.
import { formatDayUtc as day } from './format.ts';

/** The reference as text, e.g. Custodiet, ‘Title’ (last updated 5 December 2026) <https://…> accessed 6 December 2026. */
export function citation(title: string, url: string, updated: Date | null, now = new Date()): string {
  const when = updated ? ` (last updated ${day(updated)})` : '';
  return `Custodiet, ‘${title}’${when} <${url}> accessed ${day(now)}`;
}

/** The citation box at the end of a public record page; nothing on a preview (a draft is not cited). */
export function CiteThis(props: {
  title: string;
  path: string;
  origin?: string | undefined;
  updated: Date | null;
}) {
  if (!props.origin) return null;
  const url = props.origin + props.path;
  return (
    <section class="cite" aria-labelledby="cite-title">
      <h2 id="cite-title">Cite this record</h2>
      <p class="cite-text">{citation(props.title, url, props.updated)}</p>
      <p class="note">
        OSCOLA’s form for web pages. The address stays the record’s own, and every correction since
        publication is listed on the page.
      </p>
    </section>
  );
}
