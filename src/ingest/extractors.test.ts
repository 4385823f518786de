import assert from 'node:assert/strict';
import fs from 'node:fs';
import { before, describe, test } from 'node:test';
import { buildBundle } from './bundle.ts';
import { extractDates } from './dates.ts';
import { evaluate, loadArticles } from './evaluate.ts';
import { checkArticle } from './input.ts';
import { lexiconHits } from './lexicon.ts';
import { loadTextLibraries } from './nlp.ts';
import { extractPeople } from './people.ts';
import { placeMatcher, type GazetteerEntry } from './places.ts';
import { extractProtected } from './protected.ts';
import { extractStatements } from './statements.ts';
import { proposedStatus, statusHints } from './status.ts';
import { sentenceAt, sentences } from './text.ts';

const sentenceOf = (text: string) => {
  const s = sentences(text);
  return (i: number) => {
    const x = sentenceAt(s, i);
    return text.slice(x.start, x.end);
  };
};
const GAZ: GazetteerEntry[] = [
  {
    id: 'met',
    kind: 'force',
    name: 'Metropolitan Police Service',
    aliases: ['Metropolitan Police', 'the Met', 'Met', 'Scotland Yard'],
    forceId: 'f1',
    forceSlug: 'metropolitan',
    parentId: null,
    unitId: null,
  },
  {
    id: 'tsg',
    kind: 'unit',
    name: 'Territorial Support Group',
    aliases: ['TSG'],
    forceId: 'f1',
    forceSlug: 'metropolitan',
    parentId: null,
    unitId: null,
  },
  {
    id: 'cx',
    kind: 'station',
    name: 'Charing Cross police station',
    aliases: ['Charing Cross police station'],
    forceId: 'f1',
    forceSlug: 'metropolitan',
    parentId: 'cw',
    unitId: null,
  },
  {
    id: 'cw',
    kind: 'bcu',
    name: 'Central West Command Unit',
    aliases: ['Central West BCU'],
    forceId: 'f1',
    forceSlug: 'metropolitan',
    parentId: null,
    unitId: null,
  },
];

before(() => loadTextLibraries());

