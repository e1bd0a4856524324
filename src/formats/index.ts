import type { Redactor } from '../redactor.js';
import { FormatStream, type FormatName, type FormatOptions } from './base.js';
import { CsvFormatStream, type CsvFormatOptions } from './csv.js';
import { JsonFormatStream } from './json.js';
import { NdjsonFormatStream } from './ndjson.js';
import { TextFormatStream } from './text.js';

export { FormatStream, type FormatFinding, type FormatName, type FormatOptions, type FormatSummary } from './base.js';
export { formatFromExtension, sniffFormat, SNIFF_BYTES } from './detect-format.js';
export { CsvFormatStream, type CsvFormatOptions } from './csv.js';
export { JsonFormatStream } from './json.js';
export { NdjsonFormatStream } from './ndjson.js';
export { TextFormatStream } from './text.js';

export interface FormatDefinition {
  name: FormatName;
  description: string;
  extensions: readonly string[];
  /** A Node Transform: bytes in, redacted UTF-8 bytes out; 'finding' events; summary() at the end. */
  create(redactor: Redactor, options?: FormatOptions & CsvFormatOptions): FormatStream;
}

/** The formats by name (as eslint has its formatters by name). */
export const FORMATS: Readonly<Record<FormatName, FormatDefinition>> = Object.freeze({
  text: { name: 'text', description: 'plain text: one redaction stream over the whole input', extensions: ['.txt', '.log', '.text', '.md'], create: (r, o) => new TextFormatStream(r, o) },
  ndjson: { name: 'ndjson', description: 'one JSON record per line: values redacted, key hints applied, layout kept', extensions: ['.ndjson', '.jsonl'], create: (r, o) => new NdjsonFormatStream(r, o) },
  json: { name: 'json', description: 'one JSON document, streamed: values redacted, key hints applied, layout kept', extensions: ['.json'], create: (r, o) => new JsonFormatStream(r, o) },
  csv: { name: 'csv', description: 'CSV with a header row: cells redacted, header names as key hints, quoting kept', extensions: ['.csv'], create: (r, o) => new CsvFormatStream(r, o) },
});

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATS, name);
}

export function createFormatStream(name: FormatName, redactor: Redactor, options?: FormatOptions & CsvFormatOptions): FormatStream {
  return FORMATS[name].create(redactor, options);
}
