import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import type { Finding } from '../../src/index.js';
import { careTextArb, chunkSizesArb, cut, runNode, runWeb, PII_FRAGMENTS } from './support.js';

const redactor = createRedactor({ currentYear: 2026 });
const RUNS = { seed: 42, numRuns: 150 };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function expected(text: string) {
  const r = redactor.redact(text);
  return { bytes: Buffer.from(r.text, 'utf8'), text: r.text, findings: r.findings };
}

describe('streams give exactly redact(whole) for any chunking (fast-check)', () => {
  it('the generator embeds every PII fragment somewhere across the runs, and the engine finds them', () => {
    // A guard on the test itself: the fragments are real findings, so equivalence is not vacuous.
    const found = PII_FRAGMENTS.filter((p) => redactor.redact(`note ${p} end`).findings.length > 0);
    expect(found.length).toBeGreaterThanOrEqual(PII_FRAGMENTS.length - 3);
  });

  it('Node stream, bytes in (cuts inside multi-byte characters and PII values, optional BOM): same bytes, same findings', async () => {
    await fc.assert(
      fc.asyncProperty(careTextArb, chunkSizesArb, fc.boolean(), async (text, sizes, bom) => {
        const want = expected(text);
        const input = bom ? Buffer.concat([BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
        const findings: Finding[] = [];
        const stream = redactor.createStream();
        stream.on('finding', (f: Finding) => findings.push(f));
        const out = await runNode(stream, cut(input, sizes));
        expect(out.equals(want.bytes)).toBe(true);
        expect(findings).toEqual(want.findings);
      }),
      RUNS,
    );
  });

  it('Node stream, strings in (cuts inside surrogate pairs too): same text, same findings', async () => {
    await fc.assert(
      fc.asyncProperty(careTextArb, chunkSizesArb, async (text, sizes) => {
        const want = expected(text);
        const findings: Finding[] = [];
        const stream = redactor.createStream();
        stream.on('finding', (f: Finding) => findings.push(f));
        const out = await runNode(stream, cut(text, sizes));
        expect(out.toString('utf8')).toBe(want.text);
        expect(findings).toEqual(want.findings);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('Web stream, bytes in: same bytes, same findings through onFinding', async () => {
    await fc.assert(
      fc.asyncProperty(careTextArb, chunkSizesArb, fc.boolean(), async (text, sizes, bom) => {
        const want = expected(text);
        const input = bom ? Buffer.concat([BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
        const findings: Finding[] = [];
        const stream = redactor.createWebStream({ onFinding: (f) => findings.push(f) });
        const out = await runWeb(stream, cut(new Uint8Array(input), sizes));
        expect(out.equals(want.bytes)).toBe(true);
        expect(findings).toEqual(want.findings);
        expect(stream.findingCount).toBe(want.findings.length);
      }),
      RUNS,
    );
  });

  it('Web stream, strings in: strings out, same text', async () => {
    await fc.assert(
      fc.asyncProperty(careTextArb, chunkSizesArb, async (text, sizes) => {
        const want = expected(text);
        const stream = redactor.createWebStream();
        let sawBytes = false;
        const spy = new TransformStream<string | Uint8Array, string | Uint8Array>({
          transform(chunk, c) {
            if (typeof chunk !== 'string') sawBytes = true;
            c.enqueue(chunk);
          },
        });
        const out = await runWeb({ writable: stream.writable, readable: stream.readable.pipeThrough(spy) } as TransformStream<string | Uint8Array, string | Uint8Array>, cut(text, sizes));
        expect(sawBytes).toBe(false);
        expect(out.toString('utf8')).toBe(want.text);
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it("invalid UTF-8 under 'replace': any chunking gives redact() of the one-shot decoded text", async () => {
    const junk = fc.constantFrom(
      [0xff],
      [0xc0, 0xaf],
      [0xe2, 0x82],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x80],
      [0xf0, 0x9f, 0x99],
    );
    await fc.assert(
      fc.asyncProperty(careTextArb, fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 6 }), chunkSizesArb, async (text, inserts, sizes) => {
        let bytes = Buffer.from(text, 'utf8');
        for (const [at, seq] of inserts) {
          const k = at % (bytes.length + 1);
          bytes = Buffer.concat([bytes.subarray(0, k), Buffer.from(seq), bytes.subarray(k)]);
        }
        const decoded = new TextDecoder('utf-8').decode(bytes);
        const want = expected(decoded);
        const nodeOut = await runNode(redactor.createStream({ invalidUtf8: 'replace' }), cut(bytes, sizes));
        expect(nodeOut.equals(want.bytes)).toBe(true);
        const webOut = await runWeb(redactor.createWebStream({ invalidUtf8: 'replace' }), cut(new Uint8Array(bytes), sizes));
        expect(webOut.equals(want.bytes)).toBe(true);
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});
