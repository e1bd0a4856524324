import { compileFillers, type FillerTable } from './cue-fillers.js';
import { contextFinder, type WordFinder } from './context-words.js';
import { phraseLiteral, type PhraseLiteral } from './phrase-literal.js';
import { misspeltCues } from './cue-typos.js';
import { CaregateError } from '../errors.js';
import { VALUE_READERS, type ValueReader } from './value-readers.js';
import { createMask, type MaskEnv } from '../mask/masks.js';
import type { Mask } from '../mask/types.js';
import { assertSafePattern } from '../rules/regex-safety.js';
import {
  isBuiltinDetector, isDigitsDetector, isKeywordDetector, isShapeDetector,
  type BuiltinDetector, type DigitsDetector, type KeywordDetector, type PatternSpec, type Rule, type RulePack,
} from '../rules/types.js';
import type { Validator } from '../validators/types.js';
import { digitGatesOf, type DigitGate } from '../validators/digit-gates.js';
import { compileAddressRule, type AddressRule } from './address/plan.js';
import { loadNameLexicon, type NameLexicon } from './names/lexicon.js';
import { compileNamesRule, type NamesRule } from './names/plan.js';
import { GATE_WORDS } from './spoken-words.js';
import { compileTablePlan, type TablePlan } from './table/plan.js';
import { WordTable } from './word-table.js';
import { gateFilter, type GateFilter } from './prefilter.js';

/**
 * A rule pack compiled once into a scan plan (as fast-redact compiles a function and gitleaks builds its
 * keyword trie once): per-detector rule lists, one keyword prefilter regex, one combined shape regex,
 * and the masks resolved against the redactor's configuration.
 */
export interface CompiledContext {
  /** The context words as a regex (explanations, the spoken pass) and as a finder over a window (candidate.ts). */
  words: RegExp;
  exclude: RegExp | null;
  findWords: WordFinder;
  findExclude: WordFinder | null;
  before: number;
  after: number;
  boost: number;
  required: boolean;
  /** Windows end at the candidate's line ("Cell …" is no cue for the house number under it), the after window at the next number. */
  sameLine: boolean;
}

export interface CompiledRule {
  index: number;
  id: string;
  entity: string;
  pack: string;
  description: string;
  regulations: string[];
  docsUrl: string | undefined;
  detector: string;
  base: number;
  validators: { name: string; fn: Validator }[];
  context: CompiledContext | null;
  allow: Set<string> | null;
  mask: Mask;
  maskSpec: { type: string } & Record<string, unknown>;
  retention: 'any' | 'none';
  source: Rule;
}

export interface DigitRule {
  rule: CompiledRule;
  min: number;
  max: number;
  shapes: Set<string> | null;
  /** How many groups the listed shapes have (a window of another count is none of them). */
  shapeCounts: Set<number>;
  /** Allowed layouts: equal groups (last one shorter or equal) and/or listed shapes; null: any. */
  layouts: { equal: boolean; shapes: Set<string>; counts: Set<number> } | null;
  groupCount: [number, number];
  groupDigits: [number, number];
  /** Allowed joiner characters by char code (< 256). */
  sep: Uint8Array;
  maxSep: number;
  consistent: boolean;
  lead: Uint8Array;
  requireLeading: boolean;
  written: boolean;
  spoken: boolean;
  /** Spoken numbers only as whole readings (no windows cut out of longer ones). */
  spokenWhole: boolean;
  skipGlued: boolean;
  /** A number beside a currency code or symbol is never this rule's value (detector option amounts: 'skip'). */
  skipAmounts: boolean;
  /** A phone extension right after the number ('x036', ' ext. 12') is part of the match. */
  extension: boolean;
  /** A checksum validator confirms the rule's numbers (luhn, mod-97): an amount's currency does not unmake them. */
  checksum: boolean;
  /** Whole runs only (scan-digits.ts): `writtenWindows: 'whole'`, or no layout and a required cue. */
  wholeRun: boolean;
  /** Integer gates of the rule's built-in validators over a window's digits (validators/digit-gates.ts); null: none. */
  gates: DigitGate[] | null;
}

