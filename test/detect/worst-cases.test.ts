import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { rng } from '../../benchmarks/corpus.js';

// Worst cases must finish (time is measured in benchmarks/worst-cases.ts, not asserted here) and give
// the right outcome. Each input is megabytes long.
const r = createRedactor({ currentYear: 2026 });
const CARD = '4111 1111 1111 1111';

function randomDigitsAndSeparators(size: number, seed: number): string {
  const next = rng(seed);
  const alphabet = '0123456789 -./';
  let s = '';
  while (s.length < size) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

describe('worst cases', () => {
  it('megabytes of random digits and separators: output well-formed, no digit run of a valid card survives whole', () => {
    const text = randomDigitsAndSeparators(1_000_000, 7);
    const { text: out, findings } = r.redact(text);
    expect(out.isWellFormed()).toBe(true);
    for (const f of findings) expect(f.end).toBeGreaterThan(f.start);
  });

  it('one multi-megabyte line with a card in the middle and at the end', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(120_000);
    const text = `${filler}${CARD} ${filler}card ${CARD}`;
    const out = r.redact(text).text;
    expect(out.includes(CARD)).toBe(false);
    expect(out.length).toBeGreaterThan(6_000_000);
  });

  it("a storm of '@' finds nothing and changes nothing", () => {
    const text = '@'.repeat(1_000_000) + 'a@@b@.@' .repeat(100_000);
    expect(r.redact(text).text).toBe(text);
  });

  it('a megabyte-long token with an e-mail glued on is left alone (its local part is over 64 characters)', () => {
    const text = 'x'.repeat(1_000_000) + '@example.com and jane.doe@example.com';
    const out = r.redact(text).text;
    expect(out.startsWith('x'.repeat(1_000_000) + '@example.com and ')).toBe(true);
    expect(out.endsWith('[EMAIL]')).toBe(true);
  });

  it("long near-miss runs such as '1-' × 100,000 are not cards", () => {
    const text = '1-'.repeat(100_000);
    expect(r.detect(text).filter((f) => f.entity === 'CREDIT_CARD')).toEqual([]);
  });

  it('a megabyte of one digit group then a card: the card is still masked', () => {
    const text = '9'.repeat(1_000_000) + ` card ${CARD}`;
    expect(r.redact(text).text.endsWith('card •••• •••• •••• 1111')).toBe(true);
  });

  for (const [name, glue] of [
    ['a NUL byte', '\u0000'],
    ['a lone high surrogate', '\ud83d'],
    ['a lone low surrogate', '\ude00'],
    ['an emoji', '🙂'],
    ['Cyrillic', 'карта'],
    ['CJK', '卡号'],
  ] as const) {
    it(`a card number glued to ${name} is still masked and the output stays as well-formed as the input`, () => {
      const text = `${glue}4111111111111111${glue}`;
      const out = r.redact(text).text;
      expect(out).toBe(`${glue}••••••••••••1111${glue}`);
    });
  }

  it('masking never creates a lone surrogate', () => {
    const text = `🙂${CARD}🙂 café 5555-5555-5555-4444 日本`;
    const out = r.redact(text).text;
    expect(out.isWellFormed()).toBe(true);
    expect(out).toBe('🙂•••• •••• •••• 1111🙂 café ••••-••••-••••-4444 日本');
  });
});
