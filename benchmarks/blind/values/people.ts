/** People, e-mail addresses and postal addresses from the locales of @faker-js/faker, seeded per value. */
import { allFakers, type Faker } from '@faker-js/faker';
import type { CountryCode } from 'libphonenumber-js/max';
import type { Rng } from '../rng.js';

/** Locales with their phone region; weights favour the regions care teams serve, every locale appears. */
const LOCALES: [string, CountryCode, number][] = [
  ['en_US', 'US', 20], ['en_GB', 'GB', 6], ['en_CA', 'CA', 3], ['en_AU', 'AU', 3], ['en_IE', 'IE', 2], ['en_IN', 'IN', 3],
  ['en_ZA', 'ZA', 1], ['en_NG', 'NG', 1], ['en_GH', 'GH', 1], ['en_HK', 'HK', 1], ['de', 'DE', 4], ['de_AT', 'AT', 1], ['de_CH', 'CH', 1],
  ['fr', 'FR', 4], ['fr_BE', 'BE', 1], ['fr_CA', 'CA', 1], ['fr_CH', 'CH', 1], ['es', 'ES', 3], ['es_MX', 'MX', 3], ['it', 'IT', 3],
  ['nl', 'NL', 2], ['nl_BE', 'BE', 1], ['pt_BR', 'BR', 3], ['pt_PT', 'PT', 1], ['pl', 'PL', 2], ['sv', 'SE', 1], ['nb_NO', 'NO', 1],
  ['da', 'DK', 1], ['fi', 'FI', 1], ['cs_CZ', 'CZ', 1], ['sk', 'SK', 1], ['hu', 'HU', 1], ['ro', 'RO', 1], ['hr', 'HR', 1],
  ['sl_SI', 'SI', 1], ['sr_RS_latin', 'RS', 1], ['lv', 'LV', 1], ['tr', 'TR', 2], ['el', 'GR', 1], ['ru', 'RU', 2], ['uk', 'UA', 1],
  ['he', 'IL', 1], ['ar', 'SA', 1], ['fa', 'IR', 1], ['ur', 'PK', 1], ['hy', 'AM', 1], ['ka_GE', 'GE', 1], ['az', 'AZ', 1],
  ['ja', 'JP', 2], ['ko', 'KR', 1], ['zh_CN', 'CN', 2], ['zh_TW', 'TW', 1], ['vi', 'VN', 1], ['th', 'TH', 1], ['id_ID', 'ID', 1],
  ['ta_IN', 'IN', 1], ['bn_BD', 'BD', 1], ['ne', 'NP', 1], ['en_NP', 'NP', 1], ['yo_NG', 'NG', 1], ['zu_ZA', 'ZA', 1], ['af_ZA', 'ZA', 1],
  ['mk', 'MK', 1], ['mn_MN_cyrl', 'MN', 1], ['uz_UZ_latin', 'UZ', 1], ['ku_ckb', 'IQ', 1], ['dv', 'MV', 1], ['cy', 'GB', 1],
  ['eo', 'US', 1], ['en_AU_ocker', 'AU', 1],
];

export interface Locale {
  id: string;
  region: CountryCode;
}

export function randomLocale(rng: Rng): Locale {
  const [id, region] = rng.weighted(LOCALES.map((l) => [[l[0], l[1]] as const, l[2]] as const));
  return { id, region };
}

function fakerFor(locale: string, rng: Rng): Faker {
  const f = (allFakers as Record<string, Faker>)[locale];
  if (!f) throw new Error(`fakerFor: @faker-js/faker has no locale "${locale}"; use one of allFakers' keys`);
  f.seed(rng.int(0, 2 ** 31 - 1));
  return f;
}

export interface Person {
  first: string;
  last: string;
  middleInitial: string | undefined;
  title: string | undefined;
  email: string;
}

export function randomPerson(rng: Rng, locale: string): Person {
  const sex = rng.chance(0.5) ? 'female' : 'male';
  const first = orEnglish(rng, locale, (f) => f.person.firstName(sex));
  const last = orEnglish(rng, locale, (f) => f.person.lastName(sex));
  const middleInitial = rng.chance(0.1) ? String.fromCharCode(65 + rng.int(0, 25)) : undefined;
  const title = rng.chance(0.12) ? rng.pick(sex === 'female' ? ['Mrs.', 'Ms.', 'Dr.', 'Ms', 'Miss', 'Mrs'] : ['Mr.', 'Mr', 'Dr.', 'Dr']) : undefined;
  const en = fakerFor('en', rng);
  const latin = /^[\p{Script=Latin}'\- ]+$/u.test(first + last);
  const email = latin
    ? en.internet.email({ firstName: first, lastName: last }).toLowerCase()
    : en.internet.email().toLowerCase();
  return { first, last, middleInitial, title, email };
}

export interface Address {
  street: string;
  /** City, region and postcode as the locale writes them on one line. */
  cityLine: string;
  country: string;
}

/** Some locales lack some address data; the part they lack comes from the English data instead. */
function orEnglish<T>(rng: Rng, locale: string, get: (f: Faker) => T): T {
  try {
    return get(fakerFor(locale, rng));
  } catch {
    return get(fakerFor('en', rng));
  }
}

export function randomAddress(rng: Rng, locale: string): Address {
  const street = orEnglish(rng, locale, (f) => f.location.streetAddress(rng.chance(0.35)));
  const zip = orEnglish(rng, locale, (f) => f.location.zipCode());
  const city = orEnglish(rng, locale, (f) => f.location.city());
  const us = locale === 'en_US';
  const cityLine = us
    ? `${city}, ${fakerFor('en_US', rng).location.state({ abbreviated: true })} ${zip}`
    : rng.chance(0.5) ? `${zip} ${city}` : `${city} ${zip}`;
  return { street, cityLine, country: orEnglish(rng, locale, (f) => f.location.country()) };
}

/** Addresses faker's locales do not write: PO boxes and US military addresses. */
export function randomSpecialAddress(rng: Rng): { text: string; form: string } {
  if (rng.chance(0.5)) return { text: `${rng.pick(['PO Box', 'P.O. Box', 'POB'])} ${rng.int(10, 99999)}`, form: 'po-box' };
  return { text: `${rng.pick(['PSC', 'Unit', 'CMR'])} ${rng.int(1000, 9999)}, Box ${rng.int(100, 9999)}, ${rng.pick(['APO', 'FPO', 'DPO'])} ${rng.pick(['AE', 'AP', 'AA'])} ${rng.pick(['09', '96', '34'])}${rng.digits(3)}`, form: 'military' };
}
