import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvFormatStream, JsonFormatStream, NdjsonFormatStream, TextFormatStream, type FormatFinding } from '../../src/formats/index.js';
import { createRedactor } from '../../src/index.js';
import { careTextArb, chunkSizesArb, cut, FILLER_FRAGMENTS, PII_FRAGMENTS, runNode } from '../stream/support.js';

const redactor = createRedactor({ currentYear: 2026 });
const RUNS = { seed: 42, numRuns: 100 };

const text = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...PII_FRAGMENTS) },
  { weight: 2, arbitrary: fc.constantFrom(...FILLER_FRAGMENTS) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...PII_FRAGMENTS, ...FILLER_FRAGMENTS, ', ', '"', '\\', '\n', '\t', '\u2028', '\u0001', '/'), { maxLength: 6 }).map((xs) => xs.join(' ')) },
);
const key = fc.constantFrom('note', 'description', 'cvv', 'card_number', 'Card-Number', 'ssn', 'password', 'email', 'items', 'a/b', 'x~y', 'ünï', 'jane.doe@example.com');
const number = fc.oneof(
  fc.constantFrom(4111111111111111, 5555555555554444, 378282246310005, 5362219471, 123, 0, -7),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const leaf = fc.oneof({ weight: 4, arbitrary: text }, { weight: 2, arbitrary: number }, { weight: 1, arbitrary: fc.constantFrom(true, false, null) });
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
  ),
}));
const record = fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 });

type Collected = { out: Buffer; findings: FormatFinding[] };
async function run(stream: TextFormatStream | JsonFormatStream | NdjsonFormatStream | CsvFormatStream, chunks: Uint8Array[]): Promise<Collected> {
  const findings: FormatFinding[] = [];
  stream.on('finding', (f: FormatFinding) => findings.push(f));
  const out = await runNode(stream, chunks);
  return { out, findings };
}

