import fc from 'fast-check';
import {
  ALNUM, DIGITS, LETTERS, birthDate, bitcoinSample, chars, checked, ddmmyy, digits, ethereumSample, group, yymmdd, type Sample,
} from './generators.js';

/**
 * Every checksummed entity of the identifier packs: how to generate valid values (and their broken twins),
 * which rules may report them, and the context phrase put before them when their rule requires one.
 */
export interface EntitySpec {
  entity: string;
  rules: string[];
  sample: fc.Arbitrary<Sample>;
  /** Wording put right before the value; '' when the shape and check are enough on their own. */
  context: string;
}

const cat = (...parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((p) => p.join(''));
const lit = (s: string) => fc.constant(s);
const oneOf = (...s: string[]) => fc.constantFrom(...s);
const sp = (sizes: number[], sep = ' ') => (v: string) => group(v, sizes, sep);

/** Codice fiscale omocodia: digits at the numeric positions may be written as L M N P Q R S T U V. */
const OMOCODIA = 'LMNPQRSTUV';
const omocodia = (cf: string, mask: number) =>
  [...cf].map((c, i) => ([6, 7, 9, 10, 12, 13, 14].includes(i) && mask & (1 << i % 7) && /\d/.test(c) ? OMOCODIA[Number(c)]! : c)).join('');

const CURP_STATES = ['AS', 'BC', 'BS', 'CC', 'CL', 'CM', 'CS', 'CH', 'DF', 'DG', 'GT', 'GR', 'HG', 'JC', 'MC', 'MN', 'MS', 'NT', 'NL', 'OC', 'PL', 'QT', 'QR', 'SP', 'SL', 'SR', 'TC', 'TS', 'TL', 'VZ', 'YN', 'ZS'];
const CONSONANTS = 'BCDFGHJKLMNPQRSTVWXYZ';
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const MBI_LETTERS = 'ACDEFGHJKMNPQRTUVWXY';

/** Steuer-ID body: ten digits, the first not 0, exactly one digit twice and the rest once. */
const steuerBody = fc.tuple(fc.shuffledSubarray([...DIGITS], { minLength: 9, maxLength: 9 }), fc.nat(8), fc.nat(9)).map(([nine, dup, at]) => {
  const ten = [...nine];
  ten.splice(at, 0, nine[dup]!);
  if (ten[0] === '0') ten.push(ten.shift()!);
  return ten.join('');
});

export const ENTITIES: EntitySpec[] = [
  { entity: 'UK_NHS', rules: ['gb-nhs-number'], context: 'NHS number', sample: checked('gb-nhs', cat(digits(9), lit('?')), DIGITS, sp([3, 3, 4])) },
  { entity: 'IN_AADHAAR', rules: ['in-aadhaar'], context: 'Aadhaar', sample: checked('in-aadhaar', cat(oneOf(...'23456789'), digits(10), lit('?')), DIGITS, sp([4, 4, 4])) },
  { entity: 'IN_GSTIN', rules: ['in-gstin'], context: '', sample: checked('in-gstin', cat(oneOf('27', '29', '07', '33', '19'), chars(3, LETTERS), oneOf(...'ABCFGHJLPT'), chars(1, LETTERS), digits(4), chars(1, LETTERS), oneOf(...'123456789'), lit('Z?')), ALNUM) },
  { entity: 'IN_VOTER', rules: ['in-voter-id'], context: 'voter id', sample: checked('in-epic', cat(chars(3, LETTERS), digits(6), lit('?'))) },
  { entity: 'ES_NIF', rules: ['es-dni'], context: '', sample: checked('es-dni', cat(digits(8), lit('?')), LETTERS) },
  { entity: 'ES_NIE', rules: ['es-nie'], context: '', sample: checked('es-nie', cat(oneOf('X', 'Y', 'Z'), digits(7), lit('?')), LETTERS) },
  {
    entity: 'IT_FISCAL_CODE', rules: ['it-fiscal-code'], context: '',
    sample: fc.tuple(checked('it-codice-fiscale', cat(chars(6, 'BCDFGLMNPRSTVZ'), digits(2), oneOf(...'ABCDEHLMPRST'), oneOf('01', '12', '23', '28', '41', '55', '68'), oneOf('F', 'H', 'L', 'A'), digits(3), lit('?')), LETTERS), fc.nat(127))
      .map(([s, mask]) => ({ s, mask }))
      .chain(({ s, mask }) => {
        // Written with omocodia half of the time; the check character is recomputed for the substituted form.
        const body = omocodia(s.value.slice(0, 15), mask);
        return body === s.value.slice(0, 15) ? fc.constant(s) : checked('it-codice-fiscale', fc.constant(`${body}?`), LETTERS);
      }),
  },
  { entity: 'IT_VAT_CODE', rules: ['it-vat-code'], context: 'partita IVA', sample: checked('it-partita-iva', cat(digits(7), oneOf('001', '015', '037', '058', '096'), lit('?'))) },
  {
    entity: 'PL_PESEL', rules: ['pl-pesel'], context: 'PESEL',
    sample: checked('pl-pesel', fc.tuple(birthDate, digits(4)).map(([d, r]) => `${String(d.year % 100).padStart(2, '0')}${String(d.month + (d.year >= 2000 ? 20 : 0)).padStart(2, '0')}${String(d.day).padStart(2, '0')}${r}?`)),
  },
  { entity: 'SG_NRIC_FIN', rules: ['sg-nric-fin'], context: '', sample: checked('sg-nric', cat(oneOf('S', 'T', 'F', 'G'), digits(7), lit('?')), LETTERS) },
  { entity: 'SG_UEN', rules: ['sg-uen'], context: 'UEN', sample: checked('sg-uen', cat(fc.integer({ min: 1990, max: 2023 }).map(String), digits(5), lit('?')), LETTERS) },
  { entity: 'AU_ABN', rules: ['au-abn'], context: 'ABN', sample: checked('au-abn', cat(lit('??'), digits(9)), DIGITS, sp([2, 3, 3, 3])) },
  { entity: 'AU_ACN', rules: ['au-acn'], context: 'ACN', sample: checked('au-acn', cat(digits(8), lit('?')), DIGITS, sp([3, 3, 3])) },
  { entity: 'AU_TFN', rules: ['au-tfn'], context: 'TFN', sample: checked('au-tfn', cat(digits(8), lit('?')), DIGITS, sp([3, 3, 3])) },
  { entity: 'AU_MEDICARE', rules: ['au-medicare'], context: 'Medicare card', sample: checked('au-medicare', cat(oneOf(...'23456'), digits(7), lit('?'), oneOf(...'123456789')), DIGITS, sp([4, 5, 1])) },
  {
    entity: 'FI_PERSONAL_IDENTITY_CODE', rules: ['fi-hetu'], context: '',
    sample: checked('fi-hetu', fc.tuple(birthDate, digits(3)).map(([d, n]) => `${ddmmyy(d)}${d.year >= 2000 ? 'ABCDEF'[d.day % 6] : '-UVWXY'[d.day % 6]}${n === '000' || n === '001' ? '123' : n}?`), '0123456789ABCDEFHJKLMNPRSTUVWXY'),
  },
  { entity: 'KR_RRN', rules: ['kr-rrn'], context: '', sample: checked('kr-rrn', fc.tuple(birthDate, digits(5)).map(([d, r]) => `${yymmdd(d)}${d.year >= 2000 ? '3' : '1'}${r}?`), DIGITS, sp([6, 7], '-')) },
  { entity: 'KR_FRN', rules: ['kr-frn'], context: '', sample: checked('kr-frn', fc.tuple(birthDate, digits(5)).map(([d, r]) => `${yymmdd(d)}${d.year >= 2000 ? '7' : '5'}${r}?`), DIGITS, sp([6, 7], '-')) },
  { entity: 'KR_BRN', rules: ['kr-brn'], context: 'business registration number', sample: checked('kr-brn', cat(oneOf(...'123456789'), digits(8), lit('?')), DIGITS, sp([3, 2, 5], '-')) },
  { entity: 'TH_TNIN', rules: ['th-tnin'], context: 'Thai ID', sample: checked('th-tnin', cat(oneOf(...'12345678'), digits(11), lit('?')), DIGITS, sp([1, 4, 5, 2, 1])) },
  { entity: 'CA_SIN', rules: ['ca-sin'], context: 'SIN', sample: checked('ca-sin', cat(oneOf(...'1234567'), digits(7), lit('?')), DIGITS, sp([3, 3, 3])) },
  { entity: 'BR_CPF', rules: ['br-cpf'], context: '', sample: checked('br-cpf', cat(digits(9), lit('??')), DIGITS, (v) => `${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}-${v.slice(9)}`) },
  {
    entity: 'BR_CNPJ', rules: ['br-cnpj'], context: '',
    sample: checked('br-cnpj', fc.oneof(cat(digits(8), lit('0001'), lit('??')), cat(chars(8, ALNUM), chars(4, ALNUM), lit('??'))), DIGITS, (v) => `${v.slice(0, 2)}.${v.slice(2, 5)}.${v.slice(5, 8)}/${v.slice(8, 12)}-${v.slice(12)}`),
  },
  { entity: 'BR_CPF', rules: ['br-cpf-unformatted'], context: 'CPF', sample: checked('br-cpf', cat(digits(9), lit('??'))) },
  { entity: 'BR_CNPJ', rules: ['br-cnpj-unformatted'], context: 'CNPJ', sample: checked('br-cnpj', fc.oneof(cat(digits(8), lit('0001??')), cat(chars(12, ALNUM), lit('??')))) },
  {
    entity: 'MX_CURP', rules: ['mx-curp'], context: '',
    sample: checked('mx-curp', fc.tuple(oneOf(...'BCDFGHLMNPRSTV'), oneOf(...'AEIOU'), chars(2, 'BCDFGLMNPRSTV'), birthDate, oneOf('H', 'M'), oneOf(...CURP_STATES), chars(3, CONSONANTS)).map(([a, b, c, d, s, st, k]) => `${a}${b}${c}${yymmdd(d)}${s}${st}${k}${d.year >= 2000 ? 'A' : '0'}?`)),
  },
  { entity: 'MX_RFC', rules: ['mx-rfc'], context: '', sample: checked('mx-rfc', fc.tuple(chars(4, 'BCDFGLMNPRSTV'), birthDate, chars(2, 'ABCDEFGHJKLMNPRSTUVWXYZ123456789')).map(([l, d, h]) => `${l}${yymmdd(d)}${h}?`), DIGITS + 'A') },
  { entity: 'DE_TAX_ID', rules: ['de-steuer-id'], context: 'Steuer-ID', sample: checked('de-steuer-id', cat(steuerBody, lit('?')), DIGITS, sp([2, 3, 3, 3])) },
  {
    entity: 'FR_NIR', rules: ['fr-nir'], context: '',
    sample: checked('fr-nir', fc.tuple(oneOf('1', '2'), birthDate, fc.integer({ min: 1, max: 95 }).filter((n) => n !== 20), digits(3), digits(3)).map(([s, d, dep, c, o]) => `${s}${String(d.year % 100).padStart(2, '0')}${String(d.month).padStart(2, '0')}${String(dep).padStart(2, '0')}${c}${o}??`), DIGITS, sp([1, 2, 2, 2, 3, 3, 2])),
  },
  { entity: 'NL_BSN', rules: ['nl-bsn'], context: 'BSN', sample: checked('nl-bsn', cat(oneOf(...'123456789'), digits(7), lit('?'))) },
  { entity: 'BE_NATIONAL_NUMBER', rules: ['be-national-number'], context: 'rijksregisternummer', sample: checked('be-national-number', fc.tuple(birthDate, digits(3)).map(([d, n]) => `${yymmdd(d)}${n}??`), DIGITS, (v) => `${v.slice(0, 2)}.${v.slice(2, 4)}.${v.slice(4, 6)}-${v.slice(6, 9)}.${v.slice(9)}`) },
  { entity: 'SE_PERSONNUMMER', rules: ['se-personnummer'], context: '', sample: checked('se-personnummer', fc.tuple(birthDate, digits(3)).map(([d, n]) => `${yymmdd(d)}-${n}?`)) },
  { entity: 'IE_PPSN', rules: ['ie-ppsn'], context: 'PPS number', sample: checked('ie-ppsn', cat(digits(7), lit('?')), 'ABCDEFGHIJKLMNOPQRSTUVW') },
  { entity: 'PT_NIF', rules: ['pt-nif'], context: 'NIF', sample: checked('pt-nif', cat(oneOf(...'1235689'), digits(7), lit('?'))) },
  { entity: 'JP_MY_NUMBER', rules: ['jp-my-number'], context: 'My Number', sample: checked('jp-my-number', cat(digits(11), lit('?')), DIGITS, sp([4, 4, 4])) },
  { entity: 'CN_RESIDENT_ID', rules: ['cn-resident-id'], context: '', sample: checked('cn-resident-id', fc.tuple(oneOf('110105', '310104', '440305', '360426', '120103'), birthDate, digits(3)).map(([a, d, n]) => `${a}${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}${n}?`), DIGITS + 'X') },
  { entity: 'ZA_ID', rules: ['za-id'], context: 'ID number', sample: checked('za-id', fc.tuple(birthDate, digits(4), oneOf('0', '1')).map(([d, g, c]) => `${yymmdd(d)}${g}${c}8?`)) },
  { entity: 'AR_CUIL', rules: ['ar-cuil'], context: '', sample: checked('ar-cuit', cat(oneOf('20', '23', '27'), digits(8), lit('?')), DIGITS, (v) => `${v.slice(0, 2)}-${v.slice(2, 10)}-${v.slice(10)}`) },
  {
    entity: 'EU_VAT', rules: ['eu-vat-number'], context: '',
    sample: fc.oneof(
      checked('eu-vat', cat(lit('DE'), oneOf(...'123456789'), digits(7), lit('?'))),
      checked('eu-vat', cat(lit('PL'), oneOf(...'123456789'), digits(8), lit('?'))),
      checked('eu-vat', cat(lit('IT'), digits(7), oneOf('001', '015', '037'), lit('?'))),
      checked('eu-vat', cat(lit('ATU'), digits(7), lit('?'))),
      checked('eu-vat', cat(lit('NL'), digits(8), lit('?B01'))),
    ),
  },
  { entity: 'CRYPTO', rules: ['bitcoin-address'], context: '', sample: bitcoinSample },
  { entity: 'CRYPTO', rules: ['ethereum-address'], context: '', sample: ethereumSample },
  { entity: 'VEHICLE_ID', rules: ['vin'], context: '', sample: checked('vin-check-digit', cat(oneOf('1', '2', '3', '4', '5', 'J', 'W'), chars(2, 'ABCDEFGHJKLMNPRSTUVWXYZ'), chars(5, VIN_CHARS), lit('?'), chars(2, VIN_CHARS), digits(6)), DIGITS + 'X') },
  { entity: 'US_NPI', rules: ['us-npi'], context: 'NPI', sample: checked('us-npi', cat(oneOf('1', '2'), digits(8), lit('?'))) },
  { entity: 'US_DEA', rules: ['us-dea'], context: 'DEA', sample: checked('us-dea', cat(oneOf(...'ABFGM'), chars(1, LETTERS), digits(6), lit('?'))) },
  {
    entity: 'US_MBI', rules: ['us-medicare-mbi'], context: '',
    // The MBI has no check character: its format is the check, so the broken twin uses S (never issued) as the 2nd character.
    sample: fc.tuple(oneOf(...'123456789'), chars(1, MBI_LETTERS), chars(1, MBI_LETTERS + DIGITS), digits(1), chars(1, MBI_LETTERS), chars(1, MBI_LETTERS + DIGITS), digits(1), chars(2, MBI_LETTERS), digits(2))
      .map((p) => p.join(''))
      .map((v) => ({ value: `${v.slice(0, 4)}-${v.slice(4, 7)}-${v.slice(7)}`, broken: `${v[0]}S${v.slice(2, 4)}-${v.slice(4, 7)}-${v.slice(7)}` })),
  },
];
