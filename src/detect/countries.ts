import { readFileSync } from 'node:fs';
import { CaregateError } from '../errors.js';

/**
 * Country and territory names, for the names detector (a run that is a country is a place) and the address
 * grammar (a country ends an address). One source for both: the Unicode CLDR territory names in the runtime's
 * ICU (Intl.DisplayNames), read at load time for a lexicon's locales or written once to a list file
 * (rules/lexicons/build-countries.mjs writes countries.txt with cldrRegionNames).
 */

/** Every pair of capitals: ISO 3166-1 alpha-2 codes and CLDR's other region codes among them. */
export const REGION_CODES: readonly string[] = Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)));

/** Region codes that name no country or territory (unknown, pseudo-locales, unions, outlying Oceania). */
const NOT_COUNTRY = new Set(['ZZ', 'XA', 'XB', 'EU', 'EZ', 'UN', 'QO']);

/** The codes of countries and territories: REGION_CODES without unions, pseudo-regions and the unknown one. */
export const COUNTRY_CODES: readonly string[] = REGION_CODES.filter((c) => !NOT_COUNTRY.has(c));

/**
 * The CLDR names of the regions `codes` in a locale, in the codes' order, as the runtime's ICU writes them
 * (Node ships full ICU); codes CLDR does not name are skipped, and a locale the runtime lacks gives none.
 */
export function cldrRegionNames(locale: string, codes: readonly string[] = REGION_CODES): string[] {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const code of codes) {
    let name: string | undefined;
    try {
      name = names.of(code);
    } catch {
      continue;
    }
    if (name) out.push(name);
  }
  return out;
}

/**
 * Country names as an address writes them, in a locale: names with brackets or commas ("Congo (DRC)",
 * "Korea, South") are written otherwise in addresses and are left out.
 */
export function addressCountryNames(locale: string): string[] {
  return cldrRegionNames(locale, COUNTRY_CODES).filter((name) => !/[(),]/.test(name));
}

/** Lists read during the current synchronous task (one createRedactor reads a list for several lexicons); dropped after it. */
const lists = new Map<string, string[]>();
let clearing = false;

/** A list file of country names, one a line (countries.txt), read once per file; lines trimmed, blank ones dropped. */
export function readCountryList(file: string, where: string): string[] {
  let names = lists.get(file);
  if (!names) {
    try {
      names = readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    } catch (err) {
      throw new CaregateError('E_LEXICON_READ', `${where}: cannot read word list ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}; name a file beside the lexicon`, { file });
    }
    lists.set(file, names);
    if (!clearing) {
      clearing = true;
      queueMicrotask(() => {
        lists.clear();
        clearing = false;
      });
    }
  }
  return names;
}