describe('formats give the same result for any chunking (fast-check)', () => {
  it('text: exactly redact(whole), findings with stream offsets', async () => {
    await fc.assert(
      fc.asyncProperty(careTextArb, chunkSizesArb, async (t, sizes) => {
        const want = redactor.redact(t);
        const got = await run(new TextFormatStream(redactor), cut(Buffer.from(t, 'utf8'), sizes));
        expect(got.out.toString('utf8')).toBe(want.text);
        expect(got.findings).toEqual(want.findings);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('NDJSON: record by record, each line is JSON.stringify(redactValue(record)) with its findings; blank lines and CRLF kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(record, fc.constantFrom('\n', '\r\n', '\n\n', '\n \n')), { minLength: 1, maxLength: 8 }), fc.boolean(), chunkSizesArb, async (lines, lastEol, sizes) => {
        let input = '';
        let expected = '';
        const wantFindings: FormatFinding[] = [];
        let lineNo = 0;
        lines.forEach(([rec, eol], k) => {
          const line = JSON.stringify(rec);
          const r = redactor.redactValue(rec);
          lineNo++;
          for (const f of r.findings) wantFindings.push({ ...f, line: lineNo });
          const end = k === lines.length - 1 && !lastEol ? '' : eol;
          lineNo += (end.match(/\n/g) ?? []).length - (end ? 1 : 0);
          input += line + end;
          expected += JSON.stringify(r.value) + end;
        });
        const got = await run(new NdjsonFormatStream(redactor), cut(Buffer.from(input, 'utf8'), sizes));
        expect(got.out.toString('utf8')).toBe(expected);
        expect(got.findings).toEqual(wantFindings);
      }),
      RUNS,
    );
  });

  it('JSON document (indented, any nesting): the layout is kept and the values are redactValue(document)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(record, { maxLength: 6 }), record, tree), fc.constantFrom(0, 2, '\t'), chunkSizesArb, async (doc, indent, sizes) => {
        const input = JSON.stringify(doc, null, indent) ?? 'null';
        const r = redactor.redactValue(doc);
        const got = await run(new JsonFormatStream(redactor), cut(Buffer.from(input, 'utf8'), sizes));
        expect(got.out.toString('utf8')).toBe(JSON.stringify(r.value, null, indent) ?? 'null');
        expect(got.findings).toEqual(r.findings);
      }),
      RUNS,
    );
  });

  it('JSON and NDJSON: member names that become equal once masked are numbered as redactValue numbers them, so no member is lost', async () => {
    // Names holding generated e-mail addresses (distinct in the input, equal once masked), and names written
    // as a masked-and-numbered name already is, after the masked ones.
    const local = fc.stringMatching(/^[a-z][a-z0-9]{1,8}$/);
    const pii = fc.tuple(fc.constantFrom('mail ', 'contact: ', ''), local, fc.constantFrom('example.com', 'example.org')).map(([cue, l, d]) => `${cue}${l}@${d}`);
    const names = fc.uniqueArray(pii, { minLength: 2, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(names, fc.constantFrom('mail [EMAIL] (2)', '[EMAIL]', 'note'), fc.array(fc.integer(), { minLength: 7, maxLength: 7 }), chunkSizesArb, async (keys, literal, values, sizes) => {
        const doc: Record<string, unknown> = {};
        keys.forEach((k, i) => (doc[k] = values[i]));
        doc[literal] = values[6];
        const want = redactor.redactValue(doc).value as Record<string, unknown>;
        expect(Object.keys(want)).toHaveLength(keys.length + 1);
        for (const [stream, input] of [
          [new JsonFormatStream(redactor), JSON.stringify(doc, null, 2)],
          [new NdjsonFormatStream(redactor), `${JSON.stringify(doc)}\n`],
        ] as const) {
          const got = await run(stream, cut(Buffer.from(input, 'utf8'), sizes));
          const text = got.out.toString('utf8');
          for (const k of keys) expect(text).not.toContain(k.slice(k.indexOf('@') - 2));
          // JSON.parse keeps the last of duplicate names: equal member lists mean none was dropped.
          expect(Object.entries(JSON.parse(text) as object)).toEqual(Object.entries(want));
        }
      }),
      RUNS,
    );
  });

  const cellText = fc.oneof(text, fc.constantFrom('', 'a,b', 'say "hi"', 'two\nlines', 'x'));
  const header = fc.uniqueArray(fc.constantFrom('id', 'notes', 'email', 'cvv', 'card_number', 'SSN', 'Password', 'comment'), { minLength: 1, maxLength: 5 });

  it('CSV: record by record, cells redacted as redactValue does under the header as key; quoting and line ends kept', async () => {
    await fc.assert(
      fc.asyncProperty(
        header.chain((h) => fc.tuple(fc.constant(h), fc.array(fc.array(fc.tuple(cellText, fc.boolean()), { minLength: h.length, maxLength: h.length }), { minLength: 1, maxLength: 6 }))),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        chunkSizesArb,
        async ([head, rows], eol, finalEol, sizes) => {
          const needs = (v: string) => /[",\r\n]/.test(v);
          const field = (v: string, q: boolean) => (q || needs(v) ? `"${v.replace(/"/g, '""')}"` : v);
          const lines = [head.join(','), ...rows.map((row) => row.map(([v, q]) => field(v, q)).join(','))];
          const input = lines.join(eol) + (finalEol ? eol : '');
          // Rows made only of one empty cell are blank lines, which CSV readers skip.
          const kept = rows.filter((row) => !(row.length === 1 && row[0]![0] === '' && !row[0]![1]));

          const whole = await run(new CsvFormatStream(redactor), [Buffer.from(input, 'utf8')]);
          const got = await run(new CsvFormatStream(redactor), cut(Buffer.from(input, 'utf8'), sizes));
          expect(got.out.equals(whole.out)).toBe(true);
          expect(got.findings).toEqual(whole.findings);

          const out = got.out.toString('utf8');
          expect(out.endsWith(eol)).toBe(input.endsWith('\n'));
          const parsed = parseCsv(out, { cast: (v: string, ctx: { quoting: boolean }) => ({ v, q: ctx.quoting }) }) as unknown as { v: string; q: boolean }[][];
          expect(parsed.length).toBe(kept.length + 1);
          expect(parsed[0]!.map((c) => c.v)).toEqual(head.map((h) => redactor.redact(h).text));
          kept.forEach((row, r) => {
            row.forEach(([v, q], c) => {
              const want = (redactor.redactValue({ [head[c]!]: v }).value as Record<string, string>)[head[c]!];
              const cell = parsed[r + 1]![c]!;
              expect(cell.v).toBe(want);
              // Quoted in the input → quoted in the output; unquoted stays unquoted unless it now needs quotes.
              expect(cell.q).toBe(q || needs(v) || needs(want!));
            });
          });
        },
      ),
      RUNS,
    );
  });
});