describe('ingest extractors', () => {
  test('dates: UK day-month order, precision, ranges and dates relative to the article', () => {
    const text =
      'On Thursday a sergeant was arrested. It happened on 4/7/2020. In March 2022 it became public. Between 2016 and 2018 there were complaints. In 2019 he joined. He was banned for 20 months.';
    const found = extractDates(text, '2025-10-06', sentenceOf(text)).map(
      (d) => `${d.on} ${d.precision}${d.until ? ` ${d.until}` : ''}`,
    );
    assert.deepEqual(found, [
      '2025-10-02 day',
      '2020-07-04 day',
      '2022-03-01 month',
      '2016-01-01 year_range 2018-01-01',
      '2019-01-01 year',
    ]);
  });

  test('people: ranks and roles, officials and members of the public told apart', () => {
    const text =
      'PC Jonathan Clapham and Det Ch Supt Helen Price were named. IOPC regional director Sal Naseem said it was wrong. Sir Mark Rowley, the Met Commissioner, apologised. Jane Okafor complained. Sgt Price agreed. Officer NX121 fired.';
    const people = extractPeople(text);
    const by = (n: string) => people.find((p) => p.name === n);
    assert.equal(by('Jonathan Clapham')?.rank, 'police_constable');
    assert.equal(by('Helen Price')?.rank, 'chief_superintendent');
    assert.equal(by('Helen Price')?.detective, true);
    assert.equal(by('Helen Price')?.mentions.length, 2, 'a later "Sgt Price" is the same officer');
    assert.equal(by('Sal Naseem')?.kind, 'official');
    assert.equal(by('Mark Rowley')?.rank, 'commissioner');
    assert.equal(by('Jane Okafor')?.kind, 'person');
    assert.ok(people.some((p) => p.identifier?.value === 'NX121' && p.name === null));
  });

  test('places: gazetteer names and aliases, short aliases exact, longest match first', () => {
    const found = placeMatcher(GAZ)(
      'Officers of the TSG and the Met, at Charing Cross police station in the Central West BCU. He met them.',
    );
    assert.deepEqual(
      found.map((f) => f.entry.id),
      ['tsg', 'met', 'cx', 'cw'],
    );
    assert.equal(
      found.find((f) => f.entry.id === 'met')!.mentions.length,
      1,
      '"met" the verb is not the Met',
    );
  });

  test('lexicon: phrases map to Standards and IOPC categories, with the reason', () => {
    const hits = lexiconHits('He lied about the stop, bullied a colleague and used excessive force.');
    assert.deepEqual([...new Set(hits.flatMap((h) => h.standards))].sort(), [
      'authority_respect_courtesy',
      'honesty_integrity',
      'use_of_force',
    ]);
    assert.ok(hits.every((h) => h.why.length > 0));
    assert.equal(hits.find((h) => h.standards.includes('use_of_force'))?.iopc, 'use_of_force');
  });

  test('statements: speakers, continued quotes, pronouns, promise hints; the public left out', () => {
    const text =
      'Commander Lisa Hartley said: "We will root out officers who lie to the public." "It is a matter of trust for all of us," she added. Her neighbour said: "I was shocked by what I saw that day." A Met spokesperson said: "The officer has been suspended pending an investigation."';
    const people = extractPeople(text);
    const s = extractStatements(text, people);
    assert.deepEqual(
      s.map((x) => x.speaker),
      ['Lisa Hartley', 'Lisa Hartley', 'Metropolitan Police'],
    );
    assert.equal(s[0]!.isPromise, true);
    assert.equal(s[0]!.promiseType, 'root_out');
  });

  test('status: hints become a proposed label; an arrest without an end holds the matter (R5)', () => {
    const arrested = proposedStatus(statusHints('The sergeant was arrested and suspended.'));
    assert.deepEqual(arrested, { label: 'active_proceedings', activeProceedings: true });
    const cleared = proposedStatus(statusHints('He was charged in 2023 and acquitted by a jury in 2024.'));
    assert.deepEqual(cleared, { label: 'acquitted', activeProceedings: false });
    assert.equal(proposedStatus(statusHints('There was no case to answer.')).label, 'no_case_to_answer');
  });

  test('protected people: a child by age or word, a sexual-offence complainant, adults pseudonymised', () => {
    const text =
      'Amy Price, 15, was searched. A schoolboy was also held. The woman who said she was raped, Beth Lowe, complained. Carl Dunn said he saw it.';
    const found = extractProtected(text, extractPeople(text), sentenceOf(text));
    const minor = found.find((p) => p.withheldName === 'Amy Price');
    assert.equal(minor?.ageStatus, 'minor');
    assert.equal(minor?.pseudonym, 'Child A');
    assert.ok(
      found.some((p) => p.ageStatus === 'minor' && p.withheldName === null),
      'an unnamed schoolboy',
    );
    assert.equal(found.find((p) => p.withheldName === 'Beth Lowe')?.sexualOffenceComplainant, true);
    assert.match(found.find((p) => p.withheldName === 'Carl Dunn')!.pseudonym, /^Person [A-Z]$/);
  });

  test('bad input: empty, huge, not an article, not English: a clear refusal each', () => {
    assert.throws(() => checkArticle('   '), /empty/);
    assert.throws(
      () => checkArticle('word '.repeat(60_000)),
      (e: Error & { status?: number }) => e.status === 413,
    );
    assert.throws(
      () => checkArticle('Home News Sport Login Register Contact'),
      /does not look like an article/,
    );
    const french =
      "La police a arrêté un homme dans le centre de la ville. Les agents ont dit que l'enquête continue. Le procureur a annoncé une audience pour le mois prochain. Les témoins ont été entendus par les enquêteurs de la brigade criminelle pendant plusieurs heures.".repeat(
        2,
      );
    assert.throws(() => checkArticle(french), /does not look like English/);
  });
});

describe('the whole bundle on evaluation articles', () => {
  const articles = loadArticles('test/fixtures/ingest');
  const gazetteer = JSON.parse(
    fs.readFileSync('test/fixtures/ingest/gazetteer.json', 'utf8'),
  ) as GazetteerEntry[];

  test('at least 15 annotated articles in several styles, some held out', () => {
    assert.ok(articles.length >= 15);
    assert.ok(new Set(articles.map((a) => a.gold.style)).size >= 5);
    assert.ok(articles.some((a) => a.gold.heldOut));
  });

  test('meets the targets: F1 ≥ 0.85 for dates, officers and places, ≥ 0.7 for Standards', () => {
    const f = evaluate(articles, gazetteer);
    for (const k of ['dates', 'officers', 'places'] as const)
      assert.ok(f[k].f1 >= 0.85, `${k} F1 ${f[k].f1}`);
    assert.ok(f.standards.f1 >= 0.7, `standards F1 ${f.standards.f1}`);
  });

  test('every passage is a verbatim slice of the article unless names were withheld', () => {
    for (const a of articles.slice(0, 6)) {
      const b = buildBundle({
        text: a.text,
        title: a.gold.title,
        articleDate: a.gold.articleDate,
        gazetteer,
      });
      for (const i of b.items) {
        if (!i.redacted) assert.equal(i.passage, a.text.slice(i.passageSpan.start, i.passageSpan.end));
        assert.ok(i.passage.split(/\s+/).length <= 60);
      }
    }
  });

  test('a named child appears nowhere in the bundle', () => {
    const a = articles.find((x) => x.slug.startsWith('14-'))!;
    assert.ok(a.text.includes('Callum Reed'));
    const b = buildBundle({ text: a.text, title: a.gold.title, articleDate: a.gold.articleDate, gazetteer });
    const json = JSON.stringify(b);
    assert.ok(!json.includes('Callum') && !json.includes('Reed'), 'the child’s name must be withheld');
    assert.ok(b.items.some((i) => i.kind === 'person' && i.proposed.ageStatus === 'minor'));
  });
});
