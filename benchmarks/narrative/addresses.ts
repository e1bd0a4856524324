/**
 * Postal addresses written as each country writes them: the street line (number before or after the
 * street, the street type in the country's language), unit lines, PO boxes, US military addresses, the
 * postcode-and-city line. Street names, cities and postcodes come from faker's locale; the shape of the
 * line is written here from how these countries address letters.
 *
 * Convention: only street-level addresses are labelled. A street line, with or without a unit, is an
 * address; so is a PO box or military line. A city, region or country alone is a place, not an address
 * (a hard negative). In an address block or an inline address, the postcode-and-city line and a country
 * line belong to the address.
 */
import type { Faker } from '@faker-js/faker';
import type { Rng } from '../blind/rng.js';
import { fakerFor } from './people.js';

export interface Address {
  locale: string;
  /** Region code (ISO 3166-1 alpha-2) of the country the address is in. */
  country: string;
  street: string;
  /** Flat, floor, suite, c/o… on its own line in a block, after the street line inline. */
  unit?: string;
  cityLine: string;
  /** `po-box`, `military`, or `street`. */
  kind: string;
  /** Whether the unit comes before the street line (UK `Flat 3, 12 High Street`). */
  unitFirst?: boolean;
  /** Whether the postcode line comes first (Japan: `〒100-0001 東京都…`). */
  cityFirst?: boolean;
  /** Written on one line with this joiner between street, unit and city line. */
  joiner: string;
}

const num = (rng: Rng, max = 250) => String(rng.chance(0.15) ? rng.int(1, 4000) : rng.int(1, max));
const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
/** A street name from faker's locale, without the type faker sometimes prefixes or appends. */
const bareStreet = (f: Faker) => f.location.street();
/** A Russian or Ukrainian street name without the type word faker puts before or after it. */
const bareRussian = (street: string) =>
  street.split(' ').filter((w) => !/^(ул\.|улица|пл\.|площадь|пер\.|переулок|пр\.|проспект|ш\.|шоссе|бульвар|б-р|наб\.|вул\.|вулиця|майдан|провулок|набережна|площа|проспект)$/i.test(w)).join(' ') || street;
/** A name to build a street from: a surname or a city of the locale. */
const streetRoot = (f: Faker, rng: Rng) => (rng.chance(0.5) ? f.person.lastName() : f.location.city().split(/[\s-]/)[0]!);

/** The locale's postcode; a few locales have none in faker, and get five digits. */
const zip = (f: Faker, format?: string) => {
  try {
    return f.location.zipCode(format);
  } catch {
    return f.string.numeric(5);
  }
};
/** The locale's region; a few locales have none in faker, and get a city. */
const state = (f: Faker, options?: { abbreviated: boolean }) => {
  try {
    return f.location.state(options);
  } catch {
    return f.location.city();
  }
};

type Style = (f: Faker, rng: Rng) => Omit<Address, 'locale' | 'country' | 'kind' | 'joiner'> & { joiner?: string };

const usUnit = (rng: Rng) => rng.pick([`Apt ${num(rng, 40)}`, `Apt. ${num(rng, 12)}${rng.letters(1)}`, `Suite ${rng.int(100, 950)}`, `Unit ${num(rng, 60)}`, `#${num(rng, 500)}`, `Fl ${rng.int(2, 30)}`, `Ste ${rng.int(100, 400)}`]);

