import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { compileFillers, fillerStops } from '../../src/detect/cue-fillers.js';
import { parseSpokenDate, parseWrittenDate } from '../../src/validators/dates.js';
import { cutPoints, oneShot, streamed } from './support.js';

const redactor = createRedactor({ currentYear: 2026 });
const RUNS = { seed: 20261207, numRuns: 200 };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORD = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

/** 0–99 in words. */
const cardinal = (n: number) => (n < 20 ? UNITS[n]! : TENS[Math.floor(n / 10)]! + (n % 10 ? ` ${UNITS[n % 10]}` : ''));
/** 1–31 as an ordinal word. */
const ordinal = (n: number) => (n <= 20 ? ORD[n]! : n === 30 ? 'thirtieth' : `${TENS[Math.floor(n / 10)]} ${ORD[n % 10]}`);
/** A year as said: "nineteen eighty six", "nineteen oh five", "two thousand four". */
const spokenYear = (y: number) =>
  y >= 2000 && y < 2010 ? `two thousand${y > 2000 ? ` ${UNITS[y - 2000]}` : ''}` : `${cardinal(Math.floor(y / 100))} ${y % 100 === 0 ? 'hundred' : y % 100 < 10 ? `oh ${UNITS[y % 100]}` : cardinal(y % 100)}`;

