// The public data export: what goes in (published records, as the public pages show them), what
// never does (drafts, withdrawn records, held allegations, pages the legal guard holds, real
// identities), and how each format writes it.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { saveSanction } from '../allegations/service.ts';
import { inTransaction } from '../audit/records.ts';
import { ed25519Signer } from '../config/signing.ts';
import { addIncidentPerson } from '../incidents/service.ts';
import { saveProceedings } from '../legal/proceedings.ts';
import { saveRestriction } from '../legal/restrictions.ts';
import { setPersonIdentity } from '../people/identity-repository.ts';
import { savePerson } from '../people/service.ts';
import { setPublicationState } from '../publication/service.ts';
import { saveStatement } from '../statements/service.ts';
import { testVault } from '../../test/helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/db.ts';
import {
  ACTOR,
  makeAllegation,
  makeFinding,
  makeIncident,
  makeOfficer,
  makeSource,
  uniq,
} from '../../test/helpers/factories.ts';
import { makeCorrection, publish } from '../../test/helpers/pages.ts';
import { verifyExportBundle } from './bundle.ts';
import { DATASETS, writeExportBundle } from './service.ts';

const FORMULAS = [`=cmd|' /C calc'!A0`, `+SUM(1+1)*cmd|' /C calc'!A0`, `-2+3+cmd|' /C calc'!A0`, `@SUM(1+1)`];
// Unique markers: none of them may appear anywhere in the bundle.
const SECRET = {
  draft: uniq('DRAFTTITLE'),
  withdrawn: uniq('WITHDRAWNTITLE'),
  held: uniq('HELDALLEGATION'),
  restricted: uniq('RESTRICTEDTITLE'),
  draftOfficer: uniq('DRAFTOFFICERNAME'),
  draftStatement: uniq('DRAFTSTATEMENT'),
  identity: uniq('SEALEDREALNAME'),
};

let t: TestDatabase;
let dir: string;
const seed = crypto.randomBytes(32);
const fixture: Record<string, string> = {};

/** A published incident, allegation (officer named), finding and sanction, plus a draft officer's allegation. */
async function publishedChain() {
  await inTransaction(t.db, async (trx) => {
    const incidents = [];
    for (const title of FORMULAS) {
      const incident = await makeIncident(trx, { title });
      await publish(trx, 'incidents', incident.id);
      incidents.push(incident);
    }
    const incidentId = incidents[0]!.id;
    fixture.incident = incidentId;
    const officer = await makeOfficer(trx, { publishedName: 'Published Officer' });
    await publish(trx, 'officers', officer.id);
    fixture.officer = officer.id;
    const named = await makeAllegation(trx, { incidentId, officerId: officer.id });
    await publish(trx, 'allegations', named.id);
    fixture.allegation = named.id;
    const finding = await makeFinding(trx, { allegationId: named.id });
    fixture.finding = finding.id;
    const sanction = await saveSanction(trx, ACTOR, {
      findingId: finding.id,
      sanctionTaxonomy: 'ew_conduct_sanctions_2020',
      sanction: 'final_written_warning',
      imposedOn: '2025-01-10',
    });
    fixture.sanction = sanction.id;
    const draftOfficer = await makeOfficer(trx, { publishedName: SECRET.draftOfficer });
    const unnamed = await makeAllegation(trx, { incidentId, officerId: draftOfficer.id });
    await publish(trx, 'allegations', unnamed.id);
    fixture.unnamed = unnamed.id;
    await makeCorrection(trx, {
      entityType: 'incidents',
      entityId: incidentId,
      what: 'Corrected the date.',
      why: 'A court record gave it.',
      publishedAt: new Date(),
    });
  });
}