export type CompiledValue =
  | { kind: 'number'; min: number; max: number }
  /** A built-in value reader (value-readers.ts): expiry dates in any written or spoken form. */
  | { kind: 'reader'; reader: ValueReader }
  | {
      kind: 'pattern';
      re: RegExp;
      maxLength: number;
      /**
       * The same pattern unanchored, for a value written before its cue or in the next turn; null when the
       * pattern holds no digit class (names, words): only numbers, dates and IDs are read there.
       */
      reBefore: RegExp | null;
    };

export interface KeywordTarget {
  rule: CompiledRule;
  deny: boolean;
  values: CompiledValue[];
  before: { re: RegExp; maxLength: number } | null;
  span: 'value' | 'keyword-and-value' | 'before-keyword-value';
  maxGap: number;
  /** The rule's filler tokens (cue-fillers.ts), or null when the rule lists no fillers. */
  fillers: FillerTable | null;
  maxFillers: number;
}

/** A keyword phrase: a sticky regex confirming it at a word start, and the rules it anchors. */
export interface KeywordPhrase {
  re: RegExp;
  /** The same test by character code (phrase-literal.ts), or null for a phrase the regex reads alone. */
  lit: PhraseLiteral | null;
  targets: KeywordTarget[];
  length: number;
}

/** What a word of the text can start: a spoken number, case-insensitive or case-sensitive keyword phrases. */
export interface WordEntry {
  key: string;
  spoken: boolean;
  phrases: KeywordPhrase[];
  phrasesCs: KeywordPhrase[];
}

export interface ScanPlan {
  rules: CompiledRule[];
  digitRules: DigitRule[];
  writtenDigitRules: DigitRule[];
  spokenDigitRules: DigitRule[];
  /** Fewest digits any written digit rule accepts: shorter runs are skipped at once. */
  minWrittenDigits: number;
  /**
   * By length (capped at 33): whether some written rule accepts a lone digit group of that many digits
   * (bit 1), or only when it opens with a leading character such as '+' (bit 2). Lone groups of other
   * lengths ("order 782331") are skipped without walking their run.
   */
  loneGroup: Uint8Array;
  /**
   * The characters this redactor's masks write (•, or a configured one): digits joined to them are what a
   * mask kept ("•••• •••.1804"), and no digit window starts or ends at them, so a second pass finds nothing new.
   */
  maskChars: Set<number>;
  /** Words (keyword first words and number words) by lowercase hash. */
  words: WordTable<WordEntry>;
  /**
   * The word gates: one irregexp alternation of the case-insensitive keyword phrases and the number words
   * that start a spoken number, and one of the case-sensitive phrases. irregexp skips the text between
   * hits in native code; JavaScript runs at hits only.
   */
  wordGate: RegExp | null;
  wordGateCs: RegExp | null;
  /**
   * wordGate cut into parts by first character, each under irregexp's optimisation limit (gateParts): the
   * scanner runs these and takes their hits in text order, which are wordGate's hits.
   */
  wordGateParts: RegExp[];
  /**
   * Per ASCII character: 1 + the index of the one part of wordGateParts whose phrases may start with it
   * (case-folded), 0 when none or more than one (then every part is tried).
   */
  wordGatePartOf: Uint8Array;
  /** Shape rules combined into one global alternation per flag set (named group per rule). */
  shapeGate: RegExp | null;
  shapeGateCi: RegExp | null;
  shapeRules: Map<string, { rule: CompiledRule; whole: RegExp }>;
  emailRules: CompiledRule[];
  ipv6Rules: CompiledRule[];
  speakerRules: { rule: CompiledRule; ignore: Set<string>; lex: NameLexicon }[];
  /** person-names rules with their lexicons (names/). */
  nameRules: NamesRule[];
  /** postal-address rules with their grammars (address/). */
  addressRules: AddressRule[];
  /** Delimited rows and record members typed by header, key or neighbour (table/); null with no key hints. */
  table: TablePlan | null;
  /** Prefilters of the scanner's gates for short texts (prefilter.ts): the word gates, the shape gates. */
  gateFilters: (GateFilter | null)[];
}

export interface PlanOptions {
  modes: ReadonlySet<string>;
  disable: ReadonlySet<string>;
  masks: Record<string, string | ({ type: string } & Record<string, unknown>)>;
  validators: Record<string, Validator>;
  maskEnv: MaskEnv;
  /** The redactor's key hints (normalized key → entity): they type table columns and record members in text. */
  keyHints?: Readonly<Record<string, string>>;
}