const birthDate = fc
  .record({ year: fc.integer({ min: 1920, max: 2008 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });

const pad = (n: number) => String(n).padStart(2, '0');

/** Every form a date of birth is written or said in, from one date. */
const FORMS: ((d: { year: number; month: number; day: number }) => string)[] = [
  (d) => `${d.year}-${pad(d.month)}-${pad(d.day)}`,
  (d) => `${d.month}/${d.day}/${d.year}`,
  (d) => `${pad(d.month)}/${pad(d.day)}/${String(d.year).slice(2)}`,
  (d) => `${d.day}.${d.month}.${d.year}`,
  (d) => `${d.day} ${MONTHS[d.month - 1]!.slice(0, 3)} ${d.year}`,
  (d) => `${MONTHS[d.month - 1]} ${d.day}, ${d.year}`,
  (d) => `${pad(d.month)}${pad(d.day)}${d.year}`,
  (d) => `${MONTHS[d.month - 1]} ${ordinal(d.day)}, ${spokenYear(d.year)}`,
  (d) => `the ${ordinal(d.day)} of ${MONTHS[d.month - 1]} ${spokenYear(d.year)}`,
  (d) => `${d.month < 10 ? `oh ${UNITS[d.month]}` : cardinal(d.month)} ${cardinal(d.day)} ${spokenYear(d.year)}`,
];

const DOB_CUES = ['DOB', 'date of birth', 'Date of Birth:', 'DOB on account is', 'DOB on acct', 'born on', 'birthday is', 'dob confirmed', 'fecha de nacimiento:', 'Geburtsdatum', 'geboortedatum'];

describe('filler tokens between a cue and its value (rule data)', () => {
  const re = compileFillers(['is', 'on file', 'number', "it's"])!;

  it('skips filler words and punctuation runs, farthest stop first', () => {
    const text = 'DOB on file is: "1990-01-02"';
    const stops = fillerStops(text, 3, re, 4, text.length);
    expect(text.slice(stops[0])).toBe('1990-01-02"');
    expect(stops[stops.length - 1]).toBe(3);
  });

  it('stops at a word that is no filler, and after maxWords filler words', () => {
    expect(fillerStops('x is what 12', 1, re, 4, 99).map((p) => 'x is what 12'.slice(p))[0]).toBe('what 12');
    expect(fillerStops('x is is is 12', 1, re, 2, 99).map((p) => 'x is is is 12'.slice(p))[0]).toBe('is 12');
  });

  it('matches a filler only on a word boundary ("island" is no "is")', () => {
    expect('x island'.slice(fillerStops('x island', 1, re, 4, 99)[0])).toBe('island');
  });

  it('has no fillers when the rule lists none', () => {
    expect(compileFillers(undefined)).toBeNull();
    expect(compileFillers([])).toBeNull();
  });
});

describe('dates of birth in every written and spoken form', () => {
  it('parses what each form writes back to the same date (property)', () => {
    fc.assert(
      fc.property(birthDate, fc.integer({ min: 0, max: FORMS.length - 1 }), (d, f) => {
        const text = FORMS[f]!(d);
        const read = parseWrittenDate(text);
        // A two-digit year is read in the century that makes it past (…30 → 2030, 31… → 1931): compare years mod 100.
        const parsed = read && f === 2 ? { ...read, year: d.year - (d.year % 100) + (read.year % 100) } : read;
        // d/m/y and m/d/y read alike when day ≤ 12: the date is then read either way round.
        const swapped = { ...d, month: d.day, day: d.month };
        expect([JSON.stringify(d), JSON.stringify(swapped)]).toContain(JSON.stringify(parsed));
      }),
      RUNS,
    );
  });

  it('masks the date after any cue of the family, written or spoken (property)', () => {
    fc.assert(
      fc.property(birthDate, fc.integer({ min: 0, max: FORMS.length - 1 }), fc.constantFrom(...DOB_CUES), (d, f, cue) => {
        const value = FORMS[f]!(d);
        const out = redactor.redact(`note: ${cue} ${value} (verified)`).text;
        expect(out).not.toContain(value);
        expect(out).toContain('[DATE_OF_BIRTH]');
      }),
      RUNS,
    );
  });

  it('masks the answer in the next turn, after conversational fillers (property)', () => {
    fc.assert(
      fc.property(
        birthDate,
        fc.integer({ min: 0, max: FORMS.length - 1 }),
        fc.constantFrom('Customer:', 'CUSTOMER -', '[00:04:09] **Customer:**', 'Visitor >'),
        fc.constantFrom('', 'hmm ', 'sure ', 'hold on... ', 'uh it should be ', 'ok so '),
        (d, f, label, filler) => {
          const value = FORMS[f]!(d);
          const out = redactor.redact(`Agent: Can I get your date of birth to verify?\n${label} ${filler}${value}\nAgent: thanks`).text;
          expect(out).not.toContain(value);
        },
      ),
      RUNS,
    );
  });

  it('reads spoken dates and refuses impossible ones', () => {
    expect(parseSpokenDate('Fourteenth of March, nineteen eighty six')).toEqual({ year: 1986, month: 3, day: 14 });
    expect(parseSpokenDate('two eleven nineteen forty six')).toEqual({ year: 1946, month: 2, day: 11 });
    expect(parseSpokenDate('february thirtieth, nineteen eighty')).toBeUndefined();
    expect(parseSpokenDate('thirteen twelve nineteen eighty')).toBeUndefined();
    expect(parseWrittenDate('13131999')).toBeUndefined();
  });

  it('keeps dates that are not birthdays, and order numbers after birth words', () => {
    for (const t of ['delivered on 03/14/2025', 'birthday party on 03/14/2025 was fun', 'order 06131973 shipped', 'dob field empty, ref 2025-09-29']) {
      expect(redactor.redact(t).text).toBe(t);
    }
  });

  it('streams a date of birth as one-shot does (property)', () => {
    fc.assert(
      fc.property(birthDate, fc.integer({ min: 0, max: FORMS.length - 1 }), cutPoints, (d, f, cuts) => {
        const text = `Agent: date of birth?\nCustomer: hmm ${FORMS[f]!(d)}\nAgent: ok`;
        expect(streamed(redactor, text, cuts)).toBe(oneShot(redactor, text));
      }),
      { ...RUNS, numRuns: 60 },
    );
  });
});

const L = () => fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ');
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** Driver's licence numbers in the issuers' own shapes. */
const LICENCE = fc.oneof(
  fc.tuple(L(), digits(7)).map(([a, b]) => a + b), // CA
  digits(8), // TX, PA
  digits(7),
  fc.tuple(digits(3), digits(3), digits(3)).map((g) => g.join(' ')), // NY
  fc.tuple(digits(2), digits(3), digits(3)).map((g) => g.join(' ')), // PA
  fc.tuple(L(), digits(3), digits(3), digits(2), digits(3), digits(1)).map(([a, ...g]) => a + g.join('-')), // FL
  fc.tuple(L(), digits(3), digits(4), digits(4)).map(([a, ...g]) => a + g.join('-')), // IL
  fc.tuple(L(), digits(4), digits(5), digits(5)).map(([a, ...g]) => a + g.join(' ')), // NJ
  fc.tuple(L(), digits(12)).map(([a, b]) => a + b), // MI, MN
  fc.tuple(L(), L(), digits(6)).map(([a, b, c]) => a + b + c), // OH
  fc.array(fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'), { minLength: 9, maxLength: 9 }).map((a) => `WDL${a.join('')}`), // WA
  fc.tuple(fc.array(L(), { minLength: 5, maxLength: 5 }), digits(6), L(), L(), digits(1), L(), L()).map(([s, d, a, b, c, e, f]) => s.join('') + d + a + b + c + e + f), // UK DVLA
);

const DL_CUES = ["my driver's license number is", 'DL#', 'DL', 'drivers lic', 'license no.', 'driving licence:', 'Driver License No.', 'dl is', 'DL (TX)'];

describe("driver's licences of the US states and the UK", () => {
  it('masks every issuer shape after any licence cue (property)', () => {
    fc.assert(
      fc.property(LICENCE, fc.constantFrom(...DL_CUES), (value, cue) => {
        const text = `ID check: ${cue} ${value} - ok`;
        const out = redactor.redact(text).text;
        expect(out).not.toContain(value);
        expect(redactor.detect(text).some((f) => f.entity === 'DRIVER_LICENSE')).toBe(true);
      }),
      RUNS,
    );
  });

  it('finds the distinctive shapes with no cue, and leaves order numbers, dates and fees', () => {
    for (const v of ['Z318-563-17-945-1', 'Q086-9235-9482', 'X2967 62206 90478', 'WDL993T4K206', 'BHBVJ637903KE6FV']) {
      expect(redactor.detect(`row ${v}, done`).some((f) => f.entity === 'DRIVER_LICENSE')).toBe(true);
    }
    for (const t of ['order SO-414016 shipped', 'license key expired', 'DL the report by 2029', 'licence fee 2024-05-01', 'DL exp 05/2029']) {
      expect(redactor.detect(t).filter((f) => f.entity === 'DRIVER_LICENSE')).toEqual([]);
    }
  });
});

describe('passports, sort codes, routing numbers', () => {
  it('masks a passport number after its cue and fillers (property)', () => {
    fc.assert(
      fc.property(fc.oneof(digits(9), fc.tuple(L(), digits(8)).map(([a, b]) => a + b)), fc.constantFrom('PP#', 'Passport No.', 'passport no:', 'us passport', 'passport number is'), (v, cue) => {
        const f = redactor.detect(`${cue} ${v} | ok`);
        expect(f.some((x) => x.entity === 'US_PASSPORT')).toBe(true);
      }),
      RUNS,
    );
  });

  it('reports a UK sort code as part of a bank account, written or read out', () => {
    for (const t of ['sort code 60-16-13 acc no. 31926819', 'Sort code: oh one nine, four two one', 'sort code is 019421']) {
      expect(redactor.detect(t).some((f) => f.entity === 'BANK_ACCOUNT' && f.ruleId === 'uk-sort-code')).toBe(true);
    }
  });

  it('reads a routing number after "rtg" and read out after "aba"', () => {
    expect(redactor.redact('refund to acct 52816019732 rtg 087581432').text).not.toContain('087581432');
    expect(redactor.redact('right aba six two oh, double six five five two four acct 9185').text).not.toContain('double six five');
  });
});

describe('passwords after their cue, whatever their shape', () => {
  const pw = fc.oneof(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9!@#$%^&*?]{5,15}$/),
    fc.tuple(fc.constantFrom('maple', 'summer', 'tigger', 'lakers', 'rainbow'), fc.constantFrom('.', '_', ''), fc.constantFrom('biscuit', 'sunshine', 'dragon')).map((p) => p.join('')),
  );
  it('masks the token after password, pw, pwd, passcode and their fillers (property)', () => {
    fc.assert(
      fc.property(pw, fc.constantFrom('password:', 'pw', 'PWD:', 'passcode is', 'the password I use is', 'temp pw', 'gave temp password', '"password": "'), (v, cue) => {
        const out = redactor.redact(`${cue} ${v}\nthanks`).text;
        expect(out).not.toContain(v);
      }),
      RUNS,
    );
  });

  it('keeps the words that only talk about a password', () => {
    for (const t of ['password reset link sent', 'my password is expired', 'password for my account isnt working', 'I forgot my password.', 'reset the password please', 'I typed my email and it failed']) {
      expect(redactor.redact(t).text).toBe(t);
    }
  });

  it('masks what the customer typed when it is quoted or password-shaped', () => {
    expect(redactor.redact('customer: I typed "Winter880!" and it failed').text).not.toContain('Winter880');
    expect(redactor.redact('i changed it to rainbow6$\nagent: ok').text).not.toContain('rainbow6');
  });
});

describe('values that belong to another cue or to a header row', () => {
  it('reads no value across a cell delimiter or a hyphen glued to the cue', () => {
    for (const t of ['password,ticket,last_name,last_ip', 'ref|PASSWORD|IBAN|amount', 'model PW-2929Q in stock']) {
      expect(redactor.detect(t).filter((f) => f.entity === 'PASSWORD')).toEqual([]);
    }
  });

  it('takes no account number from the sentence after the one that names the account', () => {
    const t = 'charge of $73 to the account.\nCustomer: I ordered something, its 123378454 never arrived';
    expect(redactor.detect(t).filter((f) => f.entity === 'BANK_ACCOUNT')).toEqual([]);
    expect(redactor.detect('acct access. ord 879183467 trk').filter((f) => f.entity === 'BANK_ACCOUNT')).toEqual([]);
  });

  it('gives a number after a passport cue to the passport, not to a nearby SSN cue', () => {
    const f = redactor.detect('PP# 362419043; SSN: 794-41-9904');
    expect(f.find((x) => x.entity === 'US_PASSPORT')).toBeDefined();
    expect(f.filter((x) => x.entity === 'US_SSN')).toHaveLength(1);
  });
});