const STYLES: Record<string, Style> = {
  US: (f, rng) => ({
    street: `${num(rng, 9999)} ${f.location.street()}`,
    unit: rng.chance(0.35) ? usUnit(rng) : undefined,
    cityLine: `${f.location.city()}, ${state(f, { abbreviated: true })} ${rng.chance(0.8) ? zip(f, '#####') : zip(f, '#####-####')}`,
  }),
  CA: (f, rng) => ({
    street: `${num(rng, 9999)} ${f.location.street()}`,
    unit: rng.chance(0.3) ? usUnit(rng) : undefined,
    cityLine: `${f.location.city()}${rng.chance(0.5) ? ',' : ''} ${state(f, { abbreviated: true })} ${zip(f)}`,
  }),
  GB: (f, rng) => ({
    street: `${num(rng, 180)} ${f.location.street()}`,
    unit: rng.chance(0.35) ? rng.pick([`Flat ${num(rng, 30)}`, `Flat ${rng.int(1, 9)}${rng.letters(1)}`, `Apartment ${num(rng, 90)}`]) : undefined,
    unitFirst: true,
    cityLine: `${f.location.city()}${rng.chance(0.3) ? ',' : ''} ${zip(f)}`,
  }),
  IE: (f, rng) => ({
    street: `${num(rng, 180)} ${f.location.street()}`,
    unit: rng.chance(0.25) ? `Apartment ${num(rng, 90)}` : undefined,
    unitFirst: true,
    cityLine: `${f.location.city()}, ${zip(f)}`,
  }),
  AU: (f, rng) => ({
    street: rng.chance(0.25) ? `${num(rng, 40)}/${num(rng, 300)} ${f.location.street()}` : `${num(rng, 300)} ${f.location.street()}`,
    unit: rng.chance(0.2) ? `Unit ${num(rng, 40)}` : undefined,
    unitFirst: true,
    cityLine: `${f.location.city()} ${state(f, { abbreviated: true })} ${zip(f)}`,
  }),
  IN: (f, rng) => ({
    street: `${rng.pick(['Flat', 'House No.', 'Plot'])} ${num(rng, 400)}, ${f.location.street()}`,
    unit: rng.chance(0.4) ? `${rng.pick(['Near', 'Opp.', 'Behind'])} ${f.location.street()}` : undefined,
    cityLine: `${f.location.city()} ${rng.chance(0.5) ? '- ' : ''}${zip(f)}`,
  }),
  ZA: (f, rng) => ({ street: `${num(rng, 300)} ${f.location.street()}`, cityLine: `${f.location.city()}, ${zip(f)}` }),
  DE: (f, rng) => ({
    street: `${rng.chance(0.5) ? bareStreet(f) : `${streetRoot(f, rng)}${rng.pick(['straße', 'str.', 'weg', 'allee', 'ring', 'gasse'])}`} ${num(rng, 180)}${rng.chance(0.1) ? rng.pick(['a', 'b', 'c']) : ''}`,
    unit: rng.chance(0.25) ? rng.pick([`Wohnung ${num(rng, 40)}`, `${rng.int(1, 6)}. OG`, 'Hinterhaus', `App. ${num(rng, 80)}`, `Whg. ${num(rng, 30)}`]) : undefined,
    cityLine: `${rng.chance(0.05) ? 'D-' : ''}${zip(f)} ${f.location.city()}`,
  }),
  AT: (f, rng) => ({
    street: `${bareStreet(f)} ${num(rng, 120)}${rng.chance(0.35) ? `/${rng.int(1, 9)}/${rng.int(1, 30)}` : ''}`,
    cityLine: `${zip(f)} ${f.location.city()}`,
  }),
  CH: (f, rng) => ({ street: `${bareStreet(f)} ${num(rng, 120)}`, cityLine: `${rng.chance(0.2) ? 'CH-' : ''}${zip(f)} ${f.location.city()}` }),
  FR: (f, rng) => ({
    street: `${num(rng, 150)}${rng.chance(0.08) ? ' bis' : ''}${rng.chance(0.5) ? ',' : ''} ${rng.chance(0.5) ? f.location.street() : `${rng.pick(['rue', 'avenue', 'boulevard', 'bd', 'av.', 'chemin', 'impasse', 'allée', 'place', 'quai', 'rue de la', 'rue du', 'route de'])} ${streetRoot(f, rng)}`}`,
    unit: rng.chance(0.3) ? rng.pick([`Bât. ${rng.letters(1)}`, `Appt ${num(rng, 60)}`, `${rng.int(1, 8)}e étage`, `Résidence ${f.person.lastName()}`, `Escalier ${rng.letters(1)}`]) : undefined,
    unitFirst: rng.chance(0.5),
    cityLine: `${zip(f)} ${rng.chance(0.4) ? f.location.city().toUpperCase() : f.location.city()}`,
  }),
  BE: (f, rng) => ({
    street: `${f.location.street()} ${num(rng, 200)}${rng.chance(0.3) ? ` ${rng.pick(['bte', 'bus', 'boîte'])} ${rng.int(1, 30)}` : ''}`,
    cityLine: `${zip(f)} ${f.location.city()}`,
  }),
  CAF: (f, rng) => ({
    street: `${num(rng, 9999)}, ${rng.pick(['rue', 'boulevard', 'avenue', 'chemin'])} ${streetRoot(f, rng)}${rng.chance(0.3) ? ` ${rng.pick(['Est', 'Ouest', 'Nord', 'Sud'])}` : ''}`,
    unit: rng.chance(0.3) ? `app. ${num(rng, 60)}` : undefined,
    cityLine: `${f.location.city()} (${state(f)}) ${zip(f)}`,
  }),
  ES: (f, rng) => ({
    street: `${rng.pick(['Calle', 'C/', 'Avenida', 'Avda.', 'Plaza', 'Paseo', 'Camino', 'Ronda', 'Travesía'])} ${rng.chance(0.4) ? 'de ' : ''}${streetRoot(f, rng)}${rng.chance(0.6) ? ',' : ''} ${num(rng, 150)}${rng.chance(0.5) ? `, ${rng.int(1, 9)}º ${rng.pick(['A', 'B', 'C', 'D', 'izq.', 'dcha.'])}` : ''}`,
    cityLine: `${zip(f)} ${f.location.city()}`,
  }),
  MX: (f, rng) => ({
    street: `${rng.pick(['Calle', 'Av.', 'Avenida', 'Blvd.', 'Andador', 'Privada'])} ${streetRoot(f, rng)} ${num(rng, 999)}${rng.chance(0.3) ? ` Int. ${num(rng, 30)}` : ''}`,
    unit: rng.chance(0.6) ? `Col. ${f.person.lastName()}` : undefined,
    cityLine: `${zip(f)} ${f.location.city()}, ${state(f, { abbreviated: true })}`,
  }),
  IT: (f, rng) => ({
    street: `${rng.pick(['Via', 'Viale', 'Piazza', 'Corso', 'Vicolo', 'Largo', 'via', 'P.za', 'V.le'])} ${streetRoot(f, rng)}${rng.chance(0.5) ? ',' : ''} ${num(rng, 200)}${rng.chance(0.1) ? '/A' : ''}`,
    unit: rng.chance(0.25) ? rng.pick([`int. ${num(rng, 30)}`, `scala ${rng.letters(1)}`, `piano ${rng.int(1, 8)}`]) : undefined,
    cityLine: `${zip(f)} ${f.location.city()}${rng.chance(0.6) ? ` (${rng.letters(2)})` : ''}`,
  }),
  NL: (f, rng) => ({
    street: `${rng.chance(0.5) ? f.location.street() : `${streetRoot(f, rng)}${rng.pick(['straat', 'laan', 'weg', 'plein', 'gracht', 'kade', 'singel', 'dijk'])}`} ${num(rng, 300)}${rng.chance(0.2) ? rng.pick(['a', '-II', ' hs', '-1', ' bis']) : ''}`,
    cityLine: `${zip(f)} ${rng.chance(0.3) ? f.location.city().toUpperCase() : f.location.city()}`,
  }),
  PT: (f, rng) => ({
    street: `${rng.pick(['Rua', 'R.', 'Avenida', 'Av.', 'Travessa', 'Praça', 'Largo', 'Estrada'])} ${rng.pick(['de', 'do', 'da', 'dos'])} ${streetRoot(f, rng)}${rng.chance(0.5) ? ',' : ''} ${num(rng, 400)}${rng.chance(0.4) ? `, ${rng.int(1, 9)}º ${rng.pick(['Esq.', 'Dto.', 'Frente', 'A'])}` : ''}`,
    cityLine: `${zip(f)} ${f.location.city()}`,
  }),
  BR: (f, rng) => ({
    street: `${rng.pick(['Rua', 'R.', 'Avenida', 'Av.', 'Travessa', 'Alameda', 'Estrada'])} ${streetRoot(f, rng)}, ${num(rng, 3000)}${rng.chance(0.4) ? ` - ${rng.pick(['Apto', 'apto', 'ap.', 'Casa', 'Bloco B'])} ${num(rng, 120)}` : ''}`,
    unit: rng.chance(0.4) ? `${rng.pick(['Bairro', 'Jd.', 'Vila'])} ${f.person.lastName()}` : undefined,
    cityLine: `${rng.chance(0.5) ? 'CEP ' : ''}${zip(f)} ${f.location.city()} - ${state(f, { abbreviated: true })}`,
  }),
  PL: (f, rng) => ({
    street: `${rng.pick(['ul.', 'ul.', 'al.', 'pl.', 'os.'])} ${streetRoot(f, rng)} ${num(rng, 120)}${rng.chance(0.5) ? rng.pick([`/${rng.int(1, 80)}`, ` m. ${rng.int(1, 80)}`, ` lok. ${rng.int(1, 20)}`]) : ''}`,
    cityLine: `${zip(f)} ${f.location.city()}`,
  }),
  SE: (f, rng) => ({
    street: `${streetRoot(f, rng)}${rng.pick(['gatan', 'vägen', 'gränd', 'stigen', ' torg'])} ${num(rng, 90)}${rng.chance(0.2) ? rng.pick(['A', 'B']) : ''}`,
    unit: rng.chance(0.3) ? rng.pick([`lgh ${rng.int(1001, 1705)}`, `${rng.int(1, 6)} tr`, `c/o ${f.person.lastName()}`]) : undefined,
    cityLine: `${zip(f, '### ##')} ${rng.chance(0.5) ? f.location.city().toUpperCase() : f.location.city()}`,
  }),
  NO: (f, rng) => ({ street: `${f.location.street()} ${num(rng, 90)}${rng.chance(0.2) ? 'B' : ''}`, cityLine: `${zip(f)} ${f.location.city().toUpperCase()}` }),
  DK: (f, rng) => ({ street: `${f.location.street()} ${num(rng, 120)}${rng.chance(0.4) ? `, ${rng.int(1, 5)}. ${rng.pick(['tv', 'th', 'mf'])}` : ''}`, cityLine: `${zip(f)} ${f.location.city()}` }),
  FI: (f, rng) => ({
    street: `${streetRoot(f, rng)}${rng.pick(['katu', 'tie', 'kuja', 'polku'])} ${num(rng, 120)}${rng.chance(0.5) ? ` ${rng.pick(['A', 'B', 'C'])} ${rng.int(1, 40)}` : ''}`,
    cityLine: `${zip(f)} ${f.location.city().toUpperCase()}`,
  }),
  CZ: (f, rng) => ({ street: `${f.location.street()} ${rng.int(100, 2999)}/${rng.int(1, 60)}`, cityLine: `${zip(f)} ${f.location.city()}` }),
  SK: (f, rng) => ({ street: `${f.location.street()} ${num(rng, 120)}`, cityLine: `${zip(f)} ${f.location.city()}` }),
  HU: (f, rng) => ({ street: `${f.location.street()} ${num(rng, 120)}.${rng.chance(0.4) ? ` ${rng.int(1, 8)}. em. ${rng.int(1, 12)}.` : ''}`, cityLine: `${zip(f)} ${f.location.city()}` }),
  RO: (f, rng) => ({
    street: `${rng.pick(['Str.', 'Strada', 'Bd.', 'Calea', 'Aleea'])} ${streetRoot(f, rng)} nr. ${num(rng, 120)}${rng.chance(0.5) ? `, bl. ${rng.letters(1)}${rng.int(1, 9)}, sc. ${rng.int(1, 4)}, ap. ${rng.int(1, 60)}` : ''}`,
    cityLine: `${zip(f)} ${f.location.city()}`,
  }),
  TR: (f, rng) => ({ street: `${f.location.street()} No: ${num(rng, 120)}${rng.chance(0.5) ? ` D: ${rng.int(1, 30)}` : ''}`, cityLine: `${zip(f)} ${f.location.city()}/${state(f)}` }),
  GR: (f, rng) => ({ street: `${f.location.street()} ${num(rng, 120)}`, cityLine: `${zip(f)} ${f.location.city()}` }),
  RU: (f, rng) => ({
    street: `${rng.pick(['ул.', 'улица', 'пр-т', 'пер.'])} ${bareRussian(f.location.street())}, д. ${num(rng, 120)}${rng.chance(0.6) ? `, кв. ${rng.int(1, 300)}` : ''}`,
    cityLine: rng.chance(0.5) ? `г. ${f.location.city()}, ${zip(f)}` : `${zip(f)}, г. ${f.location.city()}`,
  }),
  UA: (f, rng) => ({ street: `вул. ${bareRussian(f.location.street())}, ${num(rng, 120)}${rng.chance(0.5) ? `, кв. ${rng.int(1, 200)}` : ''}`, cityLine: `м. ${f.location.city()}, ${zip(f)}` }),
  JP: (f, rng) => ({
    street: `${state(f)}${f.location.city()}${rng.int(1, 9)}丁目${rng.int(1, 30)}番${rng.int(1, 20)}号${rng.chance(0.4) ? ` ${f.person.lastName()}ハイツ${rng.int(101, 905)}号室` : ''}`,
    cityLine: `〒${zip(f)}`,
    cityFirst: true,
    joiner: ' ',
  }),
  CN: (f, rng) => ({ street: `${state(f)}${f.location.city()}${f.location.street()}${rng.int(1, 300)}号${rng.chance(0.4) ? `${rng.int(1, 9)}单元${rng.int(101, 2805)}室` : ''}`, cityLine: `邮编 ${zip(f)}`, joiner: ' ' }),
  TW: (f, rng) => ({ street: `${f.location.city()}${f.location.street()}${rng.int(1, 300)}號${rng.chance(0.4) ? `${rng.int(2, 20)}樓` : ''}`, cityLine: zip(f), joiner: ' ' }),
  KR: (f, rng) => ({ street: `${state(f)} ${f.location.city()} ${f.location.street()} ${rng.int(1, 300)}${rng.chance(0.4) ? `, ${rng.int(101, 120)}동 ${rng.int(101, 2505)}호` : ''}`, cityLine: zip(f) }),
  IL: (f, rng) => ({ street: `${f.location.street()} ${num(rng, 120)}`, cityLine: `${f.location.city()} ${zip(f)}` }),
  AR: (f, rng) => ({ street: `${f.location.street()} ${num(rng, 120)}`, cityLine: `${f.location.city()} ${zip(f)}`, joiner: '، ' }),
  HK: (f, rng) => ({
    street: `${rng.chance(0.5) ? `Flat ${rng.letters(1)}, ${rng.int(2, 40)}/F, ` : ''}${num(rng, 300)} ${f.location.street()}`,
    cityLine: `${f.location.city()}, ${rng.pick(['Kowloon', 'Hong Kong', 'New Territories'])}`,
  }),
  VN: (f, rng) => ({ street: `${rng.chance(0.5) ? 'Số ' : ''}${num(rng, 300)} ${f.location.street()}`, cityLine: `${f.location.city()}` }),
  GENERIC: (f, rng) => ({ street: `${f.location.street()} ${num(rng, 120)}`, cityLine: `${zip(f)} ${f.location.city()}` }),
};