export interface LoadedPack {
  pack: RulePack;
  file: string;
  /** Shipped packs are checked for ReDoS in the test suite; user packs are checked at load. */
  trusted: boolean;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A literal phrase as a regex: escaped, inner spaces matching 1–3 whitespace characters, word-bounded. */
function phrase(word: string): string {
  return gateTokens(word, false).join('') + phraseEnd(word);
}

/**
 * What ends a phrase: no letter after a final letter, no digit after a final digit (a value glued to its cue,
 * "cvv123", "PIN4921", is still read), nothing after punctuation ("ss#").
 */
const phraseEnd = (word: string) => (/[A-Za-z]$/.test(word) ? '(?![A-Za-z])' : /\w$/.test(word) ? '(?![0-9A-Za-z_])' : '');

/** One `\b(?:…)` alternation, longest phrase first (irregexp takes the first alternative that matches). */
function wordsRegex(words: string[], flags: string): RegExp {
  return sharedRegExp(`\\b(?:${wordsOrder(words).map(phrase).join('|')})`, flags);
}

/** A context list in its regex's alternative order. */
const wordsOrder = (words: string[]) => [...new Set(words.map((w) => w.trim()))].sort((a, b) => b.length - a.length || a.localeCompare(b));

/** A context list's regex and the finder that reads windows with its semantics (context-words.ts). */
export function contextLists(ctx: NonNullable<Rule['context']>): Pick<CompiledContext, 'words' | 'exclude' | 'findWords' | 'findExclude'> {
  const words = wordsRegex(ctx.words, 'i');
  const exclude = ctx.exclude?.length ? wordsRegex(ctx.exclude, 'i') : null;
  return {
    words,
    exclude,
    findWords: contextFinder(wordsOrder(ctx.words), words),
    findExclude: exclude ? contextFinder(wordsOrder(ctx.exclude!), exclude) : null,
  };
}

/**
 * Context-word regexes by flags and source, shared by every plan: they hold no state (neither global nor
 * sticky). V8 runs a new regex in its interpreter until it tiers up, and a redactor created after others had
 * redacted large texts kept its context regexes interpreted for good: twice the time per short string
 * (benchmarks/RESULTS.md). Sharing gives it the compiled ones. Bounded, oldest out, for packs made at run time.
 */
const SHARED_LIMIT = 4096;
const shared = new Map<string, RegExp>();
function sharedRegExp(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = shared.get(key);
  if (!re) {
    if (shared.size >= SHARED_LIMIT) shared.delete(shared.keys().next().value as string);
    shared.set(key, (re = new RegExp(source, flags)));
  }
  return re;
}

export function keywordKey(text: string, caseSensitive: boolean): string {
  const k = text.replace(/\s+/g, ' ');
  return caseSensitive ? k : k.toLowerCase();
}

function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(256);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}

function maskFor(rule: Rule, opts: PlanOptions, where: string): { mask: Mask; spec: { type: string } & Record<string, unknown> } {
  // Own members only: a rule id or entity that names an Object.prototype member ("constructor") is not a mask.
  const byId = Object.hasOwn(opts.masks, rule.id) ? opts.masks[rule.id] : undefined;
  const byEntity = Object.hasOwn(opts.masks, rule.entity) ? opts.masks[rule.entity] : undefined;
  const raw = byId ?? byEntity ?? rule.mask;
  const spec = typeof raw === 'string' ? { type: raw } : raw;
  const source = byId ? `masks.${rule.id}` : byEntity ? `masks.${rule.entity}` : where;
  const mask = createMask(spec, opts.maskEnv, source);
  if ((rule.retention ?? 'any') === 'none' && mask.retention !== 'none') {
    throw new CaregateError(
      'E_MASK_RETENTION',
      `${source}: ${rule.entity} (rule ${rule.id}) may keep nothing of the value, but the "${mask.name}" mask keeps ${mask.retention === 'partial' ? 'some of its digits' : mask.retention === 'length' ? 'its length' : 'a linkable label or pseudonym'}; use "label" (unnumbered) or "remove"`,
      { path: source },
    );
  }
  return { mask, spec };
}

