import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { gtinCheckValid } from '../../src/validators/card.js';
import { anyCard, validCard, withLuhn } from '../support/cards.js';
import { cutPoints, digitScript, inScript, oneShot, streamed } from './support.js';

const redactor = createRedactor({ currentYear: 2026 });
const RUNS = { seed: 20261207, numRuns: 300 };

/** The digits of a text in any script, as ASCII. */
function asciiDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const m = /\p{Nd}/u.test(ch) ? ch : '';
    if (!m) continue;
    const cp = ch.codePointAt(0)!;
    // Digit sets may follow each other (the mathematical ones): count from the start of the block.
    let k = 0;
    while (k < 100 && /\p{Nd}/u.test(String.fromCodePoint(cp - k - 1))) k++;
    out += String(k % 10);
  }
  return out;
}

/** Separators between card groups as people paste them (issue 16). */
const SEPARATORS = [
  ' ', '-', '.', '/', '\t', '_', ',', '|', ', ', ' - ', '\n', '\r\n',
  '\u2013', '\u2014', '\u2010', '\u2212', '\u2009', '\u202f', '\u00a0', '\u3000',
  '\u200b', '\u200c', '\u2060', '\u00ad', '\ufeff', '%20', '+',
];
const separator = fc.constantFrom(...SEPARATORS);

/** Groups of a card number: plain, fours, the brand's grouping (4-6-5, 4-6-6, 4-4-4-7…) or any split. */
const grouping = (length: number): fc.Arbitrary<number[]> =>
  fc.oneof<fc.Arbitrary<number[]>[]>(
    fc.constant<number[]>([length]),
    fc.constant(fours(length)),
    fc.constantFrom([4, 6, length - 10], [4, 4, 4, length - 12], [4, 4, 4, 4, length - 16].filter((g) => g > 0)),
    fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: length }).map((sizes) => split(sizes, length)),
  );

function fours(length: number): number[] {
  const g: number[] = [];
  for (let left = length; left > 0; left -= 4) g.push(Math.min(4, left));
  return g;
}

/** Group sizes that add up to length: the sizes in order, the last one cut to what is left. */
function split(sizes: number[], length: number): number[] {
  const g: number[] = [];
  let left = length;
  for (const s of sizes) {
    if (left <= 0) break;
    g.push(Math.min(s, left));
    left -= s;
  }
  if (left > 0) g.push(left);
  return g.filter((x) => x > 0);
}

/** Joins the digits (code points: a mathematical digit is two code units) in groups of the given sizes. */
function writeGroups(digits: string, groups: number[], sep: string): string {
  const chars = Array.from(digits);
  const parts: string[] = [];
  let at = 0;
  for (const g of groups) {
    parts.push(chars.slice(at, at + g).join(''));
    at += g;
  }
  return parts.join(sep);
}

const writtenCard = anyCard.chain((card) =>
  fc.record({ card: fc.constant(card), groups: grouping(card.digits.length), sep: separator, script: digitScript }),
);

