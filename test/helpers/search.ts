// Helpers for search tests: unique search words, publishing, and reading a results page.
import crypto from 'node:crypto';
import { setPublicationState, type PublishableTable } from '../../src/publication/service.ts';
import type { Db } from '../../src/db/client.ts';
import { testApp } from './app.ts';
import type { TestDatabase } from './db.ts';
import { ACTOR } from './factories.ts';

// Consonants only: no English suffix ("-s", "-ing", "-ed", "-ly") for the stemmer to strip.
const LETTERS = 'bcdfghjkmnpqrtvwxz';

/** A made-up word that occurs nowhere else, so a search for it finds exactly the test's records. */
export function word(): string {
  return Array.from(crypto.randomBytes(9), (b) => LETTERS[b % LETTERS.length]).join('');
}

/** Publishes a record (and returns it, for chaining inside a transaction). */
export async function published<T extends { id: string }>(trx: Db, table: PublishableTable, record: T) {
  await setPublicationState(trx, ACTOR, table, record.id, 'published');
  return record;
}

/** One result as listed: its kind badge, link and (HTML) title. */
export interface ListedResult {
  kind: string;
  href: string;
  title: string;
}

/** A search page as a test sees it. */
export interface SearchPage {
  status: number;
  html: string;
  results: ListedResult[];
  hrefs: string[];
  /** Count shown beside each kind of record ("Incidents 2"). */
  facets: Record<string, number>;
}

const RESULT = /<h3><span class="badge">(\w+)<\/span> <a href="([^"]+)">(.*?)<\/a>/g;
const FACET = /<li><a href="[^"]*"[^>]*>([\w ]+) <strong>(\d+)<\/strong><\/a><\/li>/g;

/** Requests a search URL from the app and picks the results out of the page. */
export async function searchPage(t: TestDatabase, url: string, headers?: Record<string, string>) {
  const res = await testApp(t).request(url, { headers });
  const html = await res.text();
  const results = [...html.matchAll(RESULT)].map((m) => ({ kind: m[1]!, href: m[2]!, title: m[3]! }));
  const facets = Object.fromEntries([...html.matchAll(FACET)].map((m) => [m[1]!, Number(m[2])]));
  return {
    status: res.status,
    html,
    results,
    hrefs: results.map((r) => r.href),
    facets,
    headers: res.headers,
  };
}
