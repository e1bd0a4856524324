import { createRequire } from 'node:module';
import type { Validator } from './types.js';

/**
 * National identifiers checked by `stdnum` (koblas/stdnum-js, the TypeScript port of python-stdnum): its
 * per-identifier modules hold the published check algorithms (Verhoeff, ISO 7064, weighted mod-11, date
 * parts), so caregate names them instead of re-deriving them. A module is required the first time its
 * validator runs: the whole library takes ~400 ms to load, one module a few milliseconds, and a desk that
 * never loads a pack never pays for it.
 */
interface StdnumModule {
  validate(value: string): { isValid: boolean };
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, StdnumModule>();

function stdnumModule(path: string): StdnumModule {
  let mod = loaded.get(path);
  if (!mod) {
    mod = require(`stdnum/lib/cjs/${path}.js`) as StdnumModule;
    loaded.set(path, mod);
  }
  return mod;
}

/** The candidate as stdnum expects it: no whitespace (its modules strip the separators they know). */
const compactText = (text: string) => text.replace(/\s+/g, '');

/** A validator that confirms a candidate when the stdnum module accepts it and drops it otherwise. */
export function stdnumValidator(path: string, prepare: (text: string) => string = compactText): Validator {
  return ({ text }) => stdnumModule(path).validate(prepare(text)).isValid;
}

/**
 * Finnish HETU: since 2023 the century sign may also be B–F (2000s) or U–Y (1900s). The check character
 * does not cover the sign, so the new signs are read as their classic equivalents before stdnum checks.
 */
function classicHetuSign(text: string): string {
  const t = compactText(text).toUpperCase();
  if (t.length !== 11) return t;
  const sign = t[6]!;
  const classic = 'BCDEF'.includes(sign) ? 'A' : 'UVWXY'.includes(sign) ? '-' : sign;
  return t.slice(0, 6) + classic + t.slice(7);
}

/** EU VAT numbers by their prefix (Greece writes EL), each checked by stdnum's module for that country. */
const EU_VAT_MODULES: Readonly<Record<string, string>> = {
  AT: 'at/uid', BE: 'be/vat', BG: 'bg/vat', CY: 'cy/vat', CZ: 'cz/dic', DE: 'de/vat', DK: 'dk/cvr', EE: 'ee/kmkr',
  EL: 'gr/vat', ES: 'es/nif', FI: 'fi/alv', FR: 'fr/tva', HR: 'hr/oib', HU: 'hu/anum', IE: 'ie/vat', IT: 'it/iva',
  LT: 'lt/pvm', LU: 'lu/tva', LV: 'lv/pvn', MT: 'mt/vat', NL: 'nl/btw', PL: 'pl/nip', PT: 'pt/nif', RO: 'ro/cif',
  SE: 'se/vat', SI: 'si/ddv', SK: 'sk/dph',
};

export const euVat: Validator = ({ text }) => {
  const t = compactText(text).toUpperCase();
  const path = EU_VAT_MODULES[t.slice(0, 2)];
  // Greece's modules expect the ISO code GR; the VAT prefix is EL.
  return path !== undefined && stdnumModule(path).validate(path === 'gr/vat' ? t.slice(2) : t).isValid;
};

/** Korean foreigner registration number: a valid RRN whose 7th digit (sex and century) is 5–8. */
const krRrn = stdnumValidator('kr/rrn');
export const krFrn: Validator = (input) => /^[5-8]$/.test(input.digits[6] ?? '') && krRrn(input) === true;
/** Korean resident registration number of a citizen (7th digit 1–4, 9, 0). */
export const krRrnCitizen: Validator = (input) => !/^[5-8]$/.test(input.digits[6] ?? '') && krRrn(input) === true;

/** Validator names → stdnum modules, for the identifier packs (rules/id-*.json, rules/eu-vat.json). */
export const STDNUM_VALIDATORS: Readonly<Record<string, Validator>> = Object.freeze({
  'in-aadhaar': stdnumValidator('in/aadhaar'),
  'in-pan': stdnumValidator('in/pan'),
  'in-gstin': stdnumValidator('in/gstin'),
  'in-epic': stdnumValidator('in/epic'),
  'es-dni': stdnumValidator('es/dni'),
  'es-nie': stdnumValidator('es/nie'),
  'it-codice-fiscale': stdnumValidator('it/codicefiscale'),
  'it-partita-iva': stdnumValidator('it/iva'),
  'pl-pesel': stdnumValidator('pl/pesel'),
  'sg-uen': stdnumValidator('sg/uen'),
  'au-abn': stdnumValidator('au/abn'),
  'au-acn': stdnumValidator('au/acn'),
  'au-tfn': stdnumValidator('au/tfn'),
  'fi-hetu': stdnumValidator('fi/hetu', classicHetuSign),
  'kr-rrn': krRrnCitizen,
  'kr-frn': krFrn,
  'kr-brn': stdnumValidator('kr/brn'),
  'th-tnin': stdnumValidator('th/idnr'),
  'ca-sin': stdnumValidator('ca/sin'),
  'br-cpf': stdnumValidator('br/cpf'),
  'br-cnpj': stdnumValidator('br/cnpj'),
  'mx-curp': stdnumValidator('mx/curp'),
  'mx-rfc': stdnumValidator('mx/rfc'),
  'de-steuer-id': stdnumValidator('de/idnr'),
  'fr-nir': stdnumValidator('fr/nir'),
  'nl-bsn': stdnumValidator('nl/bsn'),
  'be-national-number': stdnumValidator('be/nn'),
  'se-personnummer': stdnumValidator('se/personnummer'),
  'dk-cpr': stdnumValidator('dk/cpr'),
  'ie-ppsn': stdnumValidator('ie/pps'),
  'pt-nif': stdnumValidator('pt/nif'),
  'cn-resident-id': stdnumValidator('cn/ric'),
  'za-id': stdnumValidator('za/idnr'),
  'ar-dni': stdnumValidator('ar/dni'),
  'ar-cuit': stdnumValidator('ar/cuit'),
  'eu-vat': euVat,
});
