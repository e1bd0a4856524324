import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaregateError } from '../../src/errors.js';
import { createFormatStream, type FormatName } from '../../src/formats/index.js';
import { DEFAULT_MAX_VALUE_BYTES } from '../../src/formats/json-redactor.js';
import { createRedactor } from '../../src/redactor.js';

const redactor = createRedactor({ currentYear: 2026 });

/** Feeds `input` in pieces of `chunk` characters through redactChunk/redactEnd (what the stream does). */
function run(format: FormatName, input: string, chunk: number, maxValueBytes?: number): { out: string; error?: CaregateError } {
  const stream = createFormatStream(format, redactor, { source: 'input.x', ...(maxValueBytes === undefined ? {} : { maxValueBytes }) });
  let out = '';
  try {
    for (let i = 0; i < input.length; i += chunk) out += stream.redactChunk(Buffer.from(input.slice(i, i + chunk), 'utf8'));
    out += stream.redactEnd();
  } catch (err) {
    if (!(err instanceof CaregateError)) throw err;
    return { out, error: err };
  }
  return { out, error: undefined };
}

const limit = fc.integer({ min: 64, max: 4096 });
const chunk = fc.integer({ min: 1, max: 5000 });
const filler = fc.constantFrom('a', 'é', '日', 'z ');

describe('a bound on single values (issue 15 item 11): maxValueBytes', () => {
  it('JSON: a string or member name over the bound fails with E_JSON naming line, byte and pointer; at the bound it passes', () => {
    fc.assert(
      fc.property(limit, chunk, filler, fc.boolean(), fc.boolean(), (max, size, unit, over, inKey) => {
        const bytes = Buffer.byteLength(unit, 'utf8');
        const count = Math.floor(max / bytes) + (over ? 1 : 0);
        const big = unit.repeat(count).slice(0, count * unit.length);
        const doc = inKey ? `{"records": [{"ok": 1},\n {${JSON.stringify(big)}: 1}]}` : `{"records": [{"ok": 1},\n {"body": ${JSON.stringify(big)}}]}`;
        const valueBytes = Buffer.byteLength(JSON.stringify(big), 'utf8');
        const r = run('json', doc, size, max);
        if (valueBytes > max) {
          expect(r.error?.code).toBe('E_JSON');
          expect(r.error!.message).toMatch(new RegExp(`larger than the limit of ${max} bytes \\(maxValueBytes\\) at line 2, column \\d+ \\(byte \\d+, inside /records/1`));
          expect(r.error!.location.line).toBe(2);
          expect(r.error!.location.pointer).toMatch(/^\/records\/1/);
        } else {
          expect(r.error).toBeUndefined();
          expect(JSON.parse(r.out)).toEqual(JSON.parse(doc));
        }
      }),
      { numRuns: 120 },
    );
  });

  it('NDJSON: a line over the bound fails with E_NDJSON naming the line and its first byte, whatever the chunking', () => {
    fc.assert(
      fc.property(limit, chunk, fc.integer({ min: 0, max: 3 }), (max, size, before) => {
        const small = '{"ok": true}\n'.repeat(before);
        const line = JSON.stringify({ body: 'x'.repeat(max) });
        const r = run('ndjson', `${small}${line}\n{"after": 1}\n`, size, max);
        expect(r.error?.code).toBe('E_NDJSON');
        expect(r.error!.message).toContain(`line ${before + 1} (starting at byte ${small.length}) is larger than the limit of ${max} bytes (maxValueBytes)`);
        expect(r.error!.location).toMatchObject({ line: before + 1, byte: small.length });
      }),
      { numRuns: 80 },
    );
  });

  it('CSV: a record over the bound fails with E_CSV naming its line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 2048 }), chunk, (max, size) => {
        const r = run('csv', `a,b\n1,2\nx,"${'y'.repeat(max + 1)}"\n`, size, max);
        expect(r.error?.code).toBe('E_CSV');
        expect(r.error!.message).toMatch(new RegExp(`at line 3: a record larger than the limit of ${max} bytes \\(maxValueBytes\\)`));
      }),
      { numRuns: 30 },
    );
  });

  it('numbers longer than 4,096 characters and runs of letters that cannot be a literal fail at once', () => {
    fc.assert(
      fc.property(chunk, (size) => {
        const n = run('json', `{"n": 1${'0'.repeat(5000)}}`, size);
        expect(n.error?.code).toBe('E_JSON');
        expect(n.error!.message).toMatch(/a number larger than the limit of 4096 bytes/);
        const w = run('json', `{"w": ${'t'.repeat(100_000)}}`, size);
        expect(w.error?.code).toBe('E_JSON');
        expect(w.error!.message).toMatch(/unexpected word/);
      }),
      { numRuns: 10 },
    );
  });

  it('the default bound is 16 MiB: a 17 MB string is refused, a 1 MB one is not', () => {
    expect(DEFAULT_MAX_VALUE_BYTES).toBe(16 * 1024 * 1024);
    const refused = run('json', `["${'a'.repeat(17_000_000)}"]`, 65536);
    expect(refused.error?.code).toBe('E_JSON');
    expect(refused.error!.location.pointer).toBe('/0');
    const line = run('ndjson', `{"a": "${'a'.repeat(17_000_000)}"}\n`, 65536);
    expect(line.error?.code).toBe('E_NDJSON');
    expect(run('json', `["${'a'.repeat(1_000_000)}"]`, 65536).error).toBeUndefined();
  });
});
