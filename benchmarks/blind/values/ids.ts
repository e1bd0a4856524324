/** Government, bank and account identifiers, generated with their own check rules where they have one. */
import type { Rng } from '../rng.js';
import { randomStyle, speakGroups } from '../spoken.js';

export function randomSsn(rng: Rng): string[] {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  return [String(area).padStart(3, '0'), String(rng.int(1, 99)).padStart(2, '0'), String(rng.int(1, 9999)).padStart(4, '0')];
}

export function writeSsn(rng: Rng, groups: string[]): { text: string; form: string } {
  const form = rng.weighted<string>([['dashes', 50], ['spaces', 12], ['plain', 14], ['dots', 6], ['spoken', 10], ['last-dash-only', 3]]);
  switch (form) {
    case 'dashes': return { text: groups.join('-'), form };
    case 'spaces': return { text: groups.join(' '), form };
    case 'plain': return { text: groups.join(''), form };
    case 'dots': return { text: groups.join('.'), form };
    case 'spoken': return { text: speakGroups(groups, rng, randomStyle(rng)), form };
    default: return { text: `${groups[0]}${groups[1]}-${groups[2]}`, form: 'last-dash-only' };
  }
}

/** An ABA routing number: a valid Federal Reserve prefix and the 3-7-1 checksum. */
export function randomRouting(rng: Rng): string {
  const prefix = rng.pick([rng.int(1, 12), rng.int(21, 32), rng.int(61, 72), 80]);
  for (;;) {
    const body = String(prefix).padStart(2, '0') + rng.digits(6);
    const w = [3, 7, 1, 3, 7, 1, 3, 7];
    const sum = [...body].reduce((s, c, i) => s + Number(c) * w[i]!, 0);
    const check = (10 - (sum % 10)) % 10;
    return body + check;
  }
}

export function randomAccountNumber(rng: Rng): string {
  return String(rng.int(1, 9)) + rng.digits(rng.int(7, 16));
}

export function randomSortCode(rng: Rng): string {
  return `${rng.digits(2)}-${rng.digits(2)}-${rng.digits(2)}`;
}

/** BBAN shapes per country: n digits, a upper-case letters, c alphanumerics. */
const IBAN_FORMATS: Record<string, string> = {
  GB: '4a14n', DE: '18n', FR: '10n11c2n', ES: '20n', IT: '1a10n12c', NL: '4a10n', BE: '12n', AT: '16n', CH: '5n12c',
  PL: '24n', SE: '20n', IE: '4a14n', PT: '21n', DK: '14n', FI: '14n', NO: '11n', CZ: '20n', HU: '24n', RO: '4a16c',
  GR: '7n16c', AL: '8n16c', HR: '17n', LT: '16n', LU: '3n13c', SA: '2n18c', AE: '19n', TR: '5n1n16c', BR: '23n1a1c',
};

