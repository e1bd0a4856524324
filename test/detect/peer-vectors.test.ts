import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { oneShot, streamed } from './support.js';

/**
 * A peer project's recognizer test vectors (issue 16): the positive cases of Microsoft Presidio's
 * recognizer tests (presidio-analyzer/tests/test_{email,credit_card,us_ssn,iban,ip}_recognizer.py, MIT)
 * for the entities caregate finds with no cue: e-mail, card, SSN in its 3-2-4 forms, IBAN, IP. Each
 * vector lists the values it holds; every one must be gone from the output, under a finding of its
 * entity, in one-shot and streamed output alike. All 26, in one place.
 */
interface Vector {
  text: string;
  entity: string;
  values: string[];
}

const V = (entity: string, text: string, ...values: string[]): Vector => ({ entity, text, values: values.length ? values : [text] });

const VECTORS: readonly Vector[] = [
  V('EMAIL', 'info@presidio.site'),
  V('EMAIL', 'my email address is info@presidio.site', 'info@presidio.site'),
  V('EMAIL', 'try one of these emails: info@presidio.site or anotherinfo@presidio.site', 'info@presidio.site', 'anotherinfo@presidio.site'),
  V('CREDIT_CARD', '4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881', '4012888888881881', '4012-8888-8888-1881', '4012 8888 8888 1881'),
  V('CREDIT_CARD', '122000000000003'),
  V('CREDIT_CARD', 'my credit card: 122000000000003', '122000000000003'),
  V('CREDIT_CARD', '371449635398431'),
  V('CREDIT_CARD', '5555555555554444'),
  V('CREDIT_CARD', '5019717010103742'),
  V('CREDIT_CARD', '30569309025904'),
  V('CREDIT_CARD', '6011000400000000'),
  V('CREDIT_CARD', '3528000700000000'),
  V('CREDIT_CARD', '6759649826438453'),
  V('CREDIT_CARD', '4111111111111111'),
  V('CREDIT_CARD', '4917300800000000'),
  V('CREDIT_CARD', '4484070000000000'),
  V('US_SSN', '078-05-1123'),
  V('US_SSN', '078.05.1123'),
  V('US_SSN', '078 05 1123'),
  V('US_SSN', 'abc 078 05 1123 abc', '078 05 1123'),
  V('IBAN', 'AL47212110090000000235698741'),
  V('IBAN', 'AL47 2121 1009 0000 0002 3569 8741'),
  V('IBAN', 'Dash as iban separator: AL47-2121-1009-0000-0002-3569-8741', 'AL47-2121-1009-0000-0002-3569-8741'),
  V('IBAN', 'list of ibans: AL47212110090000000235698741, AL47212110090000000235698741', 'AL47212110090000000235698741'),
  V('IP_ADDRESS', 'microsoft.com 192.168.0.1', '192.168.0.1'),
  V('IP_ADDRESS', 'my ip: 684D:1111:222:3333:4444:5555:6:77', '684D:1111:222:3333:4444:5555:6:77'),
];

/** What a mask may keep of a value: the last four characters of a card or IBAN, nothing more. */
const leaks = (out: string, value: string) => out.includes(value) || (value.length > 8 && out.includes(value.slice(0, -4)));

describe("a peer's recognizer test vectors (Presidio, issue 16)", () => {
  const redactor = createRedactor({ currentYear: 2026 });

  it('holds all 26', () => {
    expect(VECTORS).toHaveLength(26);
  });

  it.each(VECTORS.map((v) => [v.text, v] as const))('masks %j', (_, v) => {
    const res = redactor.redact(v.text);
    for (const value of v.values) {
      expect(leaks(res.text, value), `${value} left in ${res.text}`).toBe(false);
      let at = v.text.indexOf(value);
      while (at >= 0) {
        const start = at;
        expect(res.findings.some((f) => f.entity === v.entity && f.start <= start && f.end >= start + value.length)).toBe(true);
        at = v.text.indexOf(value, at + 1);
      }
    }
    const cuts = [0.3, 0.5, 0.99];
    expect(streamed(redactor, v.text, cuts)).toBe(oneShot(redactor, v.text));
  });

  it('masks a lower-case IBAN with or without its cue', () => {
    for (const text of ['gb42nawi04454264788619', 'IBAN gb42nawi04454264788619 on file']) {
      const res = redactor.redact(text);
      expect(res.text).not.toContain('nawi0445426478');
      expect(res.findings.map((f) => f.entity)).toEqual(['IBAN']);
    }
  });
});