describe('the synchronous side (redactChunk, redactEnd) gives what the stream gives (fast-check)', () => {
  const makers = {
    text: () => new TextFormatStream(redactor),
    ndjson: () => new NdjsonFormatStream(redactor),
    json: () => new JsonFormatStream(redactor),
    csv: () => new CsvFormatStream(redactor),
  };
  // Inputs for every format; text with split multi-byte characters (the chunking cuts inside them).
  const inputArb = fc.oneof(
    fc.tuple(fc.constant('text' as const), careTextArb.map((t) => `${t} é€𝄞`)),
    fc.tuple(fc.constant('ndjson' as const), fc.array(record, { minLength: 1, maxLength: 5 }).map((rs) => rs.map((r) => JSON.stringify(r)).join('\n'))),
    fc.tuple(fc.constant('json' as const), tree.map((d) => JSON.stringify(d, null, 2) ?? 'null')),
    fc.tuple(fc.constant('csv' as const), fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }).map((rows) => ['notes,email', ...rows.map(([a, b]) => `"${a.replace(/"/g, '""')}","${b.replace(/"/g, '""')}"`)].join('\n'))),
  );

  it('same bytes and findings for any chunking, and the same summary', async () => {
    await fc.assert(
      fc.asyncProperty(inputArb, chunkSizesArb, async ([format, input], sizes) => {
        const chunks = cut(Buffer.from(input, 'utf8'), sizes);
        const streamed = makers[format]();
        const want = await run(streamed, chunks);
        const sync = makers[format]();
        const findings: FormatFinding[] = [];
        sync.on('finding', (f: FormatFinding) => findings.push(f));
        // One reused buffer, as the bulk worker reads: the format must not keep a view of it.
        const buf = Buffer.alloc(Math.max(1, ...chunks.map((c) => c.length)));
        let out = '';
        for (const c of chunks) {
          buf.set(c);
          out += sync.redactChunk(buf.subarray(0, c.length));
          buf.fill(0x78);
        }
        out += sync.redactEnd();
        expect(Buffer.from(out, 'utf8').equals(want.out)).toBe(true);
        expect(findings).toEqual(want.findings);
        expect(sync.summary()).toEqual(streamed.summary());
      }),
      RUNS,
    );
  });

  it('a cut-short input fails in redactEnd as the stream does', () => {
    const sync = makers.json();
    sync.redactChunk(Buffer.from('{"a": [1, 2', 'utf8'));
    expect(() => sync.redactEnd()).toThrow(/JSON/);
    const bytes = makers.text();
    bytes.redactChunk(Buffer.from([0x61, 0xe2, 0x82]));
    expect(() => bytes.redactEnd()).not.toThrow(); // 'replace' policy: U+FFFD
    const strict = new TextFormatStream(redactor, { invalidUtf8: 'error' });
    strict.redactChunk(Buffer.from([0x61, 0xe2, 0x82]));
    expect(() => strict.redactEnd()).toThrow(/middle of a UTF-8 character/);
  });
});
