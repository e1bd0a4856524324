/** What a mask sees of one finding. */
export interface MaskInput {
  /** The finding's text. */
  text: string;
  /** The digits of a numeric finding ('' otherwise): pseudonyms and labels key on them, so "4111-…" and "4111 …" match. */
  digits: string;
  entity: string;
  ruleId: string;
  /** Per-document (or per-stream) state: numbered labels stay consistent within it. */
  state: MaskState;
}

export interface MaskState {
  /** Keyed digest of (entity, value) → number given to it, for numbered labels. */
  labels: Map<string, number>;
  counters: Map<string, number>;
  /** Where the `token` mask takes its tokens for this document, when not the redactor's own vault scope. */
  tokens?: TokenSink;
}

/**
 * What the `token` mask asks of a token vault (caregate/vault): a token now, synchronously, and the
 * encrypted entry written at the next flush.
 */
export interface TokenSink {
  tokenize(request: TokenRequest): string;
  /** Writes every token made so far durably; resolves only when they are. */
  flush(): Promise<void>;
}

export interface TokenRequest {
  entity: string;
  /** The value as found in the text. */
  text: string;
  /** Its ASCII digits for a numeric value ('' otherwise): equal numbers written differently get one token. */
  digits: string;
  form: 'label' | 'format-preserving';
  keep: 'last4' | 'bin-last4';
}

/**
 * How much of the value a mask keeps: rules whose retention is 'none' (CVV, passwords) accept only masks
 * that keep nothing — not digits, not length, not a linkable label or pseudonym.
 */
export type Retention = 'none' | 'linkable' | 'length' | 'partial';

export interface Mask {
  name: string;
  retention: Retention;
  apply(input: MaskInput): string;
  /** Whether `text` already is what this mask makes of a value of `entity` (so masking it again changes nothing). */
  isMasked?(text: string, entity: string): boolean;
}

export function newMaskState(): MaskState {
  return { labels: new Map(), counters: new Map() };
}