/** Faker locale → country style. Locales not listed write `street number, postcode city`. */
const LOCALE_COUNTRY: Record<string, [string, string]> = {
  en: ['US', 'US'], en_US: ['US', 'US'], en_CA: ['CA', 'CA'], en_GB: ['GB', 'GB'], en_IE: ['IE', 'IE'], en_AU: ['AU', 'AU'],
  en_AU_ocker: ['AU', 'AU'], en_IN: ['IN', 'IN'], en_ZA: ['ZA', 'ZA'], af_ZA: ['ZA', 'ZA'], zu_ZA: ['ZA', 'ZA'], en_NG: ['ZA', 'NG'], en_GH: ['ZA', 'GH'],
  de: ['DE', 'DE'], de_AT: ['AT', 'AT'], de_CH: ['CH', 'CH'], fr: ['FR', 'FR'], fr_BE: ['BE', 'BE'], nl_BE: ['BE', 'BE'], fr_CH: ['CH', 'CH'],
  fr_LU: ['FR', 'LU'], fr_CA: ['CAF', 'CA'], fr_SN: ['FR', 'SN'], es: ['ES', 'ES'], es_MX: ['MX', 'MX'], it: ['IT', 'IT'], nl: ['NL', 'NL'],
  pt_PT: ['PT', 'PT'], pt_BR: ['BR', 'BR'], pl: ['PL', 'PL'], sv: ['SE', 'SE'], nb_NO: ['NO', 'NO'], da: ['DK', 'DK'], fi: ['FI', 'FI'],
  cs_CZ: ['CZ', 'CZ'], sk: ['SK', 'SK'], hu: ['HU', 'HU'], ro: ['RO', 'RO'], ro_MD: ['RO', 'MD'], tr: ['TR', 'TR'], el: ['GR', 'GR'],
  ru: ['RU', 'RU'], uk: ['UA', 'UA'], ja: ['JP', 'JP'], zh_CN: ['CN', 'CN'], zh_TW: ['TW', 'TW'], ko: ['KR', 'KR'], he: ['IL', 'IL'],
  ar: ['AR', 'SA'], fa: ['AR', 'IR'], ur: ['AR', 'PK'], hr: ['GENERIC', 'HR'], sl_SI: ['GENERIC', 'SI'], sr_RS_latin: ['GENERIC', 'RS'],
  lv: ['GENERIC', 'LV'], mk: ['GENERIC', 'MK'], az: ['GENERIC', 'AZ'], hy: ['GENERIC', 'AM'], ka_GE: ['GENERIC', 'GE'], id_ID: ['GENERIC', 'ID'],
  vi: ['VN', 'VN'], th: ['GENERIC', 'TH'], uz_UZ_latin: ['GENERIC', 'UZ'], dv: ['GENERIC', 'MV'], ne: ['GENERIC', 'NP'], en_NP: ['IN', 'NP'],
  en_HK: ['HK', 'HK'],
};

