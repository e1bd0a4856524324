/**
 * Writes countries.txt: the names of the world's countries and territories in the languages the names
 * detector reads, from the Unicode CLDR territory names shipped in Node's ICU (Intl.DisplayNames; CLDR
 * is under the Unicode License v3), read by the shared module src/detect/countries.ts (its build in dist/,
 * so run `npm run build` first). One name a line, NFC, sorted.
 *
 *   npm run build && node rules/lexicons/build-countries.mjs
 */
import { writeFileSync } from 'node:fs';
import { cldrRegionNames } from '../../dist/detect/countries.js';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'sk', 'hu', 'ro', 'tr', 'hr', 'sl'];
const names = new Set();
for (const lang of LANGUAGES) for (const name of cldrRegionNames(lang)) names.add(name.normalize('NFC'));
const out = new URL('./countries.txt', import.meta.url);
writeFileSync(out, [...names].sort((x, y) => x.localeCompare(y, 'en')).join('\n') + '\n');
console.log(`${names.size} names (CLDR ${process.versions.cldr}, ICU ${process.versions.icu}) -> ${out.pathname}`);
