import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createFormatStream, formatFromExtension, sniffFormat, type FormatName } from '../../src/formats/index.js';
import { CaregateError, createRedactor } from '../../src/index.js';
import { cut, runNode } from '../stream/support.js';

const redactor = createRedactor({ currentYear: 2026 });

async function verdict(format: FormatName, input: string | Buffer, options: { invalidUtf8?: 'replace' | 'error' } = {}): Promise<CaregateError> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  // Cut in 3-byte pieces so every error is met mid-stream, not in one whole buffer.
  const err = await runNode(createFormatStream(format, redactor, { source: 'in', ...options }), cut(bytes, [3])).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CaregateError);
  return err as CaregateError;
}

describe('malformed input: documented verdicts and clear messages', () => {
  it.each([
    ['{"a": 1,}', 'caregate: in is not valid JSON at line 1, column 9 (byte 8, inside /a): unexpected \'}\': expected a key (a string in double quotes)', 1, 9, 8],
    ['[1, 2\n, 3 4]', "caregate: in is not valid JSON at line 2, column 5 (byte 10, inside /2): unexpected digit: expected ',' or ']'", 2, 5, 10],
    ['{"note": "card 4111 1111 1111 1111', 'caregate: in is not valid JSON at line 1, column 35 (byte 34, inside /note): the document ends inside a string (unterminated string)', 1, 35, 34],
    ['{"a": [1, {"b": 2}', "caregate: in is not valid JSON at line 1, column 19 (byte 18, inside /a/1): the document ends early: 2 unclosed '[' (and outer containers)", 1, 19, 18],
    ['', 'caregate: in is not valid JSON at line 1, column 1 (byte 0): the document is empty: expected a JSON value', 1, 1, 0],
    ['{"é": tru}', 'caregate: in is not valid JSON at line 1, column 7 (byte 7, inside /é): unexpected word: expected a value (a string, number, object, array, true, false or null)', 1, 7, 7],
    ['{"a": 1}\n{"b": 2}\n', "caregate: in is not valid JSON at line 2, column 1 (byte 9): unexpected '{' after the end of the document (one JSON value per document; several values one per line are NDJSON: --format ndjson)", 2, 1, 9],
    ['["a\\qb"]', "caregate: in is not valid JSON at line 1, column 4 (byte 3, inside /0): invalid escape in a string: letter after '\\'", 1, 4, 3],
    ['[01]', 'caregate: in is not valid JSON at line 1, column 2 (byte 1, inside /0): invalid number', 1, 2, 1],
    ['["a\tb"]', "caregate: in is not valid JSON at line 1, column 4 (byte 3, inside /0): control character character U+0009 inside a string (escape it as \\u0009)", 1, 4, 3],
  ])('JSON %j → E_JSON', async (input, message, line, column, byte) => {
    const err = await verdict('json', input);
    expect(err.code).toBe('E_JSON');
    expect(err.message).toBe(message);
    expect(err.location).toMatchObject({ line, column, byte });
  });

  it('a JSON error message never carries the scanned value', async () => {
    const err = await verdict('json', '{"card": 4111 1111 1111 1111}');
    expect(err.message).not.toMatch(/4111|1111/);
  });

  it('NDJSON: a line that is not JSON → E_NDJSON naming the line and its byte offset; blank lines count as lines', async () => {
    const err = await verdict('ndjson', '{"a":1}\n\n{"cvv": 123,}\n{"b":2}\n');
    expect(err.code).toBe('E_NDJSON');
    expect(err.message).toBe("caregate: in line 3 is not a JSON record: unexpected '}': expected a key (a string in double quotes) (column 13, byte 21)");
    expect(err.location).toMatchObject({ line: 3, byte: 21 });
    const two = await verdict('ndjson', '{"a":1} {"b":2}\n');
    expect(two.message).toBe("caregate: in line 1 is not a JSON record: unexpected '{' after the end of the line (one JSON value per line) (column 9, byte 8)");
    const open = await verdict('ndjson', '{"a":1}\n{"b":"x');
    expect(open.message).toBe('caregate: in line 2 is not a JSON record: the line ends inside a string (unterminated string) (column 8, byte 15)');
  });

  it.each([
    ['id,cvv\n1,123,extra\n', 'caregate: in is not valid CSV at line 2: the record has 3 fields where the first record has 2', 2],
    ['id,notes\n1,"said "hi" there"\n', 'caregate: in is not valid CSV at line 2: a closing \'"\' is followed by something other than the delimiter or a line end (write "" for a quote inside a quoted field)', 2],
    ['id,notes\n1,"open\n2,x\n', 'caregate: in is not valid CSV at line 3: the input ends inside a quoted field (an opening \'"\' is never closed) (in the record that starts at line 2)', 3],
    ['id,notes\n1,a "b" c\n', 'caregate: in is not valid CSV at line 2: a \'"\' inside an unquoted field (quote the whole field and write the quote as "")', 2],
  ])('CSV %j → E_CSV', async (input, message, line) => {
    const err = await verdict('csv', input);
    expect(err.code).toBe('E_CSV');
    expect(err.message).toBe(message);
    expect(err.location.line).toBe(line);
  });

  it.each(['text', 'ndjson', 'json', 'csv'] as const)("invalid UTF-8 in %s under 'error' → E_UTF8 naming the byte; under 'replace' → U+FFFD", async (format) => {
    const before = { text: 'note ', ndjson: '{"a":"', json: '["', csv: 'h\n' }[format];
    const after = { text: ' end', ndjson: '"}\n', json: '"]', csv: '\n' }[format];
    const input = Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(after)]);
    // In one chunk: the byte named when an invalid sequence starts in an earlier chunk is the decoder's
    // (src/stream/utf8.ts) concern, tested in test/stream/streams.test.ts.
    const err = await runNode(createFormatStream(format, redactor, { source: 'in', invalidUtf8: 'error' }), [input]).then(
      () => undefined,
      (e: unknown) => e as CaregateError,
    );
    expect(err).toBeInstanceOf(CaregateError);
    if (!err) return;
    expect(err.code).toBe('E_UTF8');
    expect(err.message).toContain(`in is not valid UTF-8 at byte ${before.length}`);
    expect(err.location.byte).toBe(before.length);
    const out = await runNode(createFormatStream(format, redactor, { invalidUtf8: 'replace' }), [input]);
    expect(out.toString('utf8')).toContain('\ufffd(');
  });
});

