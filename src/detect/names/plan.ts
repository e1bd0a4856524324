import { compileCues, type NameCues } from './cues.js';
import { loadNameLexicon, type NameLexicon } from './lexicon.js';
import type { CompiledRule } from '../plan.js';

/** A person-names rule compiled with its lexicons (loaded once per list, shared by redactors). */
export interface NamesRule {
  rule: CompiledRule;
  lex: NameLexicon;
  cues: NameCues;
}

export function compileNamesRule(rule: CompiledRule, lexicons: readonly string[] | undefined, where: string): NamesRule {
  const lex = loadNameLexicon(lexicons?.length ? lexicons : ['names'], where);
  return { rule, lex, cues: compileCues(lex) };
}
