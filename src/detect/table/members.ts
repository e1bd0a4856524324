import type { ScanContext } from '../candidate.js';
import { fitsEntity } from './cell-shapes.js';
import { BY_HEADER, offerCell } from './offer.js';
import type { TablePlan } from './plan.js';

/**
 * Record members in text (JSON, or a Python or JS literal pasted into a note): `"cvv": "123"`, `'dob': '…'`,
 * `"pan": 4111…`. A member whose key is a key hint has its value typed by the key, when the value fits the
 * entity (fitsEntity). Each member is decided from its key and its value, which end within MAX_VALUE of the
 * key: well inside the window a stream step has ahead of a hit.
 */
export interface MemberPassState {
  /** Absolute offset the key search resumes at. */
  next: number;
}

export const newMemberPassState = (): MemberPassState => ({ next: 0 });

/** A quoted key and its colon. Bounded: a key of at most 41 characters, at most 3 blanks either side. */
const MEMBER = /(["'])([A-Za-z][A-Za-z0-9_ .-]{0,40})\1[ \t]{0,3}:[ \t]{0,3}/g;
const NUMBER = /-?\d[\d.]{0,31}/y;
const MAX_VALUE = 256;

export function membersPass(ctx: ScanContext, tp: TablePlan, st: MemberPassState, limit: number): void {
  const text = ctx.text;
  let i = Math.max(0, st.next - ctx.base);
  while (i < limit) {
    MEMBER.lastIndex = i;
    const m = MEMBER.exec(text);
    if (!m || m.index >= limit) {
      i = limit;
      break;
    }
    i = MEMBER.lastIndex;
    const entity = tp.hintOf(m[2]!);
    const v = MEMBER.lastIndex;
    const q = text.charCodeAt(v);
    let s = -1;
    let e = -1;
    if (q === 34 || q === 39) {
      e = closingQuote(text, v + 1, q);
      if (e < 0) continue;
      s = v + 1;
      i = e + 1;
    } else {
      NUMBER.lastIndex = v;
      if (!NUMBER.test(text)) continue;
      s = v;
      e = NUMBER.lastIndex;
      i = e;
    }
    if (!entity) continue;
    while (s < e && text.charCodeAt(s) === 32) s++;
    while (e > s && text.charCodeAt(e - 1) === 32) e--;
    if (fitsEntity(entity, text.slice(s, e))) offerCell(ctx, tp, entity, s, e, BY_HEADER);
  }
  st.next = ctx.base + i;
}

/** The closing quote of a string value starting at `from` (backslash escapes skipped), within MAX_VALUE; else -1. */
function closingQuote(text: string, from: number, quote: number): number {
  const stop = Math.min(text.length, from + MAX_VALUE);
  for (let k = from; k < stop; k++) {
    const c = text.charCodeAt(k);
    if (c === 92) k++;
    else if (c === quote) return k;
    else if (c === 10) return -1;
  }
  return -1;
}
