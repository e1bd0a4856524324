import { compileCues, type NameCues } from './cues.js';
import { loadNameLexicon, type NameLexicon } from './lexicon.js';
import { CaregateError } from '../../errors.js';
import type { CompiledRule } from '../plan.js';

/** A person-names rule compiled with its lexicons (loaded once per list, shared by redactors). */
export interface NamesRule {
  rule: CompiledRule;
  lex: NameLexicon;
  cues: NameCues;
  /** A letter of one of the lexicon's other scripts (one class: irregexp skips Latin text between hits). */
  scriptGate: RegExp | null;
}

export function compileNamesRule(rule: CompiledRule, lexicons: readonly string[] | undefined, where: string): NamesRule {
  const lex = loadNameLexicon(lexicons?.length ? lexicons : ['names'], where);
  let scriptGate: RegExp | null = null;
  if (lex.otherScripts.length) {
    try {
      scriptGate = new RegExp(`[${lex.otherScripts.map((sc) => `\\p{Script=${sc}}`).join('')}]`, 'gu');
    } catch {
      throw new CaregateError('E_LEXICON_SHAPE', `${where}: otherScripts holds a name that is no Unicode script (${lex.otherScripts.join(', ')}); use names such as Cyrillic, Greek, Han, Arabic`, {});
    }
  }
  return { rule, lex, cues: compileCues(lex), scriptGate };
}
