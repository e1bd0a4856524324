import { bech32, bech32m } from 'bech32';
import bs58check from 'bs58check';
import fc from 'fast-check';
import { eip55Case } from '../../src/validators/crypto-wallets.js';
import { BUILTIN_VALIDATORS } from '../../src/validators/registry.js';

/**
 * Generators of identifiers with valid check characters, for the identifier packs. A template gives the
 * structure (birth dates, prefixes, type letters) with '?' where the check characters go; they are filled
 * by trying the alphabet against the named validator, whose algorithm is pinned separately by published
 * test vectors (validators.test.ts). The broken twin changes the last check character to one the
 * validator refuses.
 */
const OPTIONS = { defaultRegion: 'US', currentYear: 2026 };
export const DIGITS = '0123456789';
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = DIGITS + LETTERS;

export function isValid(validator: string, text: string): boolean {
  return BUILTIN_VALIDATORS[validator]!({ text, digits: text.replace(/\D/g, ''), options: OPTIONS }) === true;
}

/** Fills the '?' of a template with the first characters the validator accepts; null when none does. */
export function fillCheck(validator: string, template: string, alphabet: string): string | null {
  const holes = [...template].flatMap((c, i) => (c === '?' ? [i] : []));
  const chars = [...template];
  const search = (k: number): string | null => {
    if (k === holes.length) {
      const t = chars.join('');
      return isValid(validator, t) ? t : null;
    }
    for (const c of alphabet) {
      chars[holes[k]!] = c;
      const found = search(k + 1);
      if (found) return found;
    }
    return null;
  };
  return search(0);
}

/** The valid value with its last check character replaced by one the validator refuses. */
export function breakCheck(validator: string, template: string, value: string, alphabet: string): string {
  const at = template.lastIndexOf('?');
  for (const c of alphabet) {
    if (c === value[at]) continue;
    const t = value.slice(0, at) + c + value.slice(at + 1);
    if (!isValid(validator, t)) return t;
  }
  throw new Error(`no broken twin for a ${validator} value`);
}

export interface Sample {
  value: string;
  broken: string;
}

export const digits = (n: number) => fc.array(fc.constantFrom(...DIGITS), { minLength: n, maxLength: n }).map((a) => a.join(''));
export const chars = (n: number, alphabet: string) => fc.array(fc.constantFrom(...alphabet), { minLength: n, maxLength: n }).map((a) => a.join(''));
const pad2 = (n: number) => String(n).padStart(2, '0');

/** A birth date between 1930 and 2019 (day ≤ 28, always a real date). */
export const birthDate = fc.record({ year: fc.integer({ min: 1930, max: 2019 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
export type BirthDate = { year: number; month: number; day: number };
export const yymmdd = (d: BirthDate) => pad2(d.year % 100) + pad2(d.month) + pad2(d.day);
export const ddmmyy = (d: BirthDate) => pad2(d.day) + pad2(d.month) + pad2(d.year % 100);

/**
 * Valid/broken pairs from a template arbitrary: each template is filled and broken with the validator;
 * templates no check character can satisfy (a blacklisted word, a rare structure) are skipped.
 */
export function checked(validator: string, template: fc.Arbitrary<string>, alphabet = DIGITS, write: (v: string) => string = (v) => v): fc.Arbitrary<Sample> {
  return template
    .map((tpl) => {
      const value = fillCheck(validator, tpl, alphabet);
      return value ? { value: write(value), broken: write(breakCheck(validator, tpl, value, alphabet)) } : null;
    })
    .filter((s): s is Sample => s !== null);
}

/** Groups a compact value by sizes with a separator: group('9434765919', [3, 3, 4], ' '). */
export function group(value: string, sizes: number[], sep: string): string {
  const out: string[] = [];
  let i = 0;
  for (const n of sizes) {
    out.push(value.slice(i, i + n));
    i += n;
  }
  return out.join(sep);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Bitcoin addresses of each kind from random hashes; the broken twin has its last character changed. */
export const bitcoinSample: fc.Arbitrary<Sample> = fc
  .record({ kind: fc.constantFrom('p2pkh', 'p2sh', 'p2wpkh', 'p2wsh', 'p2tr'), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) })
  .map(({ kind, seed }) => {
    const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (seed * (i + 7) + i * 131) & 0xff);
    let value: string;
    if (kind === 'p2pkh' || kind === 'p2sh') value = bs58check.encode(Uint8Array.from([kind === 'p2pkh' ? 0x00 : 0x05, ...bytes(20)]));
    else if (kind === 'p2tr') value = bech32m.encode('bc', [1, ...bech32m.toWords(bytes(32))]);
    else value = bech32.encode('bc', [0, ...bech32.toWords(bytes(kind === 'p2wpkh' ? 20 : 32))]);
    const alphabet = value.startsWith('bc1') ? BECH32 : BASE58;
    const last = value[value.length - 1]!;
    const swap = alphabet[(alphabet.indexOf(last) + 1) % alphabet.length]!;
    return { value, broken: value.slice(0, -1) + swap };
  });

/** EIP-55 checksummed Ethereum addresses; the broken twin flips the case of one letter. */
export const ethereumSample: fc.Arbitrary<Sample> = fc
  .integer({ min: 0, max: 2 ** 31 - 1 })
  .map((seed) => {
    const hex = randomHex(seed);
    const cased = eip55Case(hex);
    const at = [...cased].findIndex((c) => /[a-f]/i.test(c));
    const c = cased[at]!;
    const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
    return { value: `0x${cased}`, broken: `0x${cased.slice(0, at)}${flipped}${cased.slice(at + 1)}` };
  })
  // Needs a letter to flip and another letter of the other case, or flipping makes it single-case (unchecked).
  .filter((s) => /[a-f]/.test(s.broken.slice(2)) && /[A-F]/.test(s.broken.slice(2)));

function randomHex(seed: number): string {
  // Deterministic from the seed (fast-check replays), spread over all 40 nibbles.
  let x = seed || 1;
  let out = '';
  for (let i = 0; i < 40; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += ((x >> 16) & 0xf).toString(16);
  }
  return out;
}

export { ALNUM };
