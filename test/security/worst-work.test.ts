import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, createRedactStream } from '../../src/index.js';
import type { Validator } from '../../src/validators/types.js';
import { chunkSizesArb, cut, runNode } from '../stream/support.js';

// Issue 15 item 11: adversarial text must cost bounded work per character. Timings live in
// benchmarks/worst-cases.ts; here the work is counted (validator calls) and the shortcuts taken for
// speed are checked to decide exactly what the full walk decides, whole and streamed.

/** A pack whose IPv6 rule counts the windows that reach its validator. */
function countingIpv6() {
  const seen = { calls: 0 };
  const count: Validator = (input) => {
    seen.calls++;
    return /^[0-9a-f:.]{2,45}$/i.test(input.text) && input.text.includes('::');
  };
  const pack = {
    pack: 'counting', version: '1.0.0', description: 'counts IPv6 windows',
    rules: [{
      id: 'ipv6-counted', entity: 'IP_ADDRESS', description: 'IPv6, counted', regulations: [],
      detector: { builtin: 'ipv6' }, validators: ['count-ipv6'], confidence: 0.9, mask: 'label',
      examples: { positive: [{ text: 'at 2001:db8::1', match: '2001:db8::1' }], negative: ['12:30'] },
    }],
  };
  const redactor = createRedactor({ packs: [], extraPacks: [pack], validators: { 'count-ipv6': count } });
  return { redactor, seen };
}

describe('colon runs: work per colon is bounded', () => {
  it("'1:' × 50,000 reaches the validator a bounded number of times, not once per colon", () => {
    const { redactor, seen } = countingIpv6();
    redactor.redact('1:'.repeat(50_000));
    // Every window cut from the run is 45+ characters of colons and digits: no IPv6 address is that long.
    expect(seen.calls).toBeLessThan(10);
  });

  it("a run of 'a:1:' × 25,000 costs the same few validator calls, however long", () => {
    const short = countingIpv6();
    short.redactor.redact('a:1:'.repeat(2_500));
    const long = countingIpv6();
    long.redactor.redact('a:1:'.repeat(25_000));
    expect(long.seen.calls).toBe(short.seen.calls);
  });

  it('an address beside or after long colon runs is still found, whole and streamed in any chunks', async () => {
    const r = createRedactor();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('1:', ':', 'a:1:', 'ff:', '::'),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(' ', '\n', ' at '),
        chunkSizesArb,
        async (unit, times, sep, sizes) => {
          const text = `${unit.repeat(times)}${sep}2001:db8::8a2e:370:7334${sep}${unit.repeat(times)}`;
          const whole = r.redact(text).text;
          expect(whole).not.toContain('2001:db8::8a2e:370:7334');
          const streamed = (await runNode(createRedactStream(r), cut(text, sizes))).toString('utf8');
          expect(streamed).toBe(whole);
        },
      ),
      { seed: 11511, numRuns: 40 },
    );
  });
});

describe('repeated words and joined digit groups decide as before', () => {
  it('"double" before a digit still reads two digits after a run of repeat words', () => {
    const r = createRedactor();
    const spokenCard = 'four one one one, one one one one, one one one one, one one one one';
    const text = `${'double '.repeat(5_000)}card number ${spokenCard} thanks`;
    const out = r.redact(text).text;
    expect(out).not.toContain(spokenCard);
    expect(r.redact('my cvv is double five one').findings.map((f) => f.entity)).toContain('CARD_CVV');
  });

  it('joined digit runs of one shape, whole and streamed, give the same output (property)', async () => {
    const r = createRedactor();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('1-', '1.', '1 ', '12-', '1234 ', '1/'),
        fc.integer({ min: 1, max: 600 }),
        chunkSizesArb,
        async (unit, times, sizes) => {
          const text = `call ${unit.repeat(times)} card 4111 1111 1111 1111 then ${unit.repeat(times)}`;
          const whole = r.redact(text).text;
          expect(whole).not.toContain('4111 1111 1111 1111');
          const streamed = (await runNode(createRedactStream(r), cut(text, sizes))).toString('utf8');
          expect(streamed).toBe(whole);
        },
      ),
      { seed: 11512, numRuns: 40 },
    );
  });
});
