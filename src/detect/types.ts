/** A finding: where an entity was found, by which rule, how sure. Never the raw value. */
export interface Finding {
  ruleId: string;
  entity: string;
  /** Offset of the first UTF-16 code unit (a JavaScript string index), from the start of the text or stream. */
  start: number;
  /** Offset one past the last UTF-16 code unit. */
  end: number;
  confidence: number;
  explain?: Explanation;
}

/** Why a finding was reported (detect(text, {explain: true})). Holds rule vocabulary only, never scanned text. */
export interface Explanation {
  detector: string;
  baseConfidence: number;
  validators: { name: string; result: 'valid' | 'invalid' | 'neutral' }[];
  contextWords: string[];
  source?: 'written' | 'spoken';
  error?: string;
}

/** A detector error caught while scanning: the region it was looking at is masked (fail closed). */
export interface ScanError {
  ruleId: string;
  start: number;
  end: number;
  message: string;
}