describe('card numbers through the normalizing reader (fast-check)', () => {
  it('every brand and length, any grouping, any separator, any digit script, after a card cue: only the last four digits stay', () => {
    fc.assert(
      fc.property(writtenCard, ({ card, groups, sep, script }) => {
        const written = writeGroups(inScript(card.digits, script), groups, sep);
        const out = redactor.redact(`Customer read the card number ${written} and asked for a refund.`).text;
        expect(asciiDigits(out.replace(/%20/g, ''))).toBe(card.digits.slice(-4));
      }),
      RUNS,
    );
  });

  it('in its brand grouping or fours with one kind of separator, a card needs no cue', () => {
    fc.assert(
      fc.property(validCard, fc.constantFrom(' ', '-', '.', '\u00a0', '\u2009', '/', '_', '\u2013'), digitScript, ({ digits }, sep, script) => {
        const written = writeGroups(inScript(digits, script), fours(digits.length), sep);
        const out = redactor.redact(`Refund issued against ${written} yesterday.`).text;
        expect(asciiDigits(out)).toBe(digits.slice(-4));
      }),
      RUNS,
    );
  });

  it('a card glued to letters (x…, SN-…, …x) is masked', () => {
    fc.assert(
      fc.property(validCard, fc.constantFrom(['x', ''], ['SN-', ''], ['', 'x'], ['ref#', '']), ({ digits }, [before, after]) => {
        const out = redactor.redact(`noted ${before}${digits}${after} today`).text;
        expect(asciiDigits(out)).toBe(digits.slice(-4));
      }),
      RUNS,
    );
  });

  it('masks keep the text\'s own separators and script', () => {
    const out = redactor.redact('card ４１１１–１１１１–１１１１–１１１１ ok').text;
    expect(out).toBe('card ••••–••••–••••–１１１１ ok');
    expect(redactor.redact('card 4111%201111%201111%201111').text).toBe('card ••••%20••••%20••••%201111');
  });

  it('16-digit references that fail Luhn, with no card wording, stay in clear', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{14}$/), fc.integer({ min: 1, max: 9 }), fc.constantFrom('', ' ', '-'), (body, bump, sep) => {
        const good = withLuhn(body);
        const bad = good.slice(0, -1) + String((Number(good.at(-1)) + bump) % 10);
        const written = writeGroups(bad, [4, 4, 4, 4], sep);
        expect(redactor.redact(`Reference ${written} was closed.`).text).toContain(written);
      }),
      RUNS,
    );
  });

  it('streaming at random cuts equals one-shot', () => {
    fc.assert(
      fc.property(writtenCard, cutPoints, ({ card, groups, sep, script }, cuts) => {
        const text = `Customer read the card number ${writeGroups(inScript(card.digits, script), groups, sep)} and asked for a refund.`;
        expect(streamed(redactor, text, cuts)).toBe(oneShot(redactor, text));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Digits left in an output, written or as number words. */
function digitsLeft(out: string): string {
  return (out.match(/\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine)\b/gi) ?? [])
    .map((t) => (/\d/.test(t) ? t : String(WORDS.indexOf(t.toLowerCase()))))
    .join('');
}

describe('cards read out (fast-check)', () => {
  const joinerWord = fc.constantFrom(', ', ' and ', ' then ', ' okay ', ', sorry, ', ', wait, ', ', you know, ', ' uh ', ' ');
  const spokenCard = fc.record({
    card: validCard,
    joiners: fc.array(joinerWord, { minLength: 5, maxLength: 5 }),
    written: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  });

  it('digit words in groups joined by and/then/okay/sorry/wait/you know, some groups written in digits: at most the last four digits stay', () => {
    fc.assert(
      fc.property(spokenCard, ({ card, joiners, written }) => {
        const groups = card.digits.match(/.{1,4}/g)!;
        // At least one group is read out in words, or it is a written card (tested above).
        const parts = groups.map((g, i) => (written[i] && i > 0 ? g : [...g].map((d) => WORDS[Number(d)]).join(' ')));
        const text = `okay my card number is ${parts.map((p, i) => (i ? joiners[i - 1] + p : p)).join('')} and that's it`;
        const left = digitsLeft(redactor.redact(text).text);
        expect(left.length).toBeLessThanOrEqual(4);
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});

const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Two digits read as one number ("41" → "forty one", "11" → "eleven", "05" → "oh five", "70" → "seventy"). */
function pairWords(pair: string): string {
  const [a, b] = [Number(pair[0]), Number(pair[1])];
  if (a === 0) return `oh ${WORDS[b]}`;
  if (a === 1) return TEENS[b]!;
  return b === 0 ? TENS[a]! : `${TENS[a]} ${WORDS[b]}`;
}

describe('cards read out in pairs, mixed with digits, streamed (fast-check)', () => {
  const joinerWord = fc.constantFrom(', ', ' and ', ' then ', ' okay ', ', sorry, ', ', wait, ', ', you know, ', ' uh ', ' ');
  const pairCard = validCard
    .filter((c) => c.digits.length % 2 === 0)
    .chain((card) =>
      fc.record({
        card: fc.constant(card),
        words: fc.array(fc.boolean(), { minLength: card.digits.length / 2, maxLength: card.digits.length / 2 }),
        joiners: fc.array(joinerWord, { minLength: card.digits.length / 2, maxLength: card.digits.length / 2 }),
      }),
    );
  const sayPairs = ({ card, words, joiners }: { card: { digits: string }; words: boolean[]; joiners: string[] }) => {
    const pairs = card.digits.match(/.{2}/g)!.map((p, i) => (words[i] || i === 0 ? pairWords(p) : p));
    return `okay my card number is ${pairs.map((p, i) => (i && i % 2 === 0 ? joiners[i]! + p : i ? ` ${p}` : p)).join('')} and that's it`;
  };

  it('pairs read as numbers ("forty one eleven"), some written in digits ("41 eleven 11 eleven"): at most the last four digits stay', () => {
    fc.assert(
      fc.property(pairCard, (x) => {
        expect(digitsLeftPairs(redactor.redact(sayPairs(x)).text).length).toBeLessThanOrEqual(4);
      }),
      { ...RUNS, numRuns: 200 },
    );
  });

  it('spoken cards, in single digits or pairs, streamed at random cuts equal one-shot', () => {
    const spoken = fc.oneof(
      pairCard.map(sayPairs),
      fc.record({ card: validCard, joiners: fc.array(joinerWord, { minLength: 5, maxLength: 5 }) }).map(({ card, joiners }) => {
        const groups = card.digits.match(/.{1,4}/g)!.map((g) => [...g].map((d) => WORDS[Number(d)]).join(' '));
        return `okay my card number is ${groups.map((g, i) => (i ? joiners[i - 1] + g : g)).join('')} and that's it`;
      }),
    );
    fc.assert(
      fc.property(spoken, cutPoints, (text, cuts) => {
        expect(streamed(redactor, text, cuts)).toBe(oneShot(redactor, text));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('a card glued to letters, streamed at random cuts, equals one-shot and is masked', () => {
    fc.assert(
      fc.property(validCard, fc.constantFrom(['x', ''], ['SN-', ''], ['', 'x'], ['ref#', '']), cutPoints, ({ digits }, [before, after], cuts) => {
        const text = `noted ${before}${digits}${after} today`;
        const out = streamed(redactor, text, cuts);
        expect(out).toBe(oneShot(redactor, text));
        expect(asciiDigits(out)).toBe(digits.slice(-4));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

/** Digits left in an output, written, as digit words or as pair words ("forty one" → 41, "eleven" → 11). */
function digitsLeftPairs(out: string): string {
  const tokens = out.match(/\d|\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/gi) ?? [];
  let digits = '';
  tokens.forEach((t, i) => {
    const w = t.toLowerCase();
    if (/\d/.test(w)) digits += w;
    else if (w === 'oh') digits += '0';
    else if (WORDS.includes(w)) digits += String(WORDS.indexOf(w));
    else if (TEENS.includes(w)) digits += `1${TEENS.indexOf(w)}`;
    // A tens word alone is two digits ("seventy"); before a unit word ("forty one") the unit is the second.
    else digits += WORDS.slice(1).includes(tokens[i + 1]?.toLowerCase() ?? '') ? String(TENS.indexOf(w)) : `${TENS.indexOf(w)}0`;
  });
  return digits;
}

describe('12- and 13-digit cards and product codes (EAN-13, UPC-A)', () => {
  const short = anyCard.filter((c) => c.digits.length <= 13);
  const productCode = short.filter((c) => gtinCheckValid(c.digits));
  const notProductCode = short.filter((c) => !gtinCheckValid(c.digits));

  it('written plain with a valid GS1 check digit and no card wording, it is a product code: kept, in prose and in a CSV row', () => {
    fc.assert(
      fc.property(productCode, ({ digits }) => {
        for (const text of [`Device ${digits} on firmware 2.1.`, `Jane,${digits},2024-05-01,shipped`]) {
          expect(redactor.redact(text).text).toBe(text);
        }
      }),
      RUNS,
    );
  });

  it('beside card wording, or written in groups, the same number is a card', () => {
    fc.assert(
      fc.property(productCode, ({ digits }) => {
        expect(asciiDigits(redactor.redact(`Customer read the card number ${digits} and asked for a refund.`).text)).toBe(digits.slice(-4));
        const grouped = writeGroups(digits, fours(digits.length), ' ');
        expect(asciiDigits(redactor.redact(`Refund issued against ${grouped} yesterday.`).text)).toBe(digits.slice(-4));
      }),
      RUNS,
    );
  });

  it('without a valid GS1 check digit, a plain one needs no wording', () => {
    fc.assert(
      fc.property(notProductCode, ({ digits }) => {
        expect(asciiDigits(redactor.redact(`Refund issued against ${digits} yesterday.`).text)).toBe(digits.slice(-4));
      }),
      RUNS,
    );
  });
});
