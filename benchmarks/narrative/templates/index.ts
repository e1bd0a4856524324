/** Templates of every language, and the locales people and addresses of that language come from. */
import { CS } from './cs.js';
import { DA } from './da.js';
import { DE } from './de.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
import { IT } from './it.js';
import { NL } from './nl.js';
import { PL } from './pl.js';
import { PT } from './pt.js';
import { SV } from './sv.js';
import { TR } from './tr.js';
import type { Templates } from './types.js';

export interface Language {
  code: string;
  /** Share of documents written in it. */
  weight: number;
  /** Faker locales of people and addresses of documents in this language; the first ones weigh more. */
  locales: readonly string[];
  /** Chance that a person in a document is from any locale rather than the document's. */
  foreignShare: number;
  templates: Templates;
}

export const LANGUAGES: readonly Language[] = [
  { code: 'en', weight: 50, locales: ['en_US', 'en_GB', 'en_CA', 'en_AU', 'en_IE', 'en_IN', 'en_ZA', 'en_NG', 'en_GH', 'en_HK', 'en_NP'], foreignShare: 0.55, templates: EN },
  { code: 'de', weight: 8, locales: ['de', 'de', 'de_AT', 'de_CH'], foreignShare: 0.2, templates: DE },
  { code: 'fr', weight: 8, locales: ['fr', 'fr', 'fr_BE', 'fr_CH', 'fr_CA', 'fr_LU', 'fr_SN'], foreignShare: 0.2, templates: FR },
  { code: 'es', weight: 8, locales: ['es', 'es', 'es_MX'], foreignShare: 0.2, templates: ES },
  { code: 'it', weight: 6, locales: ['it'], foreignShare: 0.2, templates: IT },
  { code: 'nl', weight: 5, locales: ['nl', 'nl', 'nl_BE'], foreignShare: 0.2, templates: NL },
  { code: 'pt', weight: 6, locales: ['pt_PT', 'pt_BR'], foreignShare: 0.2, templates: PT },
  { code: 'pl', weight: 5, locales: ['pl'], foreignShare: 0.15, templates: PL },
  { code: 'sv', weight: 4, locales: ['sv'], foreignShare: 0.2, templates: SV },
  { code: 'da', weight: 2, locales: ['da'], foreignShare: 0.2, templates: DA },
  { code: 'cs', weight: 2, locales: ['cs_CZ'], foreignShare: 0.15, templates: CS },
  { code: 'tr', weight: 2, locales: ['tr'], foreignShare: 0.15, templates: TR },
];
