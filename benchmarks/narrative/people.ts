/**
 * People: a person drawn from one of faker's locales, and the ways narrative text writes them
 * (full name, given name, surname, title + surname, initials, middle initial, lower case).
 * A title is text, not part of the PERSON value (same convention as the blind corpus).
 */
import { allFakers, type Faker } from '@faker-js/faker';
import type { Rng } from '../blind/rng.js';

/** Faker locales used for people and addresses: all but `base` and those whose data is English placeholders. */
export const PERSON_LOCALES = Object.keys(allFakers).filter(
  (k) => !['base', 'en_BORK', 'mn_MN_cyrl', 'ta_IN', 'eo', 'cy', 'bn_BD', 'ku_ckb', 'ku_kmr_latin', 'yo_NG'].includes(k),
);

/** Locales writing the family name first, in any text (Hungarian names take the Western order abroad). */
const FAMILY_FIRST = new Set(['ja', 'zh_CN', 'zh_TW', 'ko', 'vi']);
/** Locales writing a full name without a space between family and given name. */
const NO_SPACE = new Set(['zh_CN', 'zh_TW', 'ko']);
/** Locales with a real middle name / patronymic in faker's data. */
const HAS_MIDDLE = new Set(['en', 'en_US', 'en_GB', 'en_AU', 'en_CA', 'en_IE', 'ru', 'uk']);

/** A faker of `locale`, reseeded from `rng` so that every value depends on the document's seed only. */
export function fakerFor(locale: string, rng: Rng): Faker {
  const f = (allFakers as Record<string, Faker>)[locale];
  if (!f) throw new Error(`fakerFor: faker has no locale "${locale}"; pick one of PERSON_LOCALES`);
  f.seed(rng.int(0, 2 ** 31 - 1));
  return f;
}

export interface Person {
  locale: string;
  sex: 'female' | 'male';
  given: string;
  family: string;
  middle?: string;
}

/** Strips faker's decorations (`Sr.`, `PhD`) a generated name part sometimes carries. */
const clean = (s: string) => s.replace(/\s+(Jr\.|Sr\.|PhD|MD|DDS|DVM|I{2,3}|IV|V)$/u, '').trim();

export function randomPerson(locale: string, rng: Rng): Person {
  const f = fakerFor(locale, rng);
  const sex = rng.chance(0.5) ? 'female' : 'male';
  const p: Person = { locale, sex, given: clean(f.person.firstName(sex)), family: clean(f.person.lastName(sex)) };
  if (HAS_MIDDLE.has(locale) && rng.chance(0.5)) p.middle = clean(f.person.middleName(sex));
  // Elsewhere a second given name (`Anna Lena`, `Maria Eduarda`) where the script has case.
  else if (!FAMILY_FIRST.has(locale) && rng.chance(0.15) && isCased(p)) p.middle = clean(f.person.firstName(sex));
  return p;
}

/** How a name is written; the name-form is reported by the scorer. */
export type NameForm =
  | 'full' | 'given' | 'surname' | 'titled' | 'titled-full' | 'initial-surname' | 'middle-initial' | 'with-middle' | 'initials-only-given'
  | 'family-comma-given' | 'upper-family';

export function fullName(p: Person): string {
  if (FAMILY_FIRST.has(p.locale)) return NO_SPACE.has(p.locale) ? `${p.family}${p.given}` : `${p.family} ${p.given}`;
  return `${p.given} ${p.family}`;
}

const initialOf = (s: string) => [...s][0] ?? '';

/** True when the person's script has letter case (initials and lower case make sense). */
export function isCased(p: Person): boolean {
  const first = initialOf(p.given);
  return first.toLowerCase() !== first.toUpperCase();
}

/** Titles of address, per language, by sex; written before the name and not labelled. */
export const TITLES: Record<string, { female: string[]; male: string[]; any: string[] }> = {
  en: { female: ['Mrs.', 'Ms.', 'Miss', 'Mrs', 'Ms'], male: ['Mr.', 'Mr'], any: ['Dr.', 'Prof.', 'Dr', 'Professor', 'Judge', 'Officer', 'Nurse', 'Coach', 'Captain'] },
  de: { female: ['Frau'], male: ['Herr', 'Herrn'], any: ['Dr.', 'Prof.', 'Prof. Dr.'] },
  fr: { female: ['Mme', 'Madame', 'Mlle', 'Mme.'], male: ['M.', 'Monsieur'], any: ['Dr', 'Me', 'Pr'] },
  es: { female: ['Sra.', 'Srta.', 'doña', 'Doña'], male: ['Sr.', 'don', 'Don'], any: ['Dr.', 'Lic.', 'Ing.'] },
  it: { female: ['Sig.ra', 'Signora', 'Dott.ssa'], male: ['Sig.', 'Signor', 'Dott.'], any: ['Avv.', 'Ing.', 'Prof.'] },
  nl: { female: ['mevrouw', 'mevr.', 'Mevr.'], male: ['meneer', 'dhr.', 'Dhr.'], any: ['dr.', 'mr.', 'ir.'] },
  pt: { female: ['Sra.', 'Dona', 'D.'], male: ['Sr.', 'Seu'], any: ['Dr.', 'Dra.', 'Prof.'] },
  pl: { female: ['Pani', 'pani'], male: ['Pan', 'pan'], any: ['dr', 'prof.', 'mgr'] },
  sv: { female: ['fru'], male: ['herr'], any: ['Dr.', 'doktor'] },
  da: { female: ['fru'], male: ['hr.'], any: ['dr.', 'professor'] },
  cs: { female: ['paní', 'pí'], male: ['pan', 'p.'], any: ['MUDr.', 'Ing.', 'Mgr.', 'doc.'] },
  tr: { female: ['Sayın'], male: ['Sayın'], any: ['Dr.', 'Av.', 'Prof. Dr.'] },
};

