import type { ValueReaderName } from '../rules/types.js';
import { EXPIRY_REACH, readExpiryAfter, readExpiryAfterCard } from './expiry-value.js';

/** What a value reader found: its span in the scanned text and its digits (normalized, for validators). */
export interface ReadValue {
  start: number;
  end: number;
  digits: string;
}

/** A value reader: given the text and the end of its cue, the value that belongs to the cue, or null. */
export interface ValueReader {
  read: (text: string, from: number) => ReadValue | null;
  /** How far after the cue it reads at most (bounded by limits.ts MAX_MATCH). */
  reach: number;
}

/** Built-in value readers by name; keyword rules name them in `value: [{ "reader": … }]`. */
export const VALUE_READERS: Readonly<Record<ValueReaderName, ValueReader>> = Object.freeze({
  'card-expiry': { read: readExpiryAfter, reach: EXPIRY_REACH + 40 },
  'card-expiry-after-card': { read: readExpiryAfterCard, reach: EXPIRY_REACH + 100 },
});
