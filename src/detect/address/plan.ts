import type { CompiledRule } from '../plan.js';
import { loadAddressGrammar, type AddressGrammar } from './grammar.js';

/** A postal-address rule compiled with its grammar and the gates that find where an address may stand. */
export interface AddressRule {
  rule: CompiledRule;
  g: AddressGrammar;
  /** Street types as whole words, and street-type suffixes at a word's end ("Hauptstraße", "Puruntie"). */
  typeGate: RegExp;
  /** PO boxes, military posts (APO/FPO/DPO) and address-block cues. */
  boxGate: RegExp | null;
  postGate: RegExp | null;
  blockGate: RegExp | null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: Iterable<string>) => [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRe).join('|');

export function compileAddressRule(rule: CompiledRule, lexicons: readonly string[] | undefined, where: string): AddressRule {
  const g = loadAddressGrammar(lexicons?.length ? lexicons : ['addresses'], where);
  const types = [...g.typesAfter, ...g.typesBefore].filter((w) => w.length > 0);
  // Types are matched case-insensitively on a word boundary; the parser checks case and the words around.
  const typeGate = new RegExp(`(?<![\\p{L}\\p{M}])(?:${alt(types)})(?![\\p{L}\\p{M}])|(?:${alt(g.suffixes.map((x) => x.replace(/\.$/, '')))})(?![\\p{L}\\p{M}])`, 'giu');
  return {
    rule,
    g,
    typeGate,
    boxGate: g.poBox.length ? new RegExp(`\\b(?:${alt(g.poBox).replace(/ /g, '[ \\t]?').replace(/\\\./g, '\\.?')})[ \\t]{0,2}(?:#|No\\.?|Nr\\.?)?[ \\t]{0,2}\\d{1,7}\\b`, 'giu') : null,
    postGate: g.militaryPosts.length ? new RegExp(`\\b(?:${alt(g.militaryPosts)})[ \\t]{1,2}(?:${alt(g.militaryRegions)})[ \\t]{1,2}\\d{5}(?:-\\d{4})?\\b`, 'g') : null,
    blockGate: g.blockCues.length ? new RegExp(`\\b(?:${alt(g.blockCues).replace(/ /g, '[ \\t]{1,3}')})(?:[ \\t]{0,3}(?:is|:|-|—)[ \\t]{0,3}|[ \\t]{1,3})(?:\\r?\\n)?`, 'giu') : null,
  };
}
