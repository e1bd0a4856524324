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
