import type { NameLexicon } from './lexicon.js';

/**
 * The cue families of a names lexicon compiled into end-anchored regexes, run on the few characters before
 * a candidate name (at most CUE_WINDOW): `my name is `, `Dear `, `Name: `, `Thanks,\n`. One regex per family.
 */
export interface NameCues {
  intro: RegExp | null;
  soft: RegExp | null;
  /** Labels whose value is a name ("Name:", "Contact:", "From:"): need their colon. */
  field: RegExp | null;
  after: RegExp | null;
  lowercaseGate: RegExp | null;
  question: RegExp | null;
  filler: RegExp | null;
}

/** How far before a name its cue is looked for. */
export const CUE_WINDOW = 48;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A phrase as regex source: apostrophes of either kind, 1–3 spaces between words. */
const phrase = (p: string) => escapeRe(p).replace(/'/g, "['’]").replace(/ /g, '[ \\t]{1,3}');
const alternation = (list: readonly string[]) =>
  [...new Set(list)].sort((a, b) => b.length - a.length).map(phrase).join('|');

export function compileCues(lex: NameLexicon): NameCues {
  const before = (list: readonly string[], tail: string) =>
    list.length ? new RegExp(`(?:^|[^\\p{L}\\p{M}])(?:${alternation(list)})${tail}$`, 'iu') : null;
  return {
    intro: before(lex.cues.intro, '[ \\t]{0,3}[:,.\\-]?[ \\t]{0,3}(?:\\r?\\n[ \\t]{0,3})?'),
    soft: before(lex.cues.soft, '[ \\t]{0,3}[:,\\-]?[ \\t]{0,3}'),
    field: before([...lex.nameFields], '[ \\t]{0,3}\\*{0,2}:\\*{0,2}[ \\t]{0,3}"?'),
    after: lex.cues.after.length ? new RegExp(`^[ \\t]{1,3}(?:${alternation(lex.cues.after)})(?![\\p{L}\\p{M}])`, 'iu') : null,
    lowercaseGate: lex.cues.lowercase.length ? new RegExp(`\\b(?:${alternation(lex.cues.lowercase)})[ \\t]{0,3}[:,\\-]?[ \\t]{0,3}(?:is[ \\t]{1,3})?`, 'giu') : null,
    question: lex.questions.length ? new RegExp(`(?:${alternation(lex.questions)})`, 'iu') : null,
    filler: lex.answerFillers.length ? new RegExp(`^(?:${alternation(lex.answerFillers)})(?![\\p{L}\\p{M}])[ \\t,.:\\-]{0,3}`, 'iu') : null,
  };
}
