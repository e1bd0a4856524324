import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { anyCard, validCard, withLuhn } from '../support/cards.js';
import { cutPoints, digitScript, inScript, oneShot, streamed } from './support.js';

const redactor = createRedactor({ currentYear: 2026 });
const RUNS = { seed: 20261207, numRuns: 250 };

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve'];
const TENS: Record<number, string> = { 2: 'twenty', 3: 'thirty', 4: 'forty' };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A two-digit year (15–45) read out: "twenty five", "thirty". */
const sayYY = (yy: number) => `${TENS[Math.floor(yy / 10)]!}${yy % 10 ? ` ${UNITS[yy % 10]!}` : ''}`;
/** A month number read out: "oh five", "five", "twelve". */
const sayMonth = (m: number, oh: boolean) => (m >= 10 ? TEENS[m - 10]! : oh ? `oh ${UNITS[m]!}` : UNITS[m]!);
const pad = (n: number) => String(n).padStart(2, '0');

/** Every written and spoken form of an expiry (issue 16), from its month and year. */
const FORMS: Record<string, (m: number, y: number) => string> = {
  'mm/yy': (m, y) => `${pad(m)}/${pad(y % 100)}`,
  'm/yyyy': (m, y) => `${m}/${y}`,
  'mm-yy': (m, y) => `${pad(m)}-${pad(y % 100)}`,
  'mm.yy': (m, y) => `${pad(m)}.${pad(y % 100)}`,
  'mm / yy': (m, y) => `${pad(m)} / ${pad(y % 100)}`,
  mmyy: (m, y) => `${pad(m)}${pad(y % 100)}`,
  'yyyy-mm': (m, y) => `${y}-${pad(m)}`,
  'mon yyyy': (m, y) => `${MONTHS[m - 1]!.slice(0, 3)} ${y}`,
  'Month yyyy': (m, y) => `${MONTHS[m - 1]![0]!.toUpperCase()}${MONTHS[m - 1]!.slice(1)} ${y}`,
  'month of yyyy': (m, y) => `${MONTHS[m - 1]!} of ${y}`,
  'month yy spoken': (m, y) => `${MONTHS[m - 1]!} ${sayYY(y % 100)}`,
  'month yyyy spoken': (m, y) => `${MONTHS[m - 1]!} twenty ${sayYY(y % 100)}`,
  'digits spoken': (m, y) => `${sayMonth(m, true)} ${sayYY(y % 100)}`,
  'digits spoken, no oh': (m, y) => `${sayMonth(m, false)} ${sayYY(y % 100)}`,
  'slash spoken': (m, y) => `${sayMonth(m, true)} slash ${sayYY(y % 100)}`,
  'digit by digit': (m, y) => [...`${pad(m)}${pad(y % 100)}`].map((d) => (d === '0' ? 'oh' : UNITS[Number(d)]!)).join(' '),
};

const expiry = fc.record({
  month: fc.integer({ min: 1, max: 12 }),
  year: fc.integer({ min: 2025, max: 2039 }),
  form: fc.constantFrom(...Object.keys(FORMS)),
});

const CUES = ['exp', 'Exp.', 'expiry', 'Expiry date:', 'expires', 'it expires', 'expiration date is', 'valid thru', 'good through', 'exp date', 'Gültig bis', 'läuft ab', 'scadenza', "date d'expiration", 'valable jusqu\'au', 'vence'];
const FILLERS = ['', 'is ', 'it should be ', "yeah it's ", 'hold on... ', 'umm ', 'like, umm ', 'sure, ', 'I think it is '];
const QUESTIONS = ['When does it expire?', "What's the exp date on it?", 'And the expiration date?', 'expiry?', 'Gültig bis?', 'E la data di scadenza?'];
/** Speaker labels of chats and transcripts: plain, timestamped, numbered, emphasised, with a chat time after. */
const LABELS: Array<[string, string]> = [
  ['Agent: ', 'Customer: '],
  ['[00:04:26] AGENT: ', '[00:04:41] CUSTOMER: '],
  ['Speaker 1: ', 'Speaker 2: '],
  ['[00:03:09] **Agent:** ', '[00:03:49] **Customer:** '],
  ['Support: (15:35) ', 'You: (15:36) '],
  ['AGENT - ', 'CUSTOMER - '],
  ['Bot/Agent > ', 'Visitor > '],
];

/** Digits or number words left in an output. */
function valueLeft(out: string, value: string): boolean {
  return out.includes(value);
}

