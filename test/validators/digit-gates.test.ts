import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_VALIDATORS } from '../../src/validators/registry.js';
import { digitGatesOf } from '../../src/validators/digit-gates.js';
import type { ValidatorOptions } from '../../src/validators/types.js';

const options: ValidatorOptions = { defaultRegion: 'US', currentYear: 2026 };

/** A window as the digit pass holds it: groups of ASCII digits in a text, their ranges in typed arrays. */
const windows = fc.record({
  lead: fc.constantFrom('', ' ', 'x', '('),
  groups: fc.array(fc.oneof(fc.stringMatching(/^[0-9]{1,5}$/), fc.stringMatching(/^0{1,2}[0-9]{1,4}$/), fc.stringMatching(/^(?:25[0-9]|1[0-9]{2}|[0-9]{1,2})$/)), { minLength: 1, maxLength: 6 }),
  joiner: fc.constantFrom('.', '-', ' ', ' - '),
  tail: fc.constantFrom('', ' ', '.'),
});

function layout(w: { lead: string; groups: string[]; joiner: string; tail: string }) {
  const starts = new Int32Array(8);
  const ends = new Int32Array(8);
  let text = w.lead;
  w.groups.forEach((g, k) => {
    if (k > 0) text += w.joiner;
    starts[k] = text.length;
    text += g;
    ends[k] = text.length;
  });
  const written = text.slice(starts[0], ends[w.groups.length - 1]);
  return { text: text + w.tail, starts, ends, written, digits: w.groups.join('') };
}

/** Validators whose gate is their whole answer (ipv4's also needs four dotted groups; phone-prefix-00's the library). */
const EXACT = new Set(['luhn', 'ssn-area', 'itin-range', 'aba-checksum', 'card-mii']);

describe('digit gates', () => {
  for (const name of ['luhn', 'phone-prefix-00', 'ssn-area', 'itin-range', 'aba-checksum', 'card-mii', 'ipv4']) {
    const fn = BUILTIN_VALIDATORS[name]!;
    const gate = digitGatesOf([{ fn }])![0]!;
    it(`${name}: a window its gate refuses, the validator refuses${EXACT.has(name) ? ' (and only those)' : ''}`, () => {
      fc.assert(fc.property(windows, (w) => {
        const { text, starts, ends, written, digits } = layout(w);
        const open = gate(text, starts, ends, 0, w.groups.length - 1, digits.length);
        const verdict = fn({ text: written, digits, options });
        if (!open) expect(verdict).toBe(false);
        if (EXACT.has(name)) expect(open).toBe(verdict !== false);
      }), { numRuns: 5_000 });
    });
  }

  it('nine-digit and 00-prefixed windows reach both sides of the gates', () => {
    const gate = (name: string) => digitGatesOf([{ fn: BUILTIN_VALIDATORS[name]! }])![0]!;
    const at = (s: string) => layout({ lead: '', groups: s.split('-'), joiner: '-', tail: '' });
    const run = (name: string, s: string) => {
      const { text, starts, ends, digits } = at(s);
      return gate(name)(text, starts, ends, 0, s.split('-').length - 1, digits.length);
    };
    expect(run('ssn-area', '123-45-6789')).toBe(true);
    expect(run('ssn-area', '666-45-6789')).toBe(false);
    expect(run('aba-checksum', '011000015')).toBe(true);
    expect(run('phone-prefix-00', '0044-20-7946-0958')).toBe(true);
    expect(run('phone-prefix-00', '011-44-20-7946-0958')).toBe(true);
    expect(run('phone-prefix-00', '0104-20-7946-0958')).toBe(false);
    expect(run('ipv4', '192.168.1.300'.replaceAll('.', '-'))).toBe(false);
  });

  it('a validator replaced by name keeps no gate', () => {
    expect(digitGatesOf([{ fn: () => undefined }])).toBeNull();
  });
});
