import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import net from 'node:net';
import { guardedLookup, isPrivateAddress } from './address.ts';

/** The bounds every capture runs within. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Allow loopback and private addresses (tests, or an intranet deployment that means it). */
  allowPrivate: boolean;
}

/** Why a fetch failed; `permanent` failures are not retried (a refused address will stay refused). */
export class FetchError extends Error {
  constructor(
    readonly kind: 'bad_url' | 'refused' | 'network' | 'timeout' | 'too_large' | 'redirects',
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** What came back: the final address after redirects, status, kept headers and the body bytes. */
export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  mediaType: string;
  bytes: Buffer;
}

// Headers that describe the document; cookies and anything else the server sends are not kept.
const KEPT_HEADERS = [
  'content-type',
  'content-length',
  'content-language',
  'content-encoding',
  'last-modified',
  'etag',
  'date',
  'server',
  'cache-control',
];

/** Parses and checks an address: http(s) only, no credentials in it. */
export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('bad_url', `Not a web address: ${raw}`, true);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError('bad_url', `Only http and https addresses are captured, not ${url.protocol}`, true);
  if (url.username || url.password)
    throw new FetchError('bad_url', 'Addresses with a user name or password are not captured', true);
  return url;
}

interface OneResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function decode(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const opts = { maxOutputLength: maxBytes };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.gunzipSync(body, opts);
    if (encoding === 'deflate') return zlib.inflateSync(body, opts);
    if (encoding === 'br') return zlib.brotliDecompressSync(body, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new FetchError('too_large', `The page is larger than ${maxBytes} bytes`, true);
    throw new FetchError('network', `The page's ${encoding} encoding is corrupt`, false);
  }
  return body;
}

// Node connects to a literal IP without calling `lookup`, so those are checked here.
function refuseLiteralPrivate(url: URL, allowPrivate: boolean): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && net.isIP(host) && isPrivateAddress(host))
    throw new FetchError('refused', `${host} is a private or reserved address; capture refused`, true);
}

function requestOnce(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<OneResponse> {
  refuseLiteralPrivate(url, limits.allowPrivate);
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.get(
      url,
      {
        signal,
        lookup: guardedLookup(limits.allowPrivate) as never,
        headers: {
          'user-agent': 'Custodiet-archiver/0.1 (+evidence capture; respects takedown requests)',
          accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      (res) => {
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > limits.maxBytes) {
          res.destroy();
          return reject(
            new FetchError('too_large', `The page is larger than ${limits.maxBytes} bytes`, true),
          );
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            res.destroy();
            reject(new FetchError('too_large', `The page is larger than ${limits.maxBytes} bytes`, true));
          } else chunks.push(chunk);
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
  });
}

function asFetchError(err: unknown, url: URL, timeoutMs: number): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ECAPTUREREFUSED') return new FetchError('refused', e.message, true);
  if (e.name === 'AbortError' || e.code === 'ABORT_ERR')
    return new FetchError('timeout', `No complete answer from ${url.host} within ${timeoutMs} ms`, false);
  if (e.code === 'ENOTFOUND') return new FetchError('network', `${url.hostname} does not resolve`, false);
  return new FetchError('network', `${url.host}: ${e.code ?? e.message}`, false);
}

function keptHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const v = headers[name];
    if (typeof v === 'string') out[name] = v.slice(0, 500);
  }
  return out;
}

/**
 * GETs a page within the limits: http(s) only, private addresses refused (checked on every hop),
 * at most `maxRedirects` redirects, one deadline for the whole exchange, and a byte cap applied
 * both to what arrives and to what it decompresses to.
 */
export async function fetchPage(raw: string, limits: FetchLimits): Promise<FetchedPage> {
  let url = checkUrl(raw);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      let res: OneResponse;
      try {
        res = await requestOnce(url, limits, controller.signal);
      } catch (err) {
        throw asFetchError(err, url, limits.timeoutMs);
      }
      const location = res.headers.location;
      if (res.status >= 300 && res.status < 400 && location) {
        if (hop >= limits.maxRedirects)
          throw new FetchError('redirects', `More than ${limits.maxRedirects} redirects from ${raw}`, true);
        url = checkUrl(new URL(location, url).toString());
        continue;
      }
      const headers = keptHeaders(res.headers);
      return {
        requestedUrl: raw,
        finalUrl: url.toString(),
        status: res.status,
        headers,
        mediaType: (headers['content-type'] ?? 'application/octet-stream')
          .split(';')[0]!
          .trim()
          .toLowerCase(),
        bytes: decode(res.body, headers['content-encoding']?.toLowerCase(), limits.maxBytes),
      };
    }
  } finally {
    clearTimeout(timer);
  }
}