describe('card expiry by cue, every written and spoken form (fast-check)', () => {
  it('after an expiry cue and fillers on the same line, the expiry is masked as CARD_EXPIRY', () => {
    fc.assert(
      fc.property(expiry, fc.constantFrom(...CUES), fc.constantFrom(...FILLERS), ({ month, year, form }, cue, filler) => {
        const value = FORMS[form]!(month, year);
        const text = `Customer said ${cue} ${filler}${value}, thanks.`;
        const { text: out, findings } = redactor.redact(text);
        expect(valueLeft(out, value)).toBe(false);
        const at = text.indexOf(value);
        expect(findings.some((f) => f.entity === 'CARD_EXPIRY' && f.start <= at && f.end >= at + value.length)).toBe(true);
      }),
      RUNS,
    );
  });

  it('in the answer to an expiry question in the next turn, past the speaker label', () => {
    fc.assert(
      fc.property(expiry, fc.constantFrom(...QUESTIONS), fc.constantFrom(...LABELS), fc.constantFrom(...FILLERS), ({ month, year, form }, q, [agent, customer], filler) => {
        const value = FORMS[form]!(month, year);
        const text = `${agent}${q}\n${customer}${filler}${value}\n${agent}Thanks.`;
        const { text: out, findings } = redactor.redact(text);
        expect(valueLeft(out, value)).toBe(false);
        const at = text.lastIndexOf(value);
        expect(findings.some((f) => f.entity === 'CARD_EXPIRY' && f.start <= at && f.end >= at + value.length)).toBe(true);
      }),
      RUNS,
    );
  });

  it('after a card number and an "x" in agent notes', () => {
    fc.assert(
      fc.property(validCard, expiry, fc.constantFrom('cc', 'cc#', 'card used:', 'pd w/ card'), ({ digits }, { month, year }, cue) => {
        const value = FORMS['mm/yy']!(month, year);
        const out = redactor.redact(`pmt taken ${cue} ${digits.match(/.{1,4}/g)!.join(' ')} x ${value} cvc 123 amt 40`).text;
        expect(out).not.toContain(value);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('written in another digit script', () => {
    fc.assert(
      fc.property(expiry, digitScript, ({ month, year }, script) => {
        const value = inScript(FORMS['mm/yy']!(month, year), script);
        expect(redactor.redact(`Agent: expiry?\nCustomer: yes. ${value}.`).text).not.toContain(value);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('what is no expiry after the cue stays: a month out of range, a full date, a licence year, a count of days', () => {
    for (const text of [
      'expiry 13/27 is not a month',
      'the trial expires 12/19/2026 at noon',
      'my licence exp 2029, renew it',
      'the offer expires in 3 days',
      'expiry notice: see ticket 0527-A',
      'Agent: When does it expire?\nCustomer: not sure, let me find the card',
    ]) {
      expect(redactor.redact(text).text).toBe(text);
    }
  });

  it('streaming at random cuts equals one-shot', () => {
    fc.assert(
      fc.property(expiry, fc.constantFrom(...LABELS), cutPoints, ({ month, year, form }, [agent, customer], cuts) => {
        const text = `${agent}When does it expire?\n${customer}hold on... ${FORMS[form]!(month, year)}\n`;
        expect(streamed(redactor, text, cuts)).toBe(oneShot(redactor, text));
      }),
      { ...RUNS, numRuns: 80 },
    );
  });
});

describe('CVV in the next turn and in other languages', () => {
  const cvv = fc.integer({ min: 100, max: 9999 }).map(String);

  it('in the answer turn, past a speaker label that holds digits ("Speaker 2:", timestamps)', () => {
    fc.assert(
      fc.property(cvv, fc.constantFrom(...LABELS), fc.constantFrom('', 'sure, ', 'yes. ', 'um '), fc.boolean(), (code, [agent, customer], filler, spoken) => {
        const value = spoken ? [...code].map((d) => UNITS[Number(d)]!).join(' ') : code;
        const out = redactor.redact(`${agent}the CVV please\n${customer}${filler}${value}\n${agent}Thanks.`).text;
        expect(out).not.toContain(value);
      }),
      RUNS,
    );
  });

  it('after French, Italian, German, Spanish, Portuguese and Dutch cues', () => {
    fc.assert(
      fc.property(cvv, fc.constantFrom('code de sécurité', 'cryptogramme', 'codice di sicurezza', 'Prüfnummer', 'código de seguridad', 'código de segurança', 'beveiligingscode'), (code, cue) => {
        expect(redactor.redact(`le ${cue} est ${code}`).text).not.toContain(code);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('an amount in the next turn is no CVV, nor a number after a CVV that stood before its cue', () => {
    for (const [text, kept] of [
      ['Customer: 481 is the cvv\nAgent: Great, I applied TRL 3.645.303.689 to the account.', 'TRL 3.645.303.689'],
      ['Customer: 840, that\'s the cvv\nAgent: the payment of 226,09 € went through.', '226,09 €'],
      ['CUSTOMER - 840, that\'s the code on the back\nAGENT - thanks the payment of inr 784.54 to the account', 'inr 784.54'],
    ] as const) {
      const out = redactor.redact(text).text;
      expect(out).toContain(kept);
      expect(out).not.toMatch(/\b(?:481|840)\b/);
    }
  });
});

/** The digits of a number read out, written as digits or as words. */
const spell = (digits: string) => [...digits].map((d) => UNITS[Number(d)]!).join(' ');

describe('a card number split over two turns (fast-check)', () => {
  const split = anyCard
    .filter((c) => c.digits.length >= 12)
    .chain((card) =>
      fc.record({
        card: fc.constant(card),
        cut: fc.integer({ min: 4, max: Math.min(11, card.digits.length - 2) }),
        spoken: fc.tuple(fc.boolean(), fc.boolean()),
        labels: fc.constantFrom(...LABELS),
        ack: fc.constantFrom('ok', 'mhm', 'go on', 'yes?', 'uh huh'),
        lead: fc.constantFrom('', 'um, ', 'okay so ', 'yeah, '),
      }),
    );
  const write = (digits: string, spoken: boolean) => (spoken ? spell(digits) : digits.match(/.{1,4}/g)!.join(' '));
  const conversation = (a: string, b: string, [agent, customer]: [string, string], ack: string, lead: string) =>
    `${agent}Can I get the card number please?\n${customer}${lead}${a}\n${agent}${ack}\n${customer}${b}\n${agent}And the expiration date?`;

  it('both parts are masked whole; the acknowledgement between them stays', () => {
    fc.assert(
      fc.property(split, ({ card, cut, spoken, labels, ack, lead }) => {
        const a = write(card.digits.slice(0, cut), spoken[0]);
        const b = write(card.digits.slice(cut), spoken[1]);
        const out = redactor.redact(conversation(a, b, labels, ack, lead)).text;
        expect(out).not.toContain(a);
        expect(out).not.toContain(`${labels[1]}${b}\n`);
        expect(out).toContain(`\n${labels[0]}${ack}\n`);
      }),
      RUNS,
    );
  });

  it('two parts that fail Luhn together stay in clear (an order number, a phone read in halves)', () => {
    fc.assert(
      fc.property(split, fc.integer({ min: 1, max: 9 }), ({ card, cut, labels, ack }, bump) => {
        const bad = card.digits.slice(0, -1) + String((Number(card.digits.at(-1)) + bump) % 10);
        const a = bad.slice(0, cut);
        const b = bad.slice(cut);
        const text = conversation(a, b, labels, ack, '').replace('card number', 'order reference');
        expect(redactor.redact(text).text).toContain(`${a}\n`);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('streaming at random cuts equals one-shot', () => {
    fc.assert(
      fc.property(split, cutPoints, ({ card, cut, spoken, labels, ack, lead }, cuts) => {
        const text = conversation(write(card.digits.slice(0, cut), spoken[0]), write(card.digits.slice(cut), spoken[1]), labels, ack, lead);
        expect(streamed(redactor, text, cuts)).toBe(oneShot(redactor, text));
      }),
      { ...RUNS, numRuns: 80 },
    );
  });
});

describe('IMEIs are not cards', () => {
  it('a 15-digit IMEI beside "Credit of" wording stays; a 13-digit Visa after card wording does not', () => {
    fc.assert(
      fc.property(fc.constantFrom('35', '86', '49', '01'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }), (tac, rest) => {
        const imei = withLuhn(tac + rest.join(''));
        const text = `Credit of 42,10 € issued.\nDevice ${imei.slice(0, 2)}-${imei.slice(2, 8)}-${imei.slice(8, 14)}-${imei.slice(14)} on firmware 2.1.`;
        expect(redactor.redact(text).text).toBe(text);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }), (rest) => {
        const visa = withLuhn(`4${rest.join('')}`);
        expect(redactor.redact(`my card number is ${visa} thanks`).text).not.toContain(visa.slice(0, 9));
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('UATP cards (15 digits from 1) need no cue', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }), (rest) => {
        const uatp = withLuhn(`1${rest.join('')}`);
        expect(redactor.redact(`billed ${uatp} today`).text).not.toContain(uatp);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

describe('compact date-times beside card wording are not cards', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  const dateTime = fc
    .record({
      y: fc.integer({ min: 1900, max: 2099 }),
      mo: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
      h: fc.integer({ min: 0, max: 23 }),
      mi: fc.integer({ min: 0, max: 59 }),
      s: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    })
    .map(({ y, mo, d, h, mi, s }) => `${y}${two(mo)}${two(d)}${two(h)}${two(mi)}${s === undefined ? '' : two(s)}`);

  it('a yyyymmddhhmm(ss) stamp after a card line stays (PDF metadata, file names), the card itself is masked', () => {
    fc.assert(
      fc.property(anyCard, dateTime, (card, stamp) => {
        const text = `refund card ${card.digits}\nproducer\nD:${stamp}Z`;
        const out = redactor.redact(text).text;
        expect(out).toContain(`D:${stamp}Z`);
        expect(out).not.toContain(card.digits);
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});
