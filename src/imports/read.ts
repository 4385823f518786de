import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { repairC1 } from './fields.ts';

/** A problem with one row (or the file), as the error report lists it. */
export interface RowError {
  /** The line of the file where the row ends (the header is line 1); 0 for the file as a whole. */
  line: number;
  column: string;
  message: string;
}

/** The whole file is unreadable as the format: nothing is imported. */
export class ImportFileError extends Error {}

/**
 * A row is wrong in a way only writing can tell (an id the file already used on an earlier
 * line): nothing is imported, and the report names the row's line and column.
 */
export class ImportRowError extends ImportFileError {
  constructor(
    readonly line: number,
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** SHA-256 and size of a file, read as a stream (files can be gigabytes). */
export async function fileFacts(path: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** Supported text encodings of an input file. */
export type Encoding = 'utf-8' | 'latin1';

/**
 * Bytes to text. UTF-8 is decoded strictly: a Latin-1 file read as UTF-8 would silently turn
 * "Zoë" into "Zo�" in every record, so it is refused with the fix (`--encoding latin1`). Latin-1
 * is decoded as Windows-1252, which is what "Latin-1" files from spreadsheets really are.
 */
class Decode extends Transform {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private offset = 0;
  constructor(
    private readonly encoding: Encoding,
    private readonly onBytes: (n: number) => void,
  ) {
    super({ readableObjectMode: false, decodeStrings: true });
    this.decoder = new TextDecoder(encoding === 'utf-8' ? 'utf-8' : 'windows-1252', { fatal: true });
  }
  // Node 20 decodes 'windows-1252' as Latin-1 (0x80–0x9F become C1 controls): map those bytes
  // to the curly quotes, dashes and € they are in Windows-1252. Harmless where Node is right.
  private text(s: string): string {
    return this.encoding === 'latin1' ? repairC1(s) : s;
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.onBytes(chunk.length);
    try {
      done(null, this.text(this.decoder.decode(chunk, { stream: true })));
    } catch {
      done(this.invalid());
    }
    this.offset += chunk.length;
  }
  override _flush(done: TransformCallback) {
    try {
      done(null, this.text(this.decoder.decode()));
    } catch {
      done(this.invalid());
    }
  }
  private invalid() {
    return new ImportFileError(
      `The file is not valid ${this.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'} text (near byte ${this.offset}). ` +
        'If it came from a spreadsheet saved as Latin-1 or Windows-1252, import it with --encoding latin1.',
    );
  }
}

/** Longest record accepted; a longer one is reported instead of filling memory (hostile files). */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** One parsed record: its data row number, the line it ends on, and its fields by header name. */
export interface CsvRecord {
  row: number;
  line: number;
  fields: Record<string, string>;
}

/**
 * Streams a CSV file's records by header name: BOM dropped, quotes and embedded newlines as
 * RFC 4180, empty lines skipped. A ragged row is reported (through `onError`) and skipped, not
 * fatal, so one import reports every bad row at once; an over-long record or broken quoting
 * stops the file.
 */
export async function* csvRecords(
  path: string,
  opts: { encoding: Encoding; onBytes?: (n: number) => void; onError: (e: RowError) => void },
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    columns: (header: string[]) => header.map((h) => h.trim()),
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
  });
  parser.on('skip', (err: CsvError & { lines?: number }) => {
    // An over-long record is not one bad row but a broken file: parsing on would report the
    // same megabytes again and again.
    if (err.code === 'CSV_MAX_RECORD_SIZE') parser.destroy(new ImportFileError(describe(err)));
    else opts.onError({ line: Number(err.lines ?? 0), column: '', message: describe(err) });
  });
  const source = fs.createReadStream(path).pipe(new Decode(opts.encoding, opts.onBytes ?? (() => {})));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  try {
    type Parsed = { record: Record<string, string>; info: { records: number; lines: number } };
    for await (const r of parser as AsyncIterable<Parsed>)
      yield { row: r.info.records, line: r.info.lines, fields: r.record };
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError(`The file cannot be read as CSV: ${describe(err as CsvError)}`);
  }
}

function describe(err: CsvError): string {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'this row has a different number of fields from the header (a stray comma or a missing quote?)';
    case 'CSV_MAX_RECORD_SIZE':
      return `a record is longer than ${MAX_RECORD_BYTES} bytes: not a real row (a missing closing quote?)`;
    default:
      return err.message.replace(/\s+/g, ' ').slice(0, 300);
  }
}

/** Largest JSON file read (it is parsed whole; police.uk API answers are one force's month). */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/**
 * Reads a JSON array of objects (an API response saved to a file), each flattened by `flatten`
 * into the same named fields a CSV row has, so one zod schema validates both. Records are
 * numbered from 1; a JSON file has no useful line numbers, so `line` is the record's position.
 */
export async function* jsonRecords(
  path: string,
  opts: {
    encoding: Encoding;
    onBytes?: (n: number) => void;
    onError: (e: RowError) => void;
    flatten: (o: Record<string, unknown>) => Record<string, string>;
  },
): AsyncGenerator<CsvRecord> {
  const size = (await fs.promises.stat(path)).size;
  if (size > MAX_JSON_BYTES)
    throw new ImportFileError(
      `The JSON file is larger than ${MAX_JSON_BYTES / 2 ** 20} MiB; split it by month.`,
    );
  const bytes = await fs.promises.readFile(path);
  opts.onBytes?.(bytes.length);
  let text: string;
  try {
    text = new TextDecoder(opts.encoding === 'utf-8' ? 'utf-8' : 'windows-1252', { fatal: true }).decode(
      bytes,
    );
  } catch {
    throw new ImportFileError(
      'The file is not valid UTF-8 text; with --encoding latin1 it is read as Windows-1252.',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportFileError(`The file is not valid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
  if (!Array.isArray(data)) throw new ImportFileError('The file is not a JSON array of records.');
  for (let i = 0; i < data.length; i++) {
    const el: unknown = data[i];
    if (el === null || typeof el !== 'object' || Array.isArray(el)) {
      opts.onError({ line: i + 1, column: '', message: 'this record is not a JSON object' });
      continue;
    }
    yield { row: i + 1, line: i + 1, fields: opts.flatten(el as Record<string, unknown>) };
  }
}
