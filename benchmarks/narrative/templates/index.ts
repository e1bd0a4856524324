/** Templates of every language, and the locales people and addresses of that language come from. */
import { DE } from './de.js';
import { EN } from './en.js';
import { ES } from './es.js';
import { FR } from './fr.js';
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
  { code: 'en', weight: 55, locales: ['en_US', 'en_GB', 'en_CA', 'en_AU', 'en_IE', 'en_IN', 'en_ZA', 'en_NG', 'en_GH', 'en_HK', 'en_NP'], foreignShare: 0.55, templates: EN },
  { code: 'de', weight: 12, locales: ['de', 'de', 'de_AT', 'de_CH'], foreignShare: 0.2, templates: DE },
  { code: 'fr', weight: 12, locales: ['fr', 'fr', 'fr_BE', 'fr_CH', 'fr_CA', 'fr_LU', 'fr_SN'], foreignShare: 0.2, templates: FR },
  { code: 'es', weight: 12, locales: ['es', 'es', 'es_MX'], foreignShare: 0.2, templates: ES },
];
