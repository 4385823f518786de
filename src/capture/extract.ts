// The HTML and PDF parsers are imported when first used: linkedom alone is some 200 modules, and
// every process (each CLI command, the server, each test file) would otherwise load them at start.

/** Readable text taken from captured bytes, and the document's own title when it has one. */
export interface Extracted {
  text: string | null;
  title: string | null;
}

// The encoding a page declares in its header or a <meta> tag; TextDecoder knows the labels.
function charsetOf(bytes: Buffer, contentType: string | undefined): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const head = bytes.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  const label = (fromHeader ?? fromMeta ?? 'utf-8').toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

/** Decodes text bytes in their declared encoding (UTF-8 when none is declared or it is unknown). */
export function decodeText(bytes: Buffer, contentType?: string): string {
  return new TextDecoder(charsetOf(bytes, contentType)).decode(bytes);
}

/** Collapses runs of blank space while keeping paragraph breaks, so quoted passages can be found. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The article text of an HTML page, using Mozilla's Readability (the Firefox reader view); when it
 * finds no article (an index page, a short notice), the whole body's text, so nothing quotable is lost.
 */
export async function htmlText(html: string): Promise<Extracted> {
  const [{ parseHTML }, { Readability }] = await Promise.all([
    import('linkedom'),
    import('@mozilla/readability'),
  ]);
  const { document } = parseHTML(html);
  const title = document.querySelector('title')?.textContent?.trim() || null;
  for (const el of document.querySelectorAll('script, style, noscript, template')) el.remove();
  const whole = tidy(document.body?.textContent ?? '');
  let article: string | null;
  try {
    article =
      new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()
        ?.textContent ?? null;
  } catch {
    article = null; // Readability gives up on odd markup; the body text still stands.
  }
  const text = article && tidy(article).length >= whole.length * 0.25 ? tidy(article) : whole;
  return { text: text || null, title };
}

/** The text layer of a PDF (pages joined); null for a scanned PDF with no text layer. */
export async function pdfText(bytes: Buffer): Promise<Extracted> {
  const { extractText } = await import('unpdf');
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  const cleaned = tidy(text);
  return { text: cleaned || null, title: null };
}

/** Extracts readable text from captured bytes by media type; other types (images, video) have none. */
export async function extractReadable(
  bytes: Buffer,
  mediaType: string,
  contentType?: string,
): Promise<Extracted> {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml')
    return htmlText(decodeText(bytes, contentType));
  if (mediaType === 'application/pdf' || bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    try {
      return await pdfText(bytes);
    } catch {
      return { text: null, title: null }; // a damaged PDF is still archived, just not quotable
    }
  }
  if (mediaType.startsWith('text/'))
    return { text: tidy(decodeText(bytes, contentType)) || null, title: null };
  return { text: null, title: null };
}
