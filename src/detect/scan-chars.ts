import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import { ALPHA, CLASS, DIGIT, EMAIL_DOMAIN, EMAIL_LOCAL, IPV6 } from './chars.js';
import { SPEAKER_LABEL } from './patterns.js';
import type { ScanPlan } from './plan.js';

/**
 * Detectors anchored on one rare character (speed.md B2): `indexOf('@')` for e-mail addresses, then a
 * table-driven scan back over the local part and forward over the domain; `indexOf(':')` for IPv6
 * addresses and transcript speaker labels. No class-led regex ever runs over the whole text.
 */
export interface CharPassState {
  emailResume: number;
  emailFloor: number;
  colonResume: number;
  colonFloor: number;
}

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_IPV6 = 45;
const MAX_LABEL_LINE = 80;

export function scanEmails(ctx: ScanContext, plan: ScanPlan, st: CharPassState): void {
  if (!plan.emailRules.length) return;
  const text = ctx.text;
  const end = text.length;
  const frontier = ctx.final ? end : ctx.frontier;
  let p = Math.max(0, st.emailResume - ctx.base);
  for (;;) {
    const a = text.indexOf('@', p);
    if (a < 0 || (ctx.final ? false : a >= frontier)) {
      st.emailResume = ctx.base + (a >= 0 ? a : ctx.final ? end : Math.max(p, frontier));
      return;
    }
    const lo = Math.max(0, st.emailFloor - ctx.base, a - MAX_LOCAL);
    let s = a;
    while (s > lo && CLASS[text.charCodeAt(s - 1)]! & EMAIL_LOCAL) s--;
    const tooLong = s === a - MAX_LOCAL && s > 0 && (CLASS[text.charCodeAt(s - 1)]! & EMAIL_LOCAL) !== 0;
    while (s < a && text.charCodeAt(s) === 46) s++;
    let e = a + 1;
    const lim = Math.min(end, a + 1 + MAX_DOMAIN);
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
    p = Math.max(e, a + 1);
    st.emailFloor = ctx.base + p;
  }
}

export function scanColons(ctx: ScanContext, plan: ScanPlan, st: CharPassState): void {
  if (!plan.ipv6Rules.length && !plan.speakerRules.length) return;
  const text = ctx.text;
  const end = text.length;
  const frontier = ctx.final ? end : ctx.frontier;
  let p = Math.max(0, st.colonResume - ctx.base);
  for (;;) {
    const c = text.indexOf(':', p);
    if (c < 0 || (ctx.final ? false : c >= frontier)) {
      st.colonResume = ctx.base + (c >= 0 ? c : ctx.final ? end : Math.max(p, frontier));
      return;
    }
    let next = c + 1;
    if (plan.ipv6Rules.length) next = Math.max(next, ipv6At(ctx, plan, st, c));
    if (plan.speakerRules.length) speakerAt(ctx, plan, c);
    p = next;
  }
}

/** An IPv6 address around the ':' at c; returns where the colon search may continue. */
function ipv6At(ctx: ScanContext, plan: ScanPlan, st: CharPassState, c: number): number {
  const text = ctx.text;
  const prev = CLASS[text.charCodeAt(c - 1)]!;
  const next = CLASS[text.charCodeAt(c + 1)]!;
  if (!(prev & IPV6) || !(next & IPV6)) return c + 1;
  const lo = Math.max(0, st.colonFloor - ctx.base, c - MAX_IPV6);
  let s = c;
  while (s > lo && CLASS[text.charCodeAt(s - 1)]! & IPV6) s--;
  let e = c + 1;
  const lim = Math.min(text.length, c + MAX_IPV6);
  while (e < lim && CLASS[text.charCodeAt(e)]! & IPV6) e++;
  while (e > c + 1 && text.charCodeAt(e - 1) === 46) e--;
  // Glued to other letters or digits: part of a longer token, not an address.
  if ((s > 0 && CLASS[text.charCodeAt(s - 1)]! & (ALPHA | DIGIT)) || (e < text.length && CLASS[text.charCodeAt(e)]! & ALPHA)) return c + 1;
  let colons = 0;
  let hasDigit = false;
  for (let i = s; i < e; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 58) colons++;
    else if (CLASS[ch]! & DIGIT) hasDigit = true;
  }
  if (colons < 2 || !hasDigit) return c + 1;
  let found = false;
  for (const rule of plan.ipv6Rules) {
    try {
      found = offerCandidate(ctx, rule, s, e, '', false, undefined) || found;
    } catch (err) {
      failClosed(ctx, rule, s, e, err);
    }
  }
  if (!found) return c + 1;
  st.colonFloor = ctx.base + e;
  return e;
}

/** A speaker label ("Maria Lopez:", "[00:01:02] Customer (Maria Lopez):") ending at the ':' at c. */
function speakerAt(ctx: ScanContext, plan: ScanPlan, c: number): void {
  const text = ctx.text;
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
  const m = SPEAKER_LABEL.exec(text.slice(ls, c));
  if (!m || m[1] === undefined) return;
  const name = m[1];
  const start = ls + m[0].lastIndexOf(name);
  for (const { rule, ignore } of plan.speakerRules) {
    const firstWord = name.split(' ')[0]!.toLowerCase();
    if (ignore.has(name.toLowerCase()) || ignore.has(firstWord)) continue;
    try {
      offerCandidate(ctx, rule, start, start + name.length, '', false, undefined);
    } catch (err) {
      failClosed(ctx, rule, start, start + name.length, err);
    }
  }
}
