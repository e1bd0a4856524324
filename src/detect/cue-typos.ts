/**
 * Misspelt cues (issue 16): customers type fast, and "passwod", "I tped", "birthdy", "date of birh" are
 * the same cues. A rule that opts in (`typos`) is also found by every spelling one slip away from a cue
 * word of five letters or more: a letter dropped, doubled, or swapped with the next. Variants that are
 * words of their own ("type" from "typed") are left out, so a variant never reads an ordinary word as a cue.
 */

/** The shortest cue word whose slips are read: shorter words' slips are mostly other words. */
const MIN_WORD = 5;

/** One-slip spellings of a word (lower case, letters only), without the word itself. */
export function slipsOf(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    out.add(word.slice(0, i + 1) + word[i] + word.slice(i + 1));
    if (i + 1 < word.length && word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  out.delete(word);
  return out;
}

/**
 * The misspelt forms of a cue phrase: each word of MIN_WORD letters or more (ASCII letters only) slipped
 * once, the other words as written; none that is a word of `common` or another cue of the rule.
 */
export function misspeltCues(cue: string, common: ReadonlySet<string>, cues: ReadonlySet<string>): string[] {
  const words = cue.trim().toLowerCase().split(/\s+/);
  const out: string[] = [];
  words.forEach((w, i) => {
    if (w.length < MIN_WORD || !/^[a-z]+$/.test(w)) return;
    for (const s of slipsOf(w)) {
      if (common.has(s)) continue;
      const variant = [...words.slice(0, i), s, ...words.slice(i + 1)].join(' ');
      if (!cues.has(variant)) out.push(variant);
    }
  });
  return out;
}
