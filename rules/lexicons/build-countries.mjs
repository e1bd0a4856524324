/**
 * Writes countries.txt: the names of the world's countries and territories in the languages the names
 * detector reads, from the Unicode CLDR territory names shipped in Node's ICU (Intl.DisplayNames; CLDR
 * is under the Unicode License v3). One name a line, NFC, sorted.
 *
 *   node rules/lexicons/build-countries.mjs
 */
import { writeFileSync } from 'node:fs';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'sk', 'hu', 'ro', 'tr', 'hr', 'sl'];
const names = new Set();
for (const lang of LANGUAGES) {
  const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = display.of(code);
      // Unknown and private-use codes come back as the code itself.
      if (name && name !== code) names.add(name.normalize('NFC'));
    }
  }
}
const out = new URL('./countries.txt', import.meta.url);
writeFileSync(out, [...names].sort((x, y) => x.localeCompare(y, 'en')).join('\n') + '\n');
console.log(`${names.size} names (CLDR ${process.versions.cldr}, ICU ${process.versions.icu}) -> ${out.pathname}`);