export function compilePlan(packs: LoadedPack[], opts: PlanOptions): ScanPlan {
  const plan: ScanPlan = {
    rules: [], digitRules: [], writtenDigitRules: [], spokenDigitRules: [], minWrittenDigits: 32, loneGroup: new Uint8Array(34), maskChars: new Set(),
    words: new WordTable<WordEntry>(), wordGate: null, wordGateCs: null, wordGateParts: [], wordGatePartOf: new Uint8Array(128),
    shapeGate: null, shapeGateCi: null, shapeRules: new Map(),
    emailRules: [], ipv6Rules: [], speakerRules: [], nameRules: [], addressRules: [], table: null, gateFilters: [],
  };
  const seen = new Map<string, string>();
  const phrases = new Map<string, { word: string; cs: boolean; targets: KeywordTarget[] }>();
  const addPhrase = (word: string, cs: boolean, target: KeywordTarget) => {
    const key = `${cs ? 'cs' : 'ci'}:${keywordKey(word, cs)}`;
    const p = phrases.get(key) ?? { word, cs, targets: [] };
    p.targets.push(target);
    phrases.set(key, p);
  };
  const shapes: string[] = [];
  const shapesCi: string[] = [];

  for (const { pack, file, trusted } of packs) {
    pack.rules.forEach((rule, ruleIdx) => {
      const ptr = `/rules/${ruleIdx}`;
      const where = { file, pointer: ptr };
      const prior = seen.get(rule.id);
      if (prior) {
        throw new CaregateError('E_RULE_DUPLICATE', `rule id "${rule.id}" in ${file} at ${ptr} is already defined by ${prior}; rule ids must be unique`, where);
      }
      seen.set(rule.id, file);
      if (opts.disable.has(rule.id) || opts.disable.has(rule.entity)) return;
      if (rule.modes && !rule.modes.some((m) => opts.modes.has(m))) return;

      const validators = (rule.validators ?? []).map((name, i) => {
        const fn = Object.hasOwn(opts.validators, name) ? opts.validators[name] : undefined;
        if (typeof fn !== 'function') {
          throw new CaregateError(
            'E_RULE_VALIDATOR',
            `unknown validator "${name}" in ${file} at ${ptr}/validators/${i}; known validators: ${Object.keys(opts.validators).sort().join(', ')}`,
            { file, pointer: `${ptr}/validators/${i}` },
          );
        }
        return { name, fn };
      });

      const { mask, spec } = maskFor(rule, opts, `${file} at ${ptr}/mask`);
      const ctx = rule.context;
      if (ctx?.words) ctx.words.forEach((w, i) => checkWord(w, file, `${ptr}/context/words/${i}`));
      const compiled: CompiledRule = {
        index: plan.rules.length,
        id: rule.id,
        entity: rule.entity,
        pack: pack.pack,
        description: rule.description,
        regulations: rule.regulations,
        docsUrl: rule.docsUrl,
        detector: detectorName(rule),
        base: rule.confidence,
        validators,
        context: ctx
          ? {
              ...contextLists(ctx),
              before: ctx.before ?? 48,
              after: ctx.after ?? 24,
              boost: ctx.boost ?? 0.15,
              required: ctx.required ?? false,
              sameLine: ctx.sameLine ?? false,
            }
          : null,
        allow: rule.allow?.length ? new Set(rule.allow.map((a) => a.trim().toLowerCase())) : null,
        mask,
        maskSpec: spec,
        retention: rule.retention ?? 'any',
        source: rule,
      };
      plan.rules.push(compiled);
      const d = rule.detector;

      if (isDigitsDetector(d)) {
        const dr = compileDigits(compiled, d, file, ptr);
        plan.digitRules.push(dr);
        if (dr.written) {
          plan.writtenDigitRules.push(dr);
          plan.minWrittenDigits = Math.min(plan.minWrittenDigits, dr.min);
          if (dr.groupCount[0] <= 1) {
            for (let n = Math.max(dr.min, dr.groupDigits[0]); n <= Math.min(dr.max, dr.groupDigits[1]); n++) {
              if (dr.shapes && !dr.shapes.has(String(n))) continue;
              plan.loneGroup[n]! |= dr.requireLeading ? 2 : 1;
            }
          }
        }
        if (dr.spoken) plan.spokenDigitRules.push(dr);
      } else if (isBuiltinDetector(d)) {
        addBuiltin(plan, compiled, d, `${file} at ${ptr}/detector/lexicons`);
      } else if (isKeywordDetector(d)) {
        const target = compileKeyword(compiled, d, file, ptr, trusted);
        d.keywords.forEach((k, i) => {
          checkWord(k, file, `${ptr}/detector/keywords/${i}`);
          addPhrase(k, !!d.caseSensitive, target);
        });
        if (d.typos && !d.caseSensitive) {
          const cues = new Set(d.keywords.map((k) => keywordKey(k, false)));
          const common = loadNameLexicon(['names'], `${file} at ${ptr}/detector/typos`).commonWords;
          for (const k of d.keywords) for (const v of misspeltCues(k, common, cues)) addPhrase(v, false, target);
        }
      } else if (isShapeDetector(d)) {
        assertSafePattern(d.pattern, d.flags ?? '', { file, pointer: `${ptr}/detector/pattern` }, !trusted);
        if (/\(\?<[A-Za-z]/.test(d.pattern)) {
          throw new CaregateError('E_RULE_PATTERN', `${file} at ${ptr}/detector/pattern: shape patterns may not use named groups`, where);
        }
        const group = `r${compiled.index}`;
        ((d.flags ?? '').includes('i') ? shapesCi : shapes).push(`(?<${group}>${d.pattern})`);
        // The pattern alone, anchored at both ends: shorter matches are retried with it when validators refuse.
        plan.shapeRules.set(group, { rule: compiled, whole: new RegExp(`^(?:${d.pattern})$`, d.flags ?? '') });
      }

      // Deny-listed terms ride on the keyword prefilter: a hit is reported as the rule's entity.
      rule.deny?.forEach((term, i) => {
        checkWord(term, file, `${ptr}/deny/${i}`);
        addPhrase(term, false, { rule: compiled, deny: true, values: [], before: null, span: 'value', maxGap: 0, fillers: null, maxFillers: 0 });
      });
    });
  }

  buildWordTable(plan, phrases);
  for (const r of plan.rules) {
    if (!['last4', 'bin-last4', 'full'].includes(r.maskSpec.type)) continue;
    const ch = typeof r.maskSpec.char === 'string' ? r.maskSpec.char : '•';
    for (let i = 0; i < ch.length; i++) plan.maskChars.add(ch.charCodeAt(i));
  }
  if (shapes.length) plan.shapeGate = new RegExp(shapes.join('|'), 'g');
  if (shapesCi.length) plan.shapeGateCi = new RegExp(shapesCi.join('|'), 'gi');
  // The scanner's gates' prefilters (prefilter.ts); the shape alternations and the case-sensitive phrases
  // are long, but every match needs a digit or a capital, so theirs are worth building whatever their length.
  plan.gateFilters = [plan.wordGate && gateFilter(plan.wordGate), plan.wordGateCs && gateFilter(plan.wordGateCs, Infinity), plan.shapeGate && gateFilter(plan.shapeGate, Infinity), plan.shapeGateCi && gateFilter(plan.shapeGateCi, Infinity)];
  if (opts.keyHints) plan.table = compileTablePlan(plan.rules, opts.keyHints, plan.maskChars);
  return plan;
}

/** The first word of a phrase as the scanner reads it: its leading run of letters, or of digits. */
function firstWordOf(phraseText: string): string {
  return (/^(?:[a-z]+|[0-9]+)/i.exec(phraseText)?.[0] ?? '').toLowerCase();
}

/** A phrase as regex tokens: its characters escaped, each run of inner spaces one `\\s{1,3}` token. */
function gateTokens(word: string, lower: boolean): string[] {
  const tokens: string[] = [];
  word.trim().split(/\s+/).forEach((w, i) => {
    if (i > 0) tokens.push('\\s{1,3}');
    for (const c of lower ? w.toLowerCase() : w) tokens.push(escapeRe(c));
  });
  return tokens;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Regex tails that end a phrase or number word here ('' when nothing more is needed). */
  ends: Set<string>;
}

function trieAdd(root: TrieNode, tokens: readonly string[], end: string): void {
  let node = root;
  for (const t of tokens) {
    let child = node.next.get(t);
    if (!child) node.next.set(t, (child = { next: new Map(), ends: new Set() }));
    node = child;
  }
  node.ends.add(end);
}

function trieRender(node: TrieNode): string {
  // A tail that needs nothing more wins at once: the gate needs only where a hit stands.
  const alts = node.ends.has('') ? [''] : [...node.ends];
  for (const [t, child] of node.next) alts.push(t + trieRender(child));
  return alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
}

/**
 * A gate (speed.md B1): one irregexp alternation, `\\b` hoisted in front, of the first words of the keyword
 * phrases and of the number words that start a spoken number, written as a trie so that irregexp tries
 * each character once. The rest of a phrase is a lookahead, so a hit is a whole phrase (not every "my" or
 * "customer" of the text) and the match ends with the first word: the scanner takes `lastIndex` and
 * reads the word back, without a match array.
 */
function gate(phrases: readonly string[], numberWords: readonly string[], flags: string): RegExp | null {
  const root = gateTrie(phrases, numberWords, flags);
  return root && new RegExp(`\\b${trieRender(root)}`, flags);
}

/** The case-insensitive gate and its parts (gateParts), from one trie. */
export function gateWithParts(phrases: readonly string[], numberWords: readonly string[], flags: string): { whole: RegExp | null; parts: RegExp[]; partOf: Uint8Array } {
  const partOf = new Uint8Array(128);
  const root = gateTrie(phrases, numberWords, flags);
  if (!root) return { whole: null, parts: [], partOf };
  // The root holds no ends (every phrase has a first character): trieRender(root) is its children's alternation.
  const alts = [...root.next].map(([t, child]) => ({ t, source: t + trieRender(child) }));
  const group = (xs: { source: string }[]) => new RegExp(`\\b${xs.length === 1 ? xs[0]!.source : `(?:${xs.map((x) => x.source).join('|')})`}`, flags);
  const whole = group(alts);
  if (whole.source.length <= GATE_PART_MAX) return { whole, parts: [whole], partOf };
  const cut = gateParts(alts, flags, group);
  // An ASCII first character, case-folded, is matched by its own alternatives only (irregexp's case folding
  // without the u flag never maps a character above U+007F to one below): one part holds them.
  const ci = flags.includes('i');
  cut.members.forEach((members, k) => {
    for (const a of members) {
      for (const t of ci ? [a.t.toLowerCase(), a.t.toUpperCase()] : [a.t]) {
        const c = t.length === 1 ? t.charCodeAt(0) : 128;
        if (c < 128) partOf[c] = partOf[c] === 0 || partOf[c] === k + 1 ? k + 1 : 255;
      }
    }
  });
  for (let c = 0; c < 128; c++) if (partOf[c] === 255) partOf[c] = 0;
  return { whole, parts: cut.parts, partOf };
}

/**
 * V8 compiles a pattern longer than 20 KB (RegExp::kRegExpTooLargeToOptimize) without its optimisations
 * (quick checks, Boyer-Moore skips): the keyword gate, 39 KB with the misspelt cues, ran at 29 MB/s where
 * its parts under the limit run at 220–320 MB/s each.
 */
const GATE_PART_MAX = 16_000;

/**
 * The gate as parts of at most GATE_PART_MAX characters, cut between the alternatives of its first
 * character. First characters that case-fold alike stay in one part, so at any position at most one part
 * matches, and the same alternatives as the whole gate in the same order: the parts' hits, merged in text
 * order, are the gate's.
 */
function gateParts<A extends { t: string; source: string }>(alts: A[], flags: string, group: (xs: A[]) => RegExp): { parts: RegExp[]; members: A[][] } {
  const folds = new Map<string, A[]>();
  for (const a of alts) {
    const fold = flags.includes('i') ? a.t.toUpperCase() : a.t;
    let list = folds.get(fold);
    if (!list) folds.set(fold, (list = []));
    list.push(a);
  }
  const members: A[][] = [];
  let part: A[] = [];
  let size = 0;
  for (const list of folds.values()) {
    const n = list.reduce((k, a) => k + a.source.length + 1, 0);
    if (part.length && size + n > GATE_PART_MAX) {
      members.push(part);
      part = [];
      size = 0;
    }
    part.push(...list);
    size += n;
  }
  if (part.length) members.push(part);
  return { parts: members.map(group), members };
}

/** The trie of the gate's alternatives (see gate), or null when there are none. */
function gateTrie(phrases: readonly string[], numberWords: readonly string[], flags: string): TrieNode | null {
  if (!phrases.length && !numberWords.length) return null;
  const lower = flags.includes('i');
  const firsts = new Map<string, { tokens: string[]; ends: Set<string>; rests: TrieNode }>();
  const first = (tokens: string[]) => {
    const key = tokens.join('');
    let f = firsts.get(key);
    if (!f) firsts.set(key, (f = { tokens, ends: new Set(), rests: { next: new Map(), ends: new Set() } }));
    return f;
  };
  for (const p of phrases) {
    const tokens = gateTokens(p, lower);
    const n = firstWordOf(p).length;
    const f = first(tokens.slice(0, n));
    if (tokens.length === n) f.ends.add(phraseEnd(p));
    else trieAdd(f.rests, tokens.slice(n), phraseEnd(p));
  }
  for (const w of numberWords) first(gateTokens(w, lower)).ends.add('(?![A-Za-z])');
  const root: TrieNode = { next: new Map(), ends: new Set() };
  for (const f of firsts.values()) {
    const alts = [...f.ends];
    if (f.rests.next.size || f.rests.ends.size) alts.push(`(?=${trieRender(f.rests)})`);
    trieAdd(root, f.tokens, alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`);
  }
  return root;
}

/**
 * Groups keyword phrases and number words by first word. Each phrase becomes a sticky regex run at the
 * word where the scanner found its first word, longest phrase first (as the prefilter alternation was).
 */
function buildWordTable(plan: ScanPlan, phrases: Map<string, { word: string; cs: boolean; targets: KeywordTarget[] }>): void {
  const entries = new Map<string, WordEntry>();
  const entry = (key: string) => {
    let e = entries.get(key);
    if (!e) entries.set(key, (e = { key, spoken: false, phrases: [], phrasesCs: [] }));
    return e;
  };
  const gateCi: string[] = [];
  const gateCs: string[] = [];
  for (const { word, cs, targets } of phrases.values()) {
    const key = firstWordOf(word);
    const re = new RegExp(phrase(word), cs ? 'y' : 'iy');
    (cs ? entry(key).phrasesCs : entry(key).phrases).push({ re, lit: phraseLiteral(word, !cs), targets, length: word.length });
    (cs ? gateCs : gateCi).push(word);
  }
  if (plan.spokenDigitRules.length) for (const w of GATE_WORDS) entry(w).spoken = true;
  for (const e of entries.values()) {
    e.phrases.sort((a, b) => b.length - a.length);
    e.phrasesCs.sort((a, b) => b.length - a.length);
  }
  const table = new WordTable<WordEntry>(entries.size + 16);
  for (const e of entries.values()) table.add(e);
  plan.words = table;
  const ci = gateWithParts(gateCi, plan.spokenDigitRules.length ? GATE_WORDS : [], 'gi');
  plan.wordGate = ci.whole;
  plan.wordGateParts = ci.parts;
  plan.wordGatePartOf = ci.partOf;
  plan.wordGateCs = gate(gateCs, [], 'g');
}

function checkWord(word: string, file: string, pointer: string): void {
  if (!/^[A-Za-z0-9]/.test(word)) {
    throw new CaregateError('E_RULE_WORD', `${file} at ${pointer}: "${word}" must start with a letter or digit (words are matched on word boundaries)`, { file, pointer });
  }
}

function detectorName(rule: Rule): string {
  const d = rule.detector;
  if (isDigitsDetector(d)) return 'digits';
  if (isBuiltinDetector(d)) return d.builtin;
  if (isKeywordDetector(d)) return 'keyword';
  return 'shape';
}

function addBuiltin(plan: ScanPlan, rule: CompiledRule, d: BuiltinDetector, where: string): void {
  if (d.builtin === 'email') plan.emailRules.push(rule);
  else if (d.builtin === 'ipv6') plan.ipv6Rules.push(rule);
  else if (d.builtin === 'person-names') plan.nameRules.push(compileNamesRule(rule, d.lexicons, where));
  else if (d.builtin === 'postal-address') plan.addressRules.push(compileAddressRule(rule, d.lexicons, where));
  else {
    const lex = loadNameLexicon(d.lexicons?.length ? d.lexicons : ['names'], where);
    plan.speakerRules.push({ rule, ignore: new Set((d.ignoreLabels ?? []).map((l) => l.toLowerCase())), lex });
  }
}

/** Validators that confirm a number by its check digits. */
const CHECKSUM_VALIDATORS: ReadonlySet<string> = new Set(['luhn', 'iban-mod97']);

const groupCounts = (shapes: readonly string[]) => new Set(shapes.map((x) => x.split('-').length));

function compileDigits(rule: CompiledRule, d: DigitsDetector, file: string, ptr: string): DigitRule {
  if (d.digits.min > d.digits.max) {
    throw new CaregateError('E_RULE_DIGITS', `${file} at ${ptr}/detector/digits: min (${d.digits.min}) is above max (${d.digits.max})`, { file, pointer: `${ptr}/detector/digits` });
  }
  return {
    rule,
    min: d.digits.min,
    max: d.digits.max,
    shapes: d.groups ? new Set(d.groups) : null,
    shapeCounts: groupCounts(d.groups ?? []),
    layouts: d.layouts
      ? { equal: d.layouts.includes('equal'), shapes: new Set(d.layouts.filter((l) => l !== 'equal')), counts: groupCounts(d.layouts.filter((l) => l !== 'equal')) }
      : null,
    groupCount: d.groupCount ? [d.groupCount.min, d.groupCount.max] : [1, 32],
    groupDigits: d.groupDigits ? [d.groupDigits.min, d.groupDigits.max] : [1, 32],
    sep: charTable(d.separators ?? ''),
    maxSep: d.maxSeparatorLength ?? 1,
    consistent: d.consistentSeparators ?? false,
    lead: charTable(d.leading ?? ''),
    requireLeading: d.requireLeading ?? false,
    written: d.written ?? true,
    spoken: d.spoken ?? false,
    spokenWhole: d.spokenWindows === 'whole',
    skipGlued: (d.gluedToLetters ?? 'skip') === 'skip',
    skipAmounts: d.amounts === 'skip',
    extension: d.extension ?? false,
    checksum: rule.validators.some((v) => CHECKSUM_VALIDATORS.has(v.name)),
    gates: digitGatesOf(rule.validators),
    wholeRun: d.writtenWindows ? d.writtenWindows === 'whole' : !d.layouts && !d.groups && rule.context !== null && rule.context.required,
  };
}

function compilePattern(spec: PatternSpec, where: { file: string; pointer: string }, trusted: boolean, extraFlags: string): RegExp {
  const flags = `${spec.flags ?? ''}${extraFlags}`;
  // Checked with the flags it runs with: a sticky value pattern is analysed as anchored.
  assertSafePattern(spec.pattern, flags, where, !trusted);
  return new RegExp(spec.pattern, flags);
}

/** Number words a value pattern read aloud spells out ("nineteen", "twenty"): as a number, it may stand before its cue too. */
const SPOKEN_NUMBER_PATTERN = new RegExp(`\\b(?:${GATE_WORDS.join('|')})\\b`);

/** Whether a value pattern reads a number, written ("\\d", "0-9") or read aloud. */
const isNumberValue = (pattern: string) => /\\d|0-9/.test(pattern) || SPOKEN_NUMBER_PATTERN.test(pattern);

function compileKeyword(rule: CompiledRule, d: KeywordDetector, file: string, ptr: string, trusted: boolean): KeywordTarget {
  const values: CompiledValue[] = (d.value ?? []).map((v, i) => {
    if ('number' in v) return { kind: 'number', min: v.number.min, max: v.number.max };
    if ('reader' in v) return { kind: 'reader', reader: VALUE_READERS[v.reader] };
    const re = compilePattern(v, { file, pointer: `${ptr}/detector/value/${i}/pattern` }, trusted, 'y');
    return { kind: 'pattern', re, maxLength: v.maxLength, reBefore: isNumberValue(v.pattern) ? new RegExp(re.source, `${re.flags.replace('y', '')}g`) : null };
  });
  const span = d.span ?? 'value';
  if (!values.length && span !== 'before-keyword-value') {
    throw new CaregateError('E_RULE_KEYWORD', `${file} at ${ptr}/detector: a keyword rule needs "value" unless its span is "before-keyword-value"`, { file, pointer: `${ptr}/detector` });
  }
  let before: KeywordTarget['before'] = null;
  if (d.before) {
    // Anchored at the end of a bounded slice that stops right before the keyword.
    assertSafePattern(d.before.pattern, d.before.flags ?? '', { file, pointer: `${ptr}/detector/before/pattern` }, !trusted);
    before = { re: new RegExp(`(?:${d.before.pattern})\\s{0,2}$`, d.before.flags ?? ''), maxLength: d.before.maxLength };
  }
  return { rule, deny: false, values, before, span, maxGap: d.maxGap ?? 24, fillers: compileFillers(d.fillers), maxFillers: d.maxFillers ?? 4 };
}