describe('format detection', () => {
  it('by extension', () => {
    expect(formatFromExtension('a/b/notes.TXT')).toBe('text');
    expect(formatFromExtension('app.log')).toBe('text');
    expect(formatFromExtension('t.ndjson')).toBe('ndjson');
    expect(formatFromExtension('t.jsonl')).toBe('ndjson');
    expect(formatFromExtension('doc.json')).toBe('json');
    expect(formatFromExtension('c.csv')).toBe('csv');
    expect(formatFromExtension('README')).toBeUndefined();
  });

  it.each([
    ['{"a":1}\n{"a":2}\n', 'ndjson'],
    ['\ufeff  {"a":1}\r\n\r\n{"a":2}', 'ndjson'],
    ['{\n  "a": 1\n}\n', 'json'],
    ['[{"a":1},\n{"a":2}]', 'json'],
    ['{"a":1}\n', 'json'],
    ['id,name,email\n1,Maria,m@example.com\n2,"Lopez, Maria",x@example.com\n', 'csv'],
    ['Hello, world\nThe customer called, upset\n', 'text'],
    ['Customer asked about the refund. Then, later, called again.\nOk, fine, thanks.\n', 'text'],
    ['just some text\n', 'text'],
    ['', 'text'],
  ] as const)('sniffs %j as %s', (input, want) => {
    expect(sniffFormat(Buffer.from(input, 'utf8'))).toBe(want);
  });
});

describe('memory stays bounded: output leaves while input arrives', () => {
  // Feeds a generated stream and records, at each input chunk, how far the output lags behind the input.
  async function maxLag(format: FormatName, parts: Generator<string>): Promise<{ lag: number; inBytes: number; outBytes: number }> {
    let inBytes = 0;
    let outBytes = 0;
    let lag = 0;
    const source = Readable.from(
      (function* () {
        for (const p of parts) {
          const b = Buffer.from(p, 'utf8');
          inBytes += b.length;
          lag = Math.max(lag, inBytes - outBytes);
          yield b;
        }
      })(),
    );
    await pipeline(
      source,
      createFormatStream(format, redactor),
      new Writable({
        write(chunk: Buffer, _e, cb) {
          outBytes += chunk.length;
          cb();
        },
      }),
    );
    return { lag, inBytes, outBytes };
  }

  const row = (i: number) => `{"id":${i},"note":"order ${100000 + i} shipped, thanks","cvv":"${i % 1000}","tags":["a","b"]}`;

  it('a 20 MB top-level JSON array goes through element by element', async () => {
    const n = 250_000;
    const r = await maxLag(
      'json',
      (function* () {
        yield '[\n';
        let batch = '';
        for (let i = 0; i < n; i++) {
          batch += (i ? ',\n' : '') + row(i);
          if (batch.length > 16_384) {
            yield batch;
            batch = '';
          }
        }
        yield batch + '\n]\n';
      })(),
    );
    expect(r.inBytes).toBeGreaterThan(20_000_000);
    // Node's stream buffers (64 KiB each side) plus one chunk: nowhere near the document.
    expect(r.lag).toBeLessThan(600_000);
  }, 60_000);

  it('NDJSON and CSV hold a line at a time; text holds the session bound', async () => {
    const nd = await maxLag(
      'ndjson',
      (function* () {
        for (let i = 0; i < 40_000; i++) yield row(i) + '\n';
      })(),
    );
    expect(nd.lag).toBeLessThan(600_000);
    const csv = await maxLag(
      'csv',
      (function* () {
        yield 'id,note,cvv\n';
        for (let i = 0; i < 40_000; i++) yield `${i},"order ${i}, shipped",${i % 1000}\n`;
      })(),
    );
    expect(csv.lag).toBeLessThan(600_000);
    const text = await maxLag(
      'text',
      (function* () {
        for (let i = 0; i < 40_000; i++) yield `line ${i}: the customer called about order ${100000 + i}\n`;
      })(),
    );
    expect(text.lag).toBeLessThan(600_000);
  }, 60_000);
});
