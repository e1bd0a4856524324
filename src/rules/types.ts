/** The shape of a rule pack as written in rules/*.json (validated by rules/schema.json). */

export interface RulePack {
  pack: string;
  version: string;
  description: string;
  rules: Rule[];
}

export interface Rule {
  id: string;
  entity: string;
  description: string;
  regulations: string[];
  docsUrl?: string;
  detector: Detector;
  validators?: string[];
  context?: ContextSpec;
  allow?: string[];
  deny?: string[];
  confidence: number;
  mask: MaskSpec;
  retention?: 'any' | 'none';
  modes?: string[];
  examples: { positive: PositiveExample[]; negative: string[] };
}

export interface PositiveExample {
  text: string;
  match: string;
  modes?: string[];
}

export interface ContextSpec {
  words: string[];
  before?: number;
  after?: number;
  boost?: number;
  required?: boolean;
  /** Context words count only on the candidate's own line, and after it only up to the next number. */
  sameLine?: boolean;
  exclude?: string[];
}

export type Detector = DigitsDetector | BuiltinDetector | KeywordDetector | ShapeDetector;

export interface DigitsDetector {
  builtin: 'digits';
  digits: { min: number; max: number };
  groups?: string[];
  layouts?: string[];
  groupCount?: { min: number; max: number };
  groupDigits?: { min: number; max: number };
  separators?: string;
  maxSeparatorLength?: number;
  consistentSeparators?: boolean;
  leading?: string;
  requireLeading?: boolean;
  written?: boolean;
  spoken?: boolean;
  spokenWindows?: 'any' | 'whole';
  /** 'whole': written numbers only as whole runs of joined groups, never windows cut out of longer ones. */
  writtenWindows?: 'any' | 'whole';
  gluedToLetters?: 'skip' | 'allow';
  /** A number beside a currency: this rule's value only with a context word ('context'), or never ('skip'). */
  amounts?: 'context' | 'skip';
  /** A phone extension right after the number is part of the match. */
  extension?: boolean;
}

export interface BuiltinDetector {
  builtin: 'email' | 'ipv6' | 'speaker-label' | 'person-names' | 'postal-address';
  ignoreLabels?: string[];
  /** person-names, postal-address, speaker-label: lexicons (shipped names from rules/lexicons/ or JSON paths). */
  lexicons?: string[];
}

export interface PatternSpec {
  pattern: string;
  flags?: string;
  maxLength: number;
}

export type ValueSpec = PatternSpec | { number: { min: number; max: number } } | { reader: ValueReaderName };

/** Built-in value readers a keyword rule may name (src/detect/value-readers.ts). */
export type ValueReaderName = 'card-expiry' | 'card-expiry-after-card' | 'card-number-split' | 'phone-number-split';

export interface KeywordDetector {
  keywords: string[];
  caseSensitive?: boolean;
  value?: ValueSpec[];
  before?: PatternSpec;
  span?: 'value' | 'keyword-and-value' | 'before-keyword-value';
  maxGap?: number;
  /** Words and phrases that may stand between the cue and its value ("is", "number", "on file", "it's"). */
  fillers?: string[];
  /** How many filler tokens may stand there (punctuation runs do not count). */
  maxFillers?: number;
  /** Also find the cues misspelt by one slip ("passwod", "birthdy"; src/detect/cue-typos.ts). */
  typos?: boolean;
}

export interface ShapeDetector {
  pattern: string;
  flags?: string;
  maxLength: number;
}

export type MaskSpec = string | ({ type: string } & Record<string, unknown>);

export function isDigitsDetector(d: Detector): d is DigitsDetector {
  return (d as DigitsDetector).builtin === 'digits';
}
export function isBuiltinDetector(d: Detector): d is BuiltinDetector {
  const b = (d as BuiltinDetector).builtin;
  return b === 'email' || b === 'ipv6' || b === 'speaker-label' || b === 'person-names' || b === 'postal-address';
}
export function isKeywordDetector(d: Detector): d is KeywordDetector {
  return Array.isArray((d as KeywordDetector).keywords);
}
export function isShapeDetector(d: Detector): d is ShapeDetector {
  return typeof (d as ShapeDetector).pattern === 'string' && !('builtin' in d);
}