export function randomIban(rng: Rng): string {
  const country = rng.pick(Object.keys(IBAN_FORMATS));
  let bban = '';
  for (const [, count, kind] of IBAN_FORMATS[country]!.matchAll(/(\d+)([nac])/g)) {
    const n = Number(count);
    bban += kind === 'n' ? rng.digits(n) : kind === 'a' ? rng.letters(n) : rng.letters(n, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  }
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return country + String(98 - rem).padStart(2, '0') + bban;
}

export function writeIban(rng: Rng, iban: string): { text: string; form: string } {
  const form = rng.weighted<string>([['grouped', 45], ['compact', 35], ['lower-compact', 8], ['lower-grouped', 4], ['dashed', 3]]);
  const grouped = iban.match(/.{1,4}/g)!.join(form === 'dashed' ? '-' : ' ');
  const text = form.endsWith('compact') ? iban : grouped;
  return { text: form.startsWith('lower') ? text.toLowerCase() : text, form };
}

/** Driver's licence numbers in the shapes of several issuers. */
export function randomDriverLicense(rng: Rng): { text: string; form: string } {
  const form = rng.pick(['us-ca', 'us-ny', 'us-tx', 'us-fl', 'us-il', 'us-pa', 'us-wa', 'us-nj', 'uk-dvla', 'us-plain-7']);
  switch (form) {
    case 'us-ca': return { text: rng.letters(1) + rng.digits(7), form };
    case 'us-ny': return { text: rng.chance(0.5) ? rng.digits(9) : `${rng.digits(3)} ${rng.digits(3)} ${rng.digits(3)}`, form };
    case 'us-tx': return { text: rng.digits(8), form };
    case 'us-fl': return { text: `${rng.letters(1)}${rng.digits(3)}-${rng.digits(3)}-${rng.digits(2)}-${rng.digits(3)}-${rng.digits(1)}`, form };
    case 'us-il': return { text: `${rng.letters(1)}${rng.digits(3)}-${rng.digits(4)}-${rng.digits(4)}`, form };
    case 'us-pa': return { text: `${rng.digits(2)} ${rng.digits(3)} ${rng.digits(3)}`, form };
    case 'us-wa': return { text: `WDL${rng.letters(6, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}${rng.digits(3)}`, form };
    case 'us-nj': return { text: `${rng.letters(1)}${rng.digits(4)} ${rng.digits(5)} ${rng.digits(5)}`, form };
    case 'uk-dvla': return { text: `${rng.letters(5)}${rng.digits(6)}${rng.letters(2)}${rng.digits(1)}${rng.letters(2)}`, form };
    default: return { text: rng.digits(7), form };
  }
}

export function randomUsPassport(rng: Rng): { text: string; form: string } {
  return rng.chance(0.7) ? { text: String(rng.int(1, 9)) + rng.digits(8), form: 'nine-digits' } : { text: rng.letters(1) + rng.digits(8), form: 'letter-eight-digits' };
}

const PASSWORD_WORDS = ['sunshine', 'dragon', 'Monkey', 'football', 'Princess', 'shadow', 'tigger', 'coffee', 'Pumpkin', 'rainbow', 'bluebird', 'hockey', 'Winter', 'summer', 'Lakers', 'maple', 'Biscuit'];

export function randomPassword(rng: Rng): { text: string; form: string } {
  const form = rng.pick(['word-digits', 'word-digits-symbol', 'random', 'leet', 'two-words']);
  switch (form) {
    case 'word-digits': return { text: rng.pick(PASSWORD_WORDS) + rng.digits(rng.int(2, 4)), form };
    case 'word-digits-symbol': return { text: rng.pick(PASSWORD_WORDS) + rng.digits(rng.int(1, 4)) + rng.pick(['!', '@', '#', '$', '?', '*']), form };
    case 'random': return { text: rng.letters(rng.int(8, 14), 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%&*'), form };
    case 'leet': return { text: rng.pick(PASSWORD_WORDS).replace(/a/g, '@').replace(/o/g, '0').replace(/e/g, '3') + rng.digits(2), form };
    default: return { text: rng.pick(PASSWORD_WORDS) + rng.pick(['', '_', '.']) + rng.pick(PASSWORD_WORDS).toLowerCase() + rng.digits(rng.int(0, 3)), form: 'two-words' };
  }
}

export function randomIp(rng: Rng): { text: string; form: string } {
  if (rng.chance(0.75)) {
    const first = rng.pick([rng.int(11, 126), rng.int(128, 191), rng.int(192, 223), 10, 172, 192]);
    return { text: `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, form: 'ipv4' };
  }
  const groups = Array.from({ length: 8 }, () => rng.int(0, 0xffff).toString(16));
  if (rng.chance(0.5)) return { text: `${rng.pick(['2a02:c7f', '2607:f8b0', '2600:1700', '2001:4860'])}:${groups.slice(2, 4).join(':')}::${groups[7]}`, form: 'ipv6-compressed' };
  return { text: groups.join(':'), form: 'ipv6-full' };
}

export function randomPin(rng: Rng): string {
  return rng.digits(rng.weighted<number>([[4, 75], [5, 5], [6, 20]]));
}

export function randomCvv(rng: Rng, amex: boolean): string {
  return rng.digits(amex ? 4 : 3);
}