/** Everything that must stay out: a draft, a withdrawn record, a held allegation, a guarded page, an identity. */
async function hiddenRecords() {
  await inTransaction(t.db, async (trx) => {
    await makeIncident(trx, { title: SECRET.draft });
    const withdrawn = await makeIncident(trx, { title: SECRET.withdrawn });
    await publish(trx, 'incidents', withdrawn.id);
    await setPublicationState(trx, ACTOR, 'incidents', withdrawn.id, 'withdrawn');
    const held = await makeIncident(trx);
    await publish(trx, 'incidents', held.id);
    const allegation = await makeAllegation(trx, { incidentId: held.id, summary: SECRET.held });
    await publish(trx, 'allegations', allegation.id);
    await saveProceedings(trx, ACTOR, { incidentId: held.id, startedBy: 'charge', startedOn: '2025-02-01' });
    const restricted = await makeIncident(trx, { title: SECRET.restricted });
    await publish(trx, 'incidents', restricted.id);
    await saveRestriction(trx, ACTOR, {
      orderType: 'cca_1981_s4_2',
      caseReference: 'T20250001',
      startsOn: '2025-01-01',
      scopeIncidentId: restricted.id,
    });
    const person = await savePerson(trx, ACTOR, { pseudonym: 'Complainant E', ageStatus: 'adult' });
    await addIncidentPerson(trx, ACTOR, fixture.incident!, person.id, 'complainant');
    await setPersonIdentity(trx, testVault, ACTOR, { personId: person.id, realName: SECRET.identity });
    const source = await makeSource(trx);
    await saveStatement(trx, ACTOR, {
      slug: uniq('statement'),
      speakerName: 'A Chief Constable',
      speakerRole: 'Chief Constable',
      saidOn: '2025-03-01',
      summary: SECRET.draftStatement,
      sourceId: source.id,
    });
  });
}

const read = (name: string) => fs.readFileSync(path.join(dir, name));
const json = (name: string) => JSON.parse(read(name).toString('utf8')) as Record<string, unknown>[];

describe('public data export', () => {
  before(async () => {
    t = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodiet-export-'));
    await publishedChain();
    await hiddenRecords();
    await writeExportBundle(t.db, path.join(dir, 'bundle'), {
      formats: ['csv', 'json', 'ndjson'],
      signer: ed25519Signer(seed),
      publicUrl: 'https://custodiet.example.org',
    });
    dir = path.join(dir, 'bundle');
  });
  after(async () => {
    await t.close();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  test('writes one file per dataset and format, a manifest and its signature, and verifies', async () => {
    const names = DATASETS.flatMap((d) => ['csv', 'json', 'ndjson'].map((f) => `${d.name}.${f}`));
    assert.deepEqual(fs.readdirSync(dir).sort(), [...names, 'manifest.json', 'manifest.sig'].sort());
    const manifest = JSON.parse(read('manifest.json').toString('utf8'));
    assert.equal(manifest.publicUrl, 'https://custodiet.example.org');
    const incidents = manifest.files.find((f: { name: string }) => f.name === 'incidents.csv');
    assert.equal(incidents.rows, FORMULAS.length);
    assert.equal(incidents.bytes, read('incidents.csv').length);
    assert.deepEqual(await verifyExportBundle(dir, ed25519Signer(seed).publicKey), {
      ok: true,
      files: names.length,
      keyId: ed25519Signer(seed).keyId,
    });
  });

  test('published records appear; drafts, withdrawn, held, guarded records and identities never do', () => {
    const all = fs
      .readdirSync(dir)
      .map((n) => read(n).toString('utf8'))
      .join('\n');
    for (const [what, marker] of Object.entries(SECRET))
      assert.ok(!all.includes(marker), `${what} (${marker}) must not be exported`);
    assert.deepEqual(
      json('allegations.json')
        .map((a) => a.id)
        .sort(),
      [fixture.allegation, fixture.unnamed].sort(),
    );
    assert.deepEqual(
      json('findings.json').map((f) => f.id),
      [fixture.finding],
    );
    assert.deepEqual(
      json('sanctions.json').map((s) => s.id),
      [fixture.sanction],
    );
    assert.deepEqual(
      json('officers.json').map((o) => o.name),
      ['Published Officer'],
    );
    const unnamed = json('allegations.json').find((a) => a.id === fixture.unnamed)!;
    assert.equal(unnamed.officer, 'An officer not named in this record');
    assert.equal(unnamed.officer_id, null);
    assert.equal(json('statements.json').length, 0);
    assert.equal(json('corrections.json')[0]!.record_path?.toString().startsWith('/incidents/'), true);
    assert.ok(!all.includes('person_identities') && !all.includes('Complainant E'));
  });

  test('CSV is UTF-8 with a BOM and CRLF, formula cells come out as text; JSON keeps the exact value', () => {
    const bytes = read('incidents.csv');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.toString('utf8').split('\r\n').length > FORMULAS.length, 'CRLF line ends');
    const csv = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(csv.map((r) => r.title).sort(), FORMULAS.map((f) => `'${f}`).sort());
    assert.deepEqual(
      json('incidents.json')
        .map((r) => r.title)
        .sort(),
      [...FORMULAS].sort(),
    );
    const ndjson = read('incidents.ndjson')
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(ndjson, json('incidents.json'));
    assert.deepEqual(Object.keys(csv[0]!), Object.keys(json('incidents.json')[0]!));
  });
});
