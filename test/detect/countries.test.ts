import { describe, expect, it } from 'vitest';
import { addressCountryNames, cldrRegionNames, readCountryList } from '../../src/detect/countries.js';
import { LEXICONS_DIR } from '../../src/detect/names/lexicon.js';

describe('country names, one module for the names detector and the address grammar', () => {
  it('CLDR names come in every locale the runtime has, none for one it lacks', () => {
    expect(cldrRegionNames('en')).toContain('Germany');
    expect(cldrRegionNames('de')).toContain('Deutschland');
    expect(cldrRegionNames('xx-not-a-locale-at-all-really')).toEqual(expect.any(Array));
  });

  it('names as addresses write them: no unions or pseudo-regions, nothing with brackets or commas', () => {
    const names = addressCountryNames('en');
    expect(names).toContain('Portugal');
    expect(names).not.toContain('European Union');
    expect(names.some((n) => /[(),]/.test(n))).toBe(false);
  });

  it('countries.txt is what build-countries.mjs writes from the same CLDR names', () => {
    const list = readCountryList(`${LEXICONS_DIR}countries.txt`, 'test');
    const langs = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'sk', 'hu', 'ro', 'tr', 'hr', 'sl'];
    const built = [...new Set(langs.flatMap((l) => cldrRegionNames(l).map((n) => n.normalize('NFC'))))].sort((x, y) => x.localeCompare(y, 'en'));
    // Equal on the CLDR the list was built with (see rules/lexicons/README.md); a newer ICU may add names.
    if (process.versions.cldr === '48.0') expect(list).toEqual(built);
    expect(list.length).toBeGreaterThan(2000);
  });
});
