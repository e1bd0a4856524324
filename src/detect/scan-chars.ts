import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import { ALPHA, CLASS, DIGIT, EMAIL_DOMAIN, EMAIL_LOCAL, IPV6 } from './chars.js';
import { speakerLabelName } from './names/labels.js';
import { isLetter } from './names/letters.js';
import type { ScanPlan } from './plan.js';

/**
 * Detectors anchored on one rare character (speed.md B2): '@' for e-mail addresses, then a table-driven
 * scan back over the local part and forward over the domain; ':' for IPv6 addresses and transcript speaker
 * labels. No class-led regex ever runs over the whole text.
 */
export interface CharPassState {
  /** Where the last e-mail (or '@') ended: the next local part does not reach back past it. */
  emailNext: number;
  /** Where the last IPv6 address ended. */
  colonNext: number;
}

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_IPV6 = 45;
const MAX_LABEL_LINE = 80;

/** The scanner found an '@' at a. */
export function emailAt(ctx: ScanContext, plan: ScanPlan, st: CharPassState, a: number): void {
  if (!plan.emailRules.length || ctx.base + a < st.emailNext) return;
  const text = ctx.text;
  const lo = Math.max(0, st.emailNext - ctx.base, a - MAX_LOCAL);
  let s = a;
  while (s > lo && CLASS[text.charCodeAt(s - 1)]! & EMAIL_LOCAL) s--;
  const tooLong = s === a - MAX_LOCAL && s > 0 && (CLASS[text.charCodeAt(s - 1)]! & EMAIL_LOCAL) !== 0;
  while (s < a && text.charCodeAt(s) === 46) s++;
  let e = a + 1;
  const lim = Math.min(text.length, a + 1 + MAX_DOMAIN);
  while (e < lim && CLASS[text.charCodeAt(e)]! & EMAIL_DOMAIN) e++;
  while (e > a + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
  if (!tooLong && s < a && e > a + 1) {
    for (const rule of plan.emailRules) {
      try {
        offerCandidate(ctx, rule, s, e, '', false, undefined);
      } catch (err) {
        failClosed(ctx, rule, s, e, err);
      }
    }
  }
  st.emailNext = ctx.base + Math.max(e, a + 1);
}

/** The scanner found a ':' at c: an IPv6 address around it, or a speaker label ending at it. */
export function colonAt(ctx: ScanContext, plan: ScanPlan, st: CharPassState, c: number): void {
  if (ctx.base + c < st.colonNext) return;
  if (plan.ipv6Rules.length) {
    // Only a found address moves the mark: a colon that starts none ("::1" at its first ':') must not hide
    // the address from the next colon's walk back.
    const e = ipv6At(ctx, plan, st, c);
    if (e >= 0) st.colonNext = ctx.base + e;
  }
  if (plan.speakerRules.length) speakerAt(ctx, plan, c);
}

/**
 * The run of address characters last walked, for the text of runCtx (one scan step; compared by identity),
 * and the last window of it found to be no address.
 */
let runCtx: ScanContext | null = null;
let runStart = 0;
let runEnd = 0;
let failedS = -1;
let failedE = -1;

/** An IPv6 address around the ':' at c; returns its end when one was found, else -1. */
function ipv6At(ctx: ScanContext, plan: ScanPlan, st: CharPassState, c: number): number {
  const text = ctx.text;
  const prev = CLASS[text.charCodeAt(c - 1)]!;
  const next = CLASS[text.charCodeAt(c + 1)]!;
  if (!(prev & IPV6) || !(next & IPV6)) return -1;
  // The run of address characters around c, walked once for all of its colons (":::…" or "1:1:1:…" would
  // otherwise be walked 90 characters at each colon). The window is the run cut to MAX_IPV6 on each side.
  if (runCtx !== ctx || c < runStart || c >= runEnd) {
    runCtx = ctx;
    runStart = c;
    while (runStart > 0 && CLASS[text.charCodeAt(runStart - 1)]! & IPV6) runStart--;
    runEnd = c + 1;
    while (runEnd < text.length && CLASS[text.charCodeAt(runEnd)]! & IPV6) runEnd++;
    failedS = failedE = -1;
  }
  const s = Math.max(0, st.colonNext - ctx.base, c - MAX_IPV6, runStart);
  let e = Math.min(runEnd, text.length, c + MAX_IPV6);
  while (e > c + 1 && text.charCodeAt(e - 1) === 46) e--;
  // No address is longer than 45 characters: a longer window is none, and is not counted character by
  // character; nor is a window already found to be none at an earlier colon of the same run.
  if (e - s > MAX_IPV6 || (s === failedS && e === failedE)) return -1;
  failedS = s;
  failedE = e;
  // Glued to other letters or digits: part of a longer token, not an address.
  if ((s > 0 && CLASS[text.charCodeAt(s - 1)]! & (ALPHA | DIGIT)) || (e < text.length && CLASS[text.charCodeAt(e)]! & ALPHA)) return -1;
  let colons = 0;
  let hasDigit = false;
  let hasDot = false;
  let compressed = false;
  for (let i = s; i < e; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 58) {
      colons++;
      if (text.charCodeAt(i + 1) === 58) compressed = true;
    } else if (ch === 46) hasDot = true;
    else if (CLASS[ch]! & DIGIT) hasDigit = true;
  }
  // An IPv6 address has eight groups (seven colons), a '::', or six groups before a dotted IPv4 part:
  // clock times and timestamps ("14:50:01") are none of these and never reach the validator.
  if (colons < 2 || !hasDigit || !(colons >= 7 || compressed || (colons === 6 && hasDot))) return -1;
  failedS = failedE = -1; // offered: the candidate's fate depends on more than its characters
  let found = false;
  for (const rule of plan.ipv6Rules) {
    try {
      found = offerCandidate(ctx, rule, s, e, '', false, undefined) || found;
    } catch (err) {
      failClosed(ctx, rule, s, e, err);
    }
  }
  return found ? e : -1;
}

/** A speaker label ("Maria Lopez:", "[00:01:02] Customer (Maria Lopez):") ending at the ':' at c. */
function speakerAt(ctx: ScanContext, plan: ScanPlan, c: number): void {
  const text = ctx.text;
  // A label ends in a name's letter or its closing parenthesis; "14:32" and "http:" are not labels.
  const prev = text.charCodeAt(c - 1);
  if (!(CLASS[prev]! & ALPHA) && prev !== 41 && !(prev > 127 && isLetter(prev))) return;
  // The line must start within MAX_LABEL_LINE characters (a bounded look back, the same in a stream).
  let ls = -1;
  for (let i = c - 1, stop = Math.max(0, c - MAX_LABEL_LINE - 1); i >= stop; i--) {
    if (text.charCodeAt(i) === 10) {
      ls = i + 1;
      break;
    }
  }
  if (ls < 0) {
    if (ctx.base + c > MAX_LABEL_LINE) return;
    ls = -ctx.base; // the text's first line
  }
  // Speaker or field label: decided by the names lexicon (names/labels.ts).
  for (const { rule, ignore, lex } of plan.speakerRules) {
    const found = speakerLabelName(lex, text, Math.max(0, ls), c, ignore);
    if (!found) continue;
    try {
      offerCandidate(ctx, rule, found[0], found[1], '', false, undefined);
    } catch (err) {
      failClosed(ctx, rule, found[0], found[1], err);
    }
  }
}