export function randomAddress(locale: string, rng: Rng): Address {
  const [style, country] = LOCALE_COUNTRY[locale] ?? ['GENERIC', 'US'];
  const f = fakerFor(locale, rng);
  const a = STYLES[style]!(f, rng);
  const joiner = a.joiner ?? ', ';
  const tidy = (t: string) => t.replace(/\s+/g, ' ').trim();
  return { locale, country, kind: 'street', ...a, street: tidy(a.street), cityLine: tidy(a.cityLine), ...(a.unit ? { unit: tidy(a.unit) } : {}), joiner };
}

/** A US PO box or a military (APO/FPO/DPO) address. */
export function randomUsSpecial(rng: Rng): Address {
  const f = fakerFor('en_US', rng);
  if (rng.chance(0.5)) {
    return {
      locale: 'en_US', country: 'US', kind: 'po-box', joiner: ', ',
      street: `${rng.pick(['PO Box', 'P.O. Box', 'P. O. Box', 'Post Office Box', 'POB'])} ${rng.int(1, 99999)}`,
      cityLine: `${f.location.city()}, ${state(f, { abbreviated: true })} ${zip(f, '#####')}`,
    };
  }
  const [mail, area] = [rng.pick(['APO', 'FPO', 'DPO']), rng.pick(['AE', 'AP', 'AA'])];
  const code = area === 'AA' ? `340${rng.digits(2)}` : area === 'AE' ? `09${rng.digits(3)}` : `96${rng.digits(3)}`;
  return {
    locale: 'en_US', country: 'US', kind: 'military', joiner: ', ',
    street: rng.pick([`PSC ${rng.int(1000, 9999)}, Box ${rng.int(1, 9999)}`, `Unit ${rng.int(1000, 9999)} Box ${rng.int(1, 9999)}`, `CMR ${rng.int(400, 499)} Box ${rng.int(1, 9999)}`, `USNS ${cap(f.person.lastName())}`]),
    cityLine: `${mail} ${area} ${code}`,
  };
}