export function titleFor(p: Person, language: string, rng: Rng): string {
  const t = TITLES[language] ?? TITLES.en!;
  return rng.chance(0.3) ? rng.pick(t.any) : rng.pick(t[p.sex]);
}

/**
 * Writes a person in `form`. Returns the text before the value (a title), the value, and the form name.
 * Forms a script cannot carry (initials of Han characters) fall back to the full name.
 */
export function writeName(p: Person, form: NameForm, language: string, rng: Rng): { title: string; value: string; form: string } {
  const cased = isCased(p);
  switch (form) {
    case 'given':
      return { title: '', value: p.given, form };
    case 'surname':
      return { title: '', value: p.family, form };
    case 'titled':
      return { title: `${titleFor(p, language, rng)} `, value: p.family, form };
    case 'titled-full':
      return { title: `${titleFor(p, language, rng)} `, value: fullName(p), form };
    case 'initial-surname':
      if (!cased || FAMILY_FIRST.has(p.locale)) break;
      return { title: '', value: `${initialOf(p.given)}.${rng.chance(0.3) ? '' : ' '}${p.family}`, form };
    case 'middle-initial': {
      if (!cased || FAMILY_FIRST.has(p.locale)) break;
      const mid = p.middle ? initialOf(p.middle) : rng.letters(1);
      return { title: '', value: `${p.given} ${mid}${rng.chance(0.5) ? '.' : ''} ${p.family}`, form };
    }
    case 'with-middle':
      if (!p.middle || FAMILY_FIRST.has(p.locale)) break;
      return { title: '', value: `${p.given} ${p.middle} ${p.family}`, form };
    case 'initials-only-given':
      if (!cased || FAMILY_FIRST.has(p.locale)) break;
      return { title: '', value: `${p.given} ${initialOf(p.family)}.`, form };
    case 'family-comma-given':
      // Lists and forms: `Smith, John`, often with the family name in capitals.
      if (FAMILY_FIRST.has(p.locale)) break;
      return { title: '', value: `${rng.chance(0.5) && cased ? p.family.toUpperCase() : p.family}, ${p.given}`, form };
    case 'upper-family':
      // French and administrative style: `Jean DUPONT`, `MÜLLER Hans`.
      if (!cased || FAMILY_FIRST.has(p.locale)) break;
      return { title: '', value: rng.chance(0.6) ? `${p.given} ${p.family.toUpperCase()}` : `${p.family.toUpperCase()} ${p.given}`, form };
    case 'full':
      break;
  }
  return { title: '', value: fullName(p), form: 'full' };
}

/** A form for an unspecified `{p}` slot, by the weights narrative text shows. */
export function randomNameForm(rng: Rng): NameForm {
  return rng.weighted<NameForm>([
    ['full', 40], ['given', 14], ['surname', 6], ['titled', 12], ['titled-full', 6], ['initial-surname', 6],
    ['middle-initial', 7], ['with-middle', 4], ['initials-only-given', 2], ['family-comma-given', 3], ['upper-family', 3],
  ]);
}

/** The script of a name's letters, for recall per script ('ascii' when every letter is ASCII). */
export function nameScript(text: string): string {
  const letters = text.match(/[\p{L}\p{M}]/gu) ?? [];
  if (letters.every((ch) => /[A-Za-z]/.test(ch))) return 'latin-ascii';
  const scripts: [string, RegExp][] = [
    ['latin-extended', /\p{Script=Latin}/u], ['cyrillic', /\p{Script=Cyrillic}/u], ['greek', /\p{Script=Greek}/u],
    ['arabic', /\p{Script=Arabic}/u], ['hebrew', /\p{Script=Hebrew}/u], ['armenian', /\p{Script=Armenian}/u],
    ['georgian', /\p{Script=Georgian}/u], ['han-kana', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
    ['hangul', /\p{Script=Hangul}/u], ['thai', /\p{Script=Thai}/u], ['devanagari', /\p{Script=Devanagari}/u], ['thaana', /\p{Script=Thaana}/u],
  ];
  for (const [name, re] of scripts) if (re.test(text)) return name;
  return 'other';
}
