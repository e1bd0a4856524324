import { trieSource } from '../names/trie.js';
import type { CompiledRule } from '../plan.js';
import { loadAddressGrammar, type AddressGrammar } from './grammar.js';

/** A postal-address rule compiled with its grammar and the gates that find where an address may stand. */
export interface AddressRule {
  rule: CompiledRule;
  g: AddressGrammar;
  /** Street types as whole words, and street-type suffixes at a word's end ("Hauptstraße", "Puruntie"). */
  typeGate: RegExp;
  /** Street types starting with a Latin letter outside ASCII or a Greek one ("Échangeur", "Øvre", "Οδός"); the pass checks the word's start. */
  accentTypeGate: RegExp | null;
  /** A house number right after a word: the street type or suffix is looked for in the words before it. */
  numberGate: RegExp;

  /** PO boxes, military posts (APO/FPO/DPO) and address-block cues. */
  boxGate: RegExp | null;
  postGate: RegExp | null;
  blockGate: RegExp | null;
  /** An address question at a line's end ("what's the new address?"): the next turn is read as the answer. */
  questionGate: RegExp | null;
  /** A record's address key and the opening quote of its value ("street": "…"). */
  keyGate: RegExp | null;
  /** A postcode that starts with letters ("C4B 7K9", "W53 4MS5", "LV-4638"): the leads of the grammar's shapes. */
  codeGate: RegExp | null;
  /** A letter of a script written without spaces (Han, Kana, Hangul) beside a digit, or the postal mark 〒. */
  cjkGate: RegExp | null;
}

const alt = (words: Iterable<string>) => trieSource(words);

/**
 * No letter after a word, written without \\p{…}: the gates run without the u flag, which makes irregexp's
 * case-insensitive scan about ten times faster here (measured: 34 → 3 ms per MB for the type gate). Letters
 * of the Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic and other scripts up to U+1FFF.
 */
const NO_LETTER = '(?![A-Za-z\\u00C0-\\u02AF\\u0370-\\u1FFF])';

export function compileAddressRule(rule: CompiledRule, lexicons: readonly string[] | undefined, where: string): AddressRule {
  const g = loadAddressGrammar(lexicons?.length ? lexicons : ['addresses'], where);
  const types = [...g.typesAfter, ...g.typesBefore].filter((w) => w.length > 0);
  // Types are matched case-insensitively: those starting with an ASCII letter after \\b, the others and the
  // suffixes anywhere (the parser checks the word start, the case and the words around; a leading
  // lookbehind would cost 18x, speed.md B2).
  const ascii = types.filter((w) => /^[a-z0-9]/i.test(w));
  // Street types starting with an ASCII letter, case-insensitively after \\b (irregexp skips between hits;
  // a leading lookbehind would cost 18x, speed.md B2). Types in other scripts and suffixes glued to the
  // street's name ("Hauptstraße 5", "Puruntie 82") are found from the house number after them (numberGate).
  const typeGate = new RegExp(`\\b(?:${alt(ascii)})${NO_LETTER}`, 'gi');
  // \b does not see a boundary before "É" without the u flag: the pass checks that no letter stands before it.
  // Greek types too ("1900 Baba Οδός": the number before the street). Not Cyrillic, Arabic and the rest: with
  // their letters the case-insensitive scan ran ten times slower (81 against 8 ms on 2 MB of care text); those
  // scripts write the number after the street, which the house-number gate finds.
  const accented = types.filter((w) => /^[\u00C0-\u024F\u0370-\u03FF]/.test(w));
  return {
    rule,
    g,
    typeGate,
    accentTypeGate: accented.length ? new RegExp(`(?:${alt(accented)})${NO_LETTER}`, 'gi') : null,
    numberGate: /[\p{L}\p{M}](?:\.,|[.,])?[ \t]{1,2}\d/gu,
    boxGate: g.poBox.length ? new RegExp(`\\b(?:${trieSource(g.poBox.flatMap((b) => [b, b.replace(/\./g, ''), b.replace(/\. ?/g, '')]))})[ \\t]{0,2}(?:#|No\\.?|Nr\\.?)?[ \\t]{0,2}\\d{1,7}\\b(?![/.]\\d)`, 'gi') : null,
    postGate: g.militaryPosts.length ? new RegExp(`\\b(?:${trieSource(g.militaryPosts, false)})[ \\t]{1,2}(?:${trieSource(g.militaryRegions, false)})[ \\t]{1,2}\\d{5}(?:-\\d{4})?\\b`, 'g') : null,
    // A cue ends a word ("addressing" is none); then "is", a colon or a dash, spaces, or the line's end.
    blockGate: g.blockCues.length ? new RegExp(`\\b(?:${alt(g.blockCues)})${NO_LETTER}(?:[ \\t]{0,3}(?:is|:|-|—)[ \\t]{0,3}|[ \\t]{0,3})(?:\\r?\\n)?`, 'gi') : null,
    questionGate: g.questionCues.length ? new RegExp(`(?:${alt(g.questionCues)})[ \\t]{0,2}(?:please)?[ \\t]{0,2}[?？:.]?[ \\t]{0,2}(?:\\[[A-Za-z ]{1,16}\\][ \\t]{0,2})?\\r?\\n`, 'gi') : null,
    keyGate: g.fieldKeys.length ? new RegExp(`["'](?:${alt(g.fieldKeys)})["'][ \\t]{0,2}[:=][ \\t]{0,2}["']`, 'gi') : null,
    codeGate: codeLeads(g.postcodes),
    cjkGate: g.cjkMarks.length ? /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF] ?[0-9]|[0-9][\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]|\u3012/g : null,
  };
}

/** A gate for postcodes that start with letters: each shape's lead up to its first digit ("A9A 9A9" → A9). */
function codeLeads(shapes: Iterable<string>): RegExp | null {
  const leads = new Set<string>();
  for (const shape of shapes) {
    const m = /^A[A-]*9/.exec(shape);
    if (m) leads.add(m[0].replace(/A/g, '[A-Z]').replace(/9/g, '\\d'));
  }
  return leads.size ? new RegExp(`\\b(?:${[...leads].join('|')})`, 'g') : null;
}
