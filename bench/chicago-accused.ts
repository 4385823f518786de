// A synthetic file shaped like CPDP's complaints-accused.csv (same 30 columns and header, the same
// kinds of values), for the import benchmark. Distributions follow the real file roughly: about
// two accused rows per complaint, a heavy tail of officers (a few with hundreds of rows), ~23% of
// rows on the catch-all UNKNOWN officer, most findings NOT SUSTAINED or empty. Seeded: the same
// row count always gives the same bytes.
import fs from 'node:fs';

export const ACCUSED_HEADER = [
  'row_id',
  'cr_id',
  'race',
  'gender',
  'star',
  'appointed_date',
  'birth_year',
  'assigned_unit',
  'current_unit',
  'assigned_rank',
  'rank',
  'duty_status',
  'accused_arrested',
  'injury_condition',
  'complaint_code',
  'complaint_status',
  'allegation_category',
  'recommended_finding',
  'final_finding',
  'recommended_penalty',
  'final_penalty',
  'merge',
  'first_name',
  'first_name_NS',
  'last_name',
  'last_name_NS',
  'middle_initial',
  'middle_initial2',
  'suffix_name',
  'complaints-accused_2000-2023_2023-08_p053540_ID',
];

const FIRST = [
  'JAMES',
  'MARIA',
  'ROBERT',
  'PATRICIA',
  'MICHAEL',
  'LINDA',
  'DAVID',
  'ELENA',
  'KEVIN',
  'ANGELA',
  'JOSE',
  'TANYA',
];
const LAST = [
  'SMITH',
  'JOHNSON',
  'GARCIA',
  'BROWN',
  'KOWALSKI',
  'NGUYEN',
  'OBRIEN',
  'WASHINGTON',
  'MURPHY',
  'LOPEZ',
  'REYES',
  'OKAFOR',
  'NOWAK',
];
const CATEGORY: [string, string][] = [
  ['Excessive Force', '05A'],
  ['Fourth Amendment/Improper Search', '03B'],
  ['Operational Violation', '12D'],
  ['Verbal Abuse', '01A'],
  ['In Process-Allegation Pending', '05ZZD'],
  ['Unnecessary Display of Weapon', '05L'],
  ['Domestic Violence', '24A'],
  ['Proper Care', '06D'],
  ['Coercion', '03D'],
  ['', ''],
];
const FINDING = [
  'NOT SUSTAINED',
  'NOT SUSTAINED',
  'NOT SUSTAINED',
  'UNFOUNDED',
  'UNFOUNDED',
  '',
  '',
  '',
  'EXONERATED',
  'SUSTAINED',
];
const PENALTY = [
  '100 - REPRIMAND',
  '015 - 15 SUSPENSION',
  '005 - 5 SUSPENSION',
  '000 - VIOLATION NOTED',
  '200 - SUSPENDED OVER 30 DAYS',
];
const RANK = [
  'POLICE OFFICER',
  'POLICE OFFICER',
  'POLICE OFFICER',
  'SERGEANT OF POLICE',
  'PO AS DETECTIVE',
  'LIEUTENANT OF POLICE',
];
const STATUS = ['Case Final', 'Case Final', 'Closed/No Finding', 'Under Investigation'];

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `rows` accused rows to `file`; returns the number of distinct officers and complaints. */
export async function writeAccusedFile(
  file: string,
  rows: number,
): Promise<{ officers: number; complaints: number }> {
  const rnd = prng(20230801);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const officers = Math.max(10, Math.round(rows / 30));
  const out = fs.createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  await write(ACCUSED_HEADER.join(',') + '\n');
  let cr = 1000000;
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    if (rnd() < 0.5) cr++;
    const unknown = rnd() < 0.23;
    const uid = unknown ? 2 : 3 + Math.floor(officers * Math.pow(rnd(), 2.2));
    const [category, code] = pick(CATEGORY);
    const finding = pick(FINDING);
    const penalty = finding === 'SUSTAINED' && rnd() < 0.6 ? pick(PENALTY) : '';
    const first = unknown ? 'UNKNOWN' : FIRST[uid % FIRST.length]!;
    const last = unknown ? 'UNKNOWN' : LAST[(uid * 7) % LAST.length]!;
    const star = unknown ? '' : `${1000 + (uid % 19000)}.0`;
    const rank = unknown ? '' : RANK[uid % RANK.length]!;
    const unit = unknown ? '' : `${1 + (uid % 25)}.0`;
    chunk +=
      `${i},${cr},,,${star},,,,${unit},${rank},${rank},,N,,${code},${pick(STATUS)},${category},,${finding},,` +
      `${penalty},1.0,${first},${first},${last},${last},${unknown ? '' : 'J'},,,${uid}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return { officers, complaints: cr - 1000000 + 1 };
}
