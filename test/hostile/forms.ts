// Finds the forms and links on the app's pages, so the hostile-input test reaches every form
// there is (including ones added after it was written) instead of a hand-kept list.
import { parseHTML } from 'linkedom';

/** One control of a form. */
export interface Control {
  name: string;
  /** input type, or 'textarea' / 'select'. */
  kind: string;
  value: string;
  /** For selects: the non-empty option values. */
  options: string[];
}

/** A form as a browser would submit it. */
export interface FoundForm {
  method: 'GET' | 'POST';
  action: string;
  controls: Control[];
  /** The page it was found on. */
  page: string;
}

/** The part of a DOM element this file reads (linkedom's own types are not exported). */
interface El {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<El>;
}

function controlOf(el: El): Control | null {
  const name = el.getAttribute('name');
  if (!name) return null;
  const tag = el.tagName.toLowerCase();
  if (tag === 'select') {
    const options = [...el.querySelectorAll('option')]
      .map((o) => o.getAttribute('value') ?? o.textContent ?? '')
      .filter((v) => v !== '');
    return { name, kind: 'select', value: options[0] ?? '', options };
  }
  const kind = tag === 'textarea' ? 'textarea' : (el.getAttribute('type') ?? 'text').toLowerCase();
  const value = tag === 'textarea' ? (el.textContent ?? '') : (el.getAttribute('value') ?? '');
  return { name, kind, value, options: [] };
}

/** Every form on a page, with its action resolved against the page's path. */
export function formsOf(html: string, page: string): FoundForm[] {
  const { document } = parseHTML(html);
  return [...(document.querySelectorAll('form') as Iterable<El>)].map((form) => {
    const action = new URL(form.getAttribute('action') || page, 'http://app.test');
    return {
      method: (form.getAttribute('method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
      action: `${action.pathname}${action.search}`,
      controls: [...form.querySelectorAll('input, textarea, select')]
        .map(controlOf)
        .filter((c): c is Control => c !== null && c.kind !== 'submit' && c.kind !== 'button'),
      page,
    };
  });
}

/** Same-site links on a page (path and query only). */
export function linksOf(html: string): string[] {
  const { document } = parseHTML(html);
  return [...document.querySelectorAll('a[href]')]
    .map((a) => a.getAttribute('href')!)
    .filter((h) => h.startsWith('/') && !h.startsWith('//'))
    .map((h) => h.split('#')[0]!);
}

/** True when the form has a control hostile text can be typed into. */
export function hasFreeText(form: FoundForm): boolean {
  return form.controls.some((c) => ['text', 'textarea', 'search', 'email', 'password'].includes(c.kind));
}

/** The route shape of a path: ids and numbers replaced, so one form per shape is tried. */
export function shapeOf(method: string, path: string): string {
  return `${method} ${path
    .split('?')[0]!
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
    .replace(/\/\d+(?=\/|$)/g, '/:n')}`;
}

/**
 * The fields to submit with `payload`: in 'all' mode every visible control gets it (selects
 * and checkboxes included); in 'text' mode only free-text controls do and the others keep a
 * valid value (slugs a fresh one), so the hostile text gets past validation and is stored and
 * shown again.
 */
export function fill(
  form: FoundForm,
  payload: string,
  mode: 'all' | 'text',
  unique: string,
): Record<string, string[]> {
  const valid: Record<string, string> = {
    date: '2024-01-31',
    number: '1',
    email: 'hostile@example.org',
    checkbox: '',
    select: '',
  };
  const out: Record<string, string[]> = {};
  for (const c of form.controls) {
    let v: string;
    if (c.kind === 'hidden') v = c.value;
    // A URL slug must be unique and well-formed, tags are short words and an end date only goes
    // with a range, or nothing would ever be stored.
    else if (mode === 'text' && c.name === 'slug') v = `hostile-${unique}`;
    else if (mode === 'text' && (c.name === 'tags' || /until|\.to$/.test(c.name))) v = c.value;
    else if (mode === 'all' || c.kind === 'text' || c.kind === 'textarea' || c.kind === 'search') v = payload;
    else if (c.kind === 'select') v = c.options[0] ?? '';
    else if (c.kind === 'checkbox' || c.kind === 'radio') v = c.value || 'on';
    else v = valid[c.kind] ?? c.value;
    (out[c.name] ??= []).push(v);
  }
  return out;
}
