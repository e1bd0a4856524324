/**
 * Valid phone numbers for many numbering plans: libphonenumber-js's example number of a region with
 * its subscriber digits redrawn until the metadata accepts it, written as people of that country do.
 */
import { getCountries, getExampleNumber, isValidPhoneNumber, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import type { Rng } from '../rng.js';
import { randomStyle, speakGroups } from '../spoken.js';

export const ALL_REGIONS: CountryCode[] = getCountries().filter((c) => getExampleNumber(c, examples) !== undefined);

export interface Phone {
  region: CountryCode;
  /** E.164, e.g. +447400123456 */
  e164: string;
  national: string;
  international: string;
}

export function randomPhone(rng: Rng, region: CountryCode): Phone {
  const example = getExampleNumber(region, examples);
  if (!example) throw new Error(`randomPhone: libphonenumber-js has no example number for region ${region}; pick one of ALL_REGIONS`);
  let e164 = example.number as string;
  const national = example.nationalNumber as string;
  // Redraw as many digits as the plan allows: most of them first, fewer when the metadata refuses.
  for (let attempt = 0; attempt < 40; attempt++) {
    const keep = Math.min(national.length - 2, 1 + Math.floor(attempt / 8));
    const candidate = `+${example.countryCallingCode}${national.slice(0, keep)}${rng.digits(national.length - keep)}`;
    if (isValidPhoneNumber(candidate)) {
      e164 = candidate;
      break;
    }
  }
  const parsed = parsePhoneNumberWithError(e164);
  return { region, e164, national: parsed.formatNational(), international: parsed.formatInternational() };
}

/** One written form of the number, and the form's name. */
export function writePhone(rng: Rng, phone: Phone): { text: string; form: string } {
  const cc = phone.international.split(' ')[0]!; // "+44"
  const rest = phone.international.slice(cc.length + 1);
  const form = rng.weighted<string>([
    ['national', 30], ['international', 22], ['e164', 10], ['national-dots', 5], ['national-dashes', 5],
    ['national-compact', 8], ['00-prefix', 6], ['international-dashes', 4], ['trunk-in-parens', 3], ['with-extension', 4], ['spaced-pairs', 3],
    ...(phone.international.startsWith('+1 ') ? ([['nanp-001', 3], ['nanp-parens', 6], ['nanp-1-dashes', 4]] as const) : []),
  ]);
  const nationalDigits = phone.national.replace(/\D/g, '');
  switch (form) {
    case 'national': return { text: phone.national, form };
    case 'international': return { text: phone.international, form };
    case 'e164': return { text: phone.e164, form };
    case 'national-dots': return { text: phone.national.replace(/[\s()-]+/g, '.').replace(/^\.|\.$/g, ''), form };
    case 'national-dashes': return { text: phone.national.replace(/[()]/g, '').trim().replace(/\s+/g, '-'), form };
    case 'national-compact': return { text: nationalDigits, form };
    case '00-prefix': return { text: `00${cc.slice(1)} ${rest}`, form };
    case 'international-dashes': return { text: `${cc}-${rest.replace(/\s+/g, '-')}`, form };
    case 'trunk-in-parens': return { text: `${cc} (0)${rest}`, form };
    case 'with-extension': return { text: `${phone.national} ${rng.pick(['ext. ', 'x', 'ext ', '#'])}${rng.int(10, 9999)}`, form };
    case 'nanp-001': return { text: `001-${nationalDigits.slice(0, 3)}-${nationalDigits.slice(3, 6)}-${nationalDigits.slice(6)}`, form };
    case 'nanp-parens': return { text: `+1 (${nationalDigits.slice(0, 3)}) ${nationalDigits.slice(3, 6)}-${nationalDigits.slice(6)}`, form };
    case 'nanp-1-dashes': return { text: `1-${nationalDigits.slice(0, 3)}-${nationalDigits.slice(3, 6)}-${nationalDigits.slice(6)}`, form };
    default: {
      const pairs = nationalDigits.match(/.{1,2}/g) ?? [nationalDigits];
      return { text: pairs.join(' '), form: 'spaced-pairs' };
    }
  }
}

/** The number read aloud in groups, the way callers do. */
export function speakPhone(rng: Rng, phone: Phone): string {
  const groups = phone.national.replace(/[()]/g, '').split(/[\s-]+/).filter(Boolean).map((g) => g.replace(/\D/g, ''));
  return speakGroups(groups.filter(Boolean), rng, randomStyle(rng));
}
