import fc from 'fast-check';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';

const redactor = createRedactor();
const ipFindings = (text: string) => redactor.detect(text).filter((f) => f.entity === 'IP_ADDRESS');

describe('IP addresses', () => {
  it('every IPv6 address with a decimal digit (full, compressed, with an IPv4 tail) is found whole (property)', () => {
    // Without a decimal digit ("::", "dead:beef::") a hex-and-colon word is not taken for an address.
    fc.assert(
      fc.property(fc.ipV6(), fc.constantFrom('login from ', 'host ', 'client address: '), (ip, lead) => {
        fc.pre(validator.isIP(ip, 6) && /[0-9]/.test(ip));
        const text = `${lead}${ip} was blocked`;
        const found = ipFindings(text);
        expect(found).toHaveLength(1);
        expect(text.slice(found[0]!.start, found[0]!.end)).toBe(ip);
      }),
      { numRuns: 1000, seed: 20261124 },
    );
  });

  it('clock times and timestamps are not IPv6 addresses', () => {
    for (const t of ['14:50:01', '[00:01:02] Agent: hello', '2025-09-26T14:50:01Z INFO', 'ETA 16:00 PT', 'ab:cd:ef', '1:2:3:4:5']) {
      expect(ipFindings(t), t).toEqual([]);
    }
  });
});
