/**
 * The filler tokens a rule pack allows between a cue and its value ("DOB on account is …", "passport no. …",
 * "password I use is …", "license number: …"): a cue family's fillers are data, read here by one sticky
 * regex built from the pack's words, never by a regex per phrase.
 */

/** Punctuation that may stand between a cue and its value in any number: `:`, `=`, `#`, quotes, emphasis, dashes. */
const FILLER_PUNCT = `[ \\t:=#"'\u201c\u201d\u2018\u2019*_,.\\-\u2013\u2014()\\u00a0]`;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** , | ; and tab. */
const CELL_DELIMITER: ReadonlySet<number> = new Set([44, 124, 59, 9]);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One filler token at a position: a run of filler punctuation, or a filler word or phrase ending on a word
 * boundary (a phrase's spaces match any run of spaces). Null when the rule has no fillers.
 */
export function compileFillers(words: readonly string[] | undefined): RegExp | null {
  if (!words?.length) return null;
  const alts = [...new Set(words.map((w) => w.trim().toLowerCase()))]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ +/g, '[ \\t]{1,3}') + (/[\p{L}\p{N}]$/u.test(w) ? '(?![\\p{L}\\p{N}])' : ''));
  // Alternatives of literals only: linear, whatever the pack holds.
  return new RegExp(`${FILLER_PUNCT}+|(?:${alts.join('|')})`, 'iuy');
}

/**
 * The places a value may start after a cue ending at `from`: every position reached by skipping filler
 * tokens, the farthest first (so a value is never a filler word: "password is X" gives X, not "is"). At
 * most `maxWords` filler words are skipped; punctuation runs are free but bounded by `limit`.
 */
export function fillerStops(text: string, from: number, re: RegExp, maxWords: number, limit: number): number[] {
  const stops = [from];
  // A cue glued to what follows by a hyphen ("PW-2929Q", "DL-form") is one token, a model or form name.
  // A delimiter right after the cue ("password,ticket", "PASSWORD|IBAN"): a header row, not a value.
  if (CELL_DELIMITER.has(text.charCodeAt(from))) return stops;
  if (text.charCodeAt(from) === 45 && from > 0 && WORD_CHAR.test(text[from - 1]!) && WORD_CHAR.test(text[from + 1] ?? '')) return stops;
  let p = from;
  let words = 0;
  const end = Math.min(text.length, limit);
  while (p < end) {
    re.lastIndex = p;
    const m = re.exec(text);
    if (!m || m[0].length === 0) break;
    const punct = !/[\p{L}\p{N}]/u.test(m[0]);
    if (!punct && ++words > maxWords) break;
    p = re.lastIndex;
    if (p > end) break;
    stops.push(p);
  }
  return stops.reverse();
}