/** How each country's post writes a post-office box. */
const PO_BOX: Record<string, string[]> = {
  DE: ['Postfach'], AT: ['Postfach'], CH: ['Postfach', 'Case postale'], FR: ['BP', 'Boîte postale', 'CS'], BE: ['BP', 'Postbus'],
  CAF: ['C.P.', 'Case postale'], ES: ['Apartado de Correos', 'Apdo.'], MX: ['Apartado Postal', 'A.P.'], IT: ['Casella Postale', 'C.P.'],
  NL: ['Postbus'], PT: ['Apartado'], BR: ['Caixa Postal', 'C.P.'], PL: ['skr. poczt.', 'Skrytka pocztowa'], SE: ['Box'], DK: ['Postboks'],
  NO: ['Postboks'], FI: ['PL'], CZ: ['P. O. Box', 'poštovní přihrádka'], TR: ['P.K.'], GB: ['PO Box', 'P.O. Box'], IE: ['PO Box'],
  AU: ['PO Box', 'GPO Box'], CA: ['PO Box'], ZA: ['PO Box', 'Private Bag'], IN: ['P.O. Box', 'Post Box No.'],
};

/** A post-office box of the locale's country with its postcode-and-city line; `undefined` where none is known. */
export function randomPoBox(locale: string, rng: Rng): Address | undefined {
  const [style] = LOCALE_COUNTRY[locale] ?? ['GENERIC'];
  const words = PO_BOX[style];
  if (!words) return undefined;
  const a = randomAddress(locale, rng);
  const { unit: _unit, ...rest } = a;
  // German boxes are often written in pairs of digits (`Postfach 10 12 34`).
  const grouped = (style === 'DE' || style === 'AT') && rng.chance(0.4);
  const number = grouped ? `${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}` : String(rng.int(1, 9999));
  return { ...rest, kind: 'po-box', street: `${rng.pick(words)} ${number}` };
}

/** The lines of an address, top to bottom, with the form of each line's label. */
export function addressLines(a: Address): { text: string; form: string }[] {
  const lines = [{ text: a.street, form: `${a.kind}-line` }];
  if (a.unit) {
    if (a.unitFirst) lines.unshift({ text: a.unit, form: 'unit-line' });
    else lines.push({ text: a.unit, form: 'unit-line' });
  }
  const city = { text: a.cityLine, form: 'city-line' };
  return a.cityFirst ? [city, ...lines] : [...lines, city];
}

/** The address on one line, as written inside a sentence. */
export function inlineAddress(a: Address, withCity: boolean): string {
  const street = a.unit ? (a.unitFirst ? `${a.unit}, ${a.street}` : `${a.street}${a.joiner}${a.unit}`) : a.street;
  if (!withCity) return street;
  return a.cityFirst ? `${a.cityLine}${a.joiner}${street}` : `${street}${a.joiner}${a.cityLine}`;
}
