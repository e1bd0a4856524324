import type { ValueReaderName } from '../rules/types.js';
import { readSplitCardAfter, SPLIT_REACH } from './card-split.js';
import { PHONE_SPLIT_REACH, readSplitPhoneAfter } from './phone-split.js';
import type { SplitNumber } from './turn-parts.js';
import { EXPIRY_REACH, readExpiryAfter, readExpiryAfterCard } from './expiry-value.js';

/** What a value reader found: its span in the scanned text and its digits (normalized, for validators). */
export interface ReadValue {
  start: number;
  end: number;
  digits: string;
  /** A value written in parts (a card read out over two turns): each part is reported on its own span. */
  parts?: ReadonlyArray<{ start: number; end: number }>;
}

/** A value reader: given the text and the end of its cue, the value that belongs to the cue, or null. */
export interface ValueReader {
  read: (text: string, from: number) => ReadValue | null;
  /** How far after the cue it reads at most (bounded by limits.ts MAX_MATCH). */
  reach: number;
}

/** A reader of a number written in parts (turns of a dialogue): its span from the first part to the last. */
function partsReader(read: (text: string, from: number) => SplitNumber | null, reach: number): ValueReader {
  return {
    read: (text, from) => {
      const r = read(text, from);
      return r ? { start: r.parts[0]!.start, end: r.parts[r.parts.length - 1]!.end, digits: r.digits, parts: r.parts } : null;
    },
    reach,
  };
}

/** Built-in value readers by name; keyword rules name them in `value: [{ "reader": … }]`. */
export const VALUE_READERS: Readonly<Record<ValueReaderName, ValueReader>> = Object.freeze({
  'card-expiry': { read: readExpiryAfter, reach: EXPIRY_REACH + 40 },
  'card-expiry-after-card': { read: readExpiryAfterCard, reach: EXPIRY_REACH + 100 },
  'card-number-split': partsReader(readSplitCardAfter, SPLIT_REACH),
  'phone-number-split': partsReader(readSplitPhoneAfter, PHONE_SPLIT_REACH),
});
