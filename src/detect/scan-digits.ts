import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import { ALPHA, CLASS, DIGIT, JOIN } from './chars.js';
import { LONG_GROUP } from './limits.js';
import { currencyAfter, currencyBefore } from './amounts.js';
import { extensionEnd } from './phone-extension.js';
import type { DigitRule, ScanPlan } from './plan.js';
import type { ValidatorInput } from '../validators/types.js';
import { gatesPass } from '../validators/digit-gates.js';

/**
 * The numeric detector (speed.md B3): the scanner hands it the first digit group of a run, it walks the
 * run group by group, and every digit rule (cards, SSNs, phones, routing numbers, IPv4…) classifies windows
 * of consecutive groups. One walk feeds every numeric rule; validators run on windows only.
 *
 * A window is a sequence of whole groups. Its decision reads only the groups it spans, one neighbour on
 * each side and a few characters around, so a stream that resumes at a group start (state below) decides
 * exactly as a scan of the whole text does.
 */
export interface DigitPassState {
  /** Absolute group start (or over-long group position) where a run left mid-way resumes, when inRun. */
  resume: number;
  inRun: boolean;
  /** Resume inside (or right after) an over-long digit group, which no rule can use. */
  midGroup: boolean;
  /** End of the last processed run: groups before it are done. */
  next: number;
  /** Per written digit rule: the end of its last match (one rule's matches never overlap). */
  ruleNext: Float64Array;
}

export function newDigitPassState(plan: ScanPlan): DigitPassState {
  return { resume: 0, inRun: false, midGroup: false, next: 0, ruleNext: new Float64Array(plan.writtenDigitRules.length) };
}

/** Digits lexed ahead of a group start: the longest window (32) plus a whole neighbouring window. */
const LOOKAHEAD_DIGITS = 64;

// Scratch buffers for the groups ahead of the current group start (reused: scanning is synchronous).
const MAXG = 40;
const gs = new Int32Array(MAXG);
const ge = new Int32Array(MAXG);
const gd = new Int32Array(MAXG);
const jc = new Int32Array(MAXG);
const jl = new Int32Array(MAXG);
const cands = new Int32Array(MAXG);
/** Digits of the window ending at each candidate group. */
const candDigits = new Int32Array(MAXG);

const isDigitAt = (t: string, i: number) => (CLASS[t.charCodeAt(i)]! & DIGIT) !== 0;
const isJoinAt = (t: string, i: number) => (CLASS[t.charCodeAt(i)]! & JOIN) !== 0;
const isAlphaAt = (t: string, i: number) => i >= 0 && i < t.length && (CLASS[t.charCodeAt(i)]! & ALPHA) !== 0;

/** "INC-2025", "1Z…", "SKU_123": a number glued to ASCII letters on its left is part of an identifier. */
function gluedLeft(t: string, s: number): boolean {
  if (isAlphaAt(t, s - 1)) return true;
  const c = t.charCodeAt(s - 1);
  return (c === 45 || c === 95) && isAlphaAt(t, s - 2);
}

function gluedRight(t: string, e: number): boolean {
  if (isAlphaAt(t, e)) return true;
  const c = t.charCodeAt(e);
  return (c === 45 || c === 95) && isAlphaAt(t, e + 1);
}

/** The most digits a mask keeps on one side of what it hides (bin-last4 keeps six in front). */
const KEPT_DIGITS = 6;

/**
 * Whether, from position i on in direction dir, a mask character of this redactor is met across at most
 * KEPT_DIGITS digits in joined groups: the digits there are what a mask kept ("•••••.••8-352", "4111 11••").
 */
function maskedAt(t: string, i: number, dir: 1 | -1, maskChars: ReadonlySet<number>): boolean {
  let digits = 0;
  for (let group = 0; ; group++) {
    let joiners = 0;
    while (joiners < 3 && i >= 0 && i < t.length && isJoinAt(t, i)) {
      i += dir;
      joiners++;
    }
    if (i < 0 || i >= t.length) return false;
    if (maskChars.has(t.charCodeAt(i))) return true;
    // Past the first step, only a joined digit group continues the walk.
    if ((group > 0 && joiners === 0) || !isDigitAt(t, i)) return false;
    while (i >= 0 && i < t.length && isDigitAt(t, i)) {
      if (++digits > KEPT_DIGITS) return false;
      i += dir;
    }
  }
}

/** Where a group joined after position q starts (past 1–3 joiner characters), or -1. */
function joinedAfter(t: string, q: number): number {
  let j = q;
  while (j < t.length && j - q < 3 && isJoinAt(t, j)) j++;
  return j > q && j < t.length && isDigitAt(t, j) ? j : -1;
}

/** Where the 1–3 joiner characters before position g start when a digit precedes them, or -1. */
function joinedBefore(t: string, g: number): number {
  let j = g;
  while (j > 0 && g - j < 3 && isJoinAt(t, j - 1)) j--;
  return j < g && j > 0 && isDigitAt(t, j - 1) ? j : -1;
}

/** The joiner characters in [from, to) packed as base-256 digits, so joiners compare as numbers. */
function packJoiner(t: string, from: number, to: number): number {
  let code = 0;
  for (let i = from; i < to; i++) code = code * 256 + (t.charCodeAt(i) & 255);
  return code;
}

/** Every character of a joiner (packed as base-256 digits) is one the rule allows. */
function joinAllowed(sep: Uint8Array, code: number): boolean {
  while (code > 0) {
    const c = code % 256;
    if (!sep[c]) return false;
    code = (code - c) / 256;
  }
  return true;
}

/** Continues a run the previous step left mid-way; false when it must wait for more text again. */
export function resumeDigits(ctx: ScanContext, plan: ScanPlan, st: DigitPassState): boolean {
  if (!st.inRun) return true;
  st.inRun = false;
  const r = processRun(ctx, plan, st, st.resume - ctx.base, st.midGroup);
  if (r < 0) return false;
  st.next = ctx.base + r;
  return true;
}

/**
 * The scanner found a digit group at [g, q). Walks its run unless an earlier run covered it or it is a
 * lone short number ("5", "42"), which no rule uses. Returns false when the run must wait for more text.
 */
export function digitsAt(ctx: ScanContext, plan: ScanPlan, st: DigitPassState, g: number, q: number): boolean {
  if (!plan.writtenDigitRules.length || ctx.base + g < st.next) return true;
  const text = ctx.text;
  if (joinedAfter(text, q) < 0) {
    // A lone group (not joined to a next one; the scanner meets runs at their first group): skip it when
    // no rule takes a single group of this length.
    const lone = plan.loneGroup[Math.min(q - g, LONG_GROUP)]!;
    if (lone === 0 || (lone === 2 && !(g > 0 && text.charCodeAt(g - 1) === 43))) {
      st.next = ctx.base + q;
      return true;
    }
  }
  const r = processRun(ctx, plan, st, g, false);
  if (r < 0) return false;
  st.next = ctx.base + r;
  return true;
}

/** Walks a run group by group from group start g. Returns the run's end, or -1 when it must wait for more text. */
function processRun(ctx: ScanContext, plan: ScanPlan, st: DigitPassState, g: number, midGroup: boolean): number {
  const text = ctx.text;
  const end = text.length;
  const frontier = ctx.final ? end : ctx.frontier;
  let p = g;
  let skipping = midGroup;
  for (;;) {
    let q: number;
    if (skipping) {
      // Inside an over-long group: skip its digits (it takes part in no rule).
      q = p;
      while (q < end && isDigitAt(text, q)) q++;
      if (q === end && !ctx.final) return defer(ctx, st, q, true);
      skipping = false;
    } else {
      if (!ctx.final && p >= frontier) return defer(ctx, st, p, false);
      const lim = Math.min(end, p + LONG_GROUP);
      q = p;
      while (q < lim && isDigitAt(text, q)) q++;
      if (q === lim && q < end && isDigitAt(text, q)) {
        p = q;
        skipping = true;
        continue;
      }
      evaluateGroup(ctx, plan, st, p);
    }
    const next = joinedAfter(text, q);
    if (next >= 0) {
      p = next;
      continue;
    }
    // Joiners that reach the end of the buffer may still be followed by a group: wait for more text.
    if (!ctx.final && q + 3 >= end) return defer(ctx, st, q, true);
    return q;
  }
}

function defer(ctx: ScanContext, st: DigitPassState, at: number, midGroup: boolean): number {
  st.inRun = true;
  st.midGroup = midGroup;
  st.resume = ctx.base + at;
  return -1;
}

/**
 * What the last lexAhead call found: the groups in gs/ge/gd (joiners before them in jc/jl) and their digits,
 * for the text of lexCtx (one scan step; compared by identity, never by string content).
 */
let lexCtx: ScanContext | null = null;
const SLIDE_FROM = 8;
let lexN = 0;
let lexTotal = 0;
let lexEndsRun = false;

/**
 * Lexes the groups of a run from group start g: until the run ends, a group longer than LONG_GROUP, more
 * than LOOKAHEAD_DIGITS digits or MAXG groups. A run is walked group by group, so when g is the second
 * group of the previous call's text, the groups already read slide down by one and only the end is read
 * on: each group is lexed about once instead of up to MAXG times ("1-1-1-…").
 */
function lexAhead(ctx: ScanContext, g: number): void {
  const text = ctx.text;
  let n: number;
  let total: number;
  // Short windows (most runs: dates, amounts) are cheaper to read again than to slide.
  if (lexCtx === ctx && lexN >= SLIDE_FROM && gs[1] === g) {
    total = lexTotal - gd[0]!;
    gs.copyWithin(0, 1, lexN);
    ge.copyWithin(0, 1, lexN);
    gd.copyWithin(0, 1, lexN);
    jc.copyWithin(0, 1, lexN);
    jl.copyWithin(0, 1, lexN);
    n = lexN - 1;
    // Where the previous call stopped, this one would have too, unless it stopped for the digit budget
    // (now lighter by the group that slid out) or the group count.
    if (lexEndsRun || gd[n - 1] === LONG_GROUP || total > LOOKAHEAD_DIGITS) {
      lexN = n;
      lexTotal = total;
      return;
    }
    const next = joinedAfter(text, ge[n - 1]!);
    if (next < 0) {
      lexN = n;
      lexTotal = total;
      lexEndsRun = true;
      return;
    }
    jc[n] = packJoiner(text, ge[n - 1]!, next);
    jl[n] = next - ge[n - 1]!;
    lexFrom(ctx, next, n, total);
    return;
  }
  lexFrom(ctx, g, 0, 0);
}

/** Lexes groups from group start pos into index n on (n groups and total digits already there). */
function lexFrom(ctx: ScanContext, pos: number, n: number, total: number): void {
  const text = ctx.text;
  const end = text.length;
  let endsRun = false;
  while (n < MAXG) {
    gs[n] = pos;
    const lim = Math.min(end, pos + LONG_GROUP);
    let q = pos;
    while (q < lim && isDigitAt(text, q)) q++;
    if (q === lim && q < end && isDigitAt(text, q)) {
      ge[n] = q;
      gd[n] = LONG_GROUP;
      n++;
      break;
    }
    ge[n] = q;
    gd[n] = q - pos;
    total += q - pos;
    n++;
    if (total > LOOKAHEAD_DIGITS) break;
    const next = joinedAfter(text, q);
    if (next < 0) {
      endsRun = true;
      break;
    }
    jc[n] = packJoiner(text, q, next);
    jl[n] = next - q;
    pos = next;
  }
  lexCtx = ctx;
  lexN = n;
  lexTotal = total;
  lexEndsRun = endsRun;
}

/**
 * The digits of the windows from the current group on (groups 0..h), built once per group start and shared
 * by every rule that reaches them (evaluateGroup resets prefixN after each lexAhead).
 */
const prefixDigits: string[] = [];
let prefixN = 0;

function windowDigits(text: string, h: number): string {
  while (prefixN <= h) {
    prefixDigits[prefixN] = (prefixN > 0 ? prefixDigits[prefixN - 1]! : '') + text.slice(gs[prefixN], ge[prefixN]);
    prefixN++;
  }
  return prefixDigits[h]!;
}

/** Lexes the groups from g on, then lets each written digit rule try the windows that start at g. */
function evaluateGroup(ctx: ScanContext, plan: ScanPlan, st: DigitPassState, g: number): void {
  const text = ctx.text;

  // Left neighbour: a group joined to this one by ≤ 3 joiner characters.
  let hasLeft = false;
  let leftCount = 0;
  let leftJoin = 0;
  let leftEnd = -1;
  let leftStart = -1;
  /** Joiner on the far side of the left neighbour (-1: the neighbour starts the run). */
  let leftOuterJoin = -1;
  const j = joinedBefore(text, g);
  if (j >= 0) {
    hasLeft = true;
    leftEnd = j;
    leftJoin = packJoiner(text, j, g);
    let t = j;
    while (t > 0 && j - t < LONG_GROUP && isDigitAt(text, t - 1)) t--;
    leftCount = j - t;
    leftStart = t;
    const o = joinedBefore(text, t);
    if (o >= 0) leftOuterJoin = packJoiner(text, o, t);
  }

  // Groups ahead: enough for the longest rule plus one neighbour.
  lexAhead(ctx, g);
  prefixN = 0;
  const n = lexN;
  const total = lexTotal;
  const endsRun = lexEndsRun;
  if (total < plan.minWrittenDigits) return;

  // What a mask kept ("•••• •••.1804-767"): no window starts in digits a mask kept at its end, or ends in
  // digits it kept at its start, so a second pass over redacted text finds nothing new.
  const maskChars = plan.maskChars.size > 0 ? plan.maskChars : null;
  // Walked once, and only when a rule gets that far ("1.1.1.…": none does, see evaluateRule).
  let maskedLeft: boolean | undefined;

  const rules = plan.writtenDigitRules;
  const firstJoinAt = n > 1 ? jl[1]! : 0;
  const firstJoin = n > 1 ? jc[1]! : 0;
  for (let ri = 0; ri < rules.length; ri++) {
    const dr = rules[ri]!;
    if (dr.min > total || (dr.wholeRun && hasLeft && !endsWholeRun(text, leftStart, leftEnd, g))) continue;
    // Every window of the rule starts with this group, and one of two or more groups with this joiner:
    // when the rule cannot take either, none of its windows can start here.
    if (gd[0]! < dr.groupDigits[0] || gd[0]! > dr.groupDigits[1]) continue;
    if (dr.groupCount[0] >= 2 && (n < 2 || firstJoinAt > dr.maxSep || !joinAllowed(dr.sep, firstJoin))) continue;
    if (gd[0]! < dr.min && leftContinuesAll(ctx, st, ri, n, hasLeft, leftCount, leftJoin, leftEnd, leftOuterJoin)) continue;
    maskedLeft ??= maskChars !== null && maskedAt(text, g - 1, -1, maskChars);
    try {
      evaluateRule(ctx, dr, ri, st, g, n, endsRun, hasLeft, leftCount, leftJoin, leftEnd, leftOuterJoin, maskedLeft, maskChars);
    } catch (err) {
      failClosed(ctx, dr.rule, g, ge[n - 1]!, err);
    }
  }
}

/**
 * Whether the joiner [leftEnd, g) ends a whole-run rule's run: a line break (a phone number ends before the
 * address line under it), or a ')' that closes no '(' of the group before it ("(21:03) 8 (940) 224-68-55": a
 * chat time in brackets, then the number; "(415) 555" is one run). Other joiners (", " in "1.234,56 €",
 * " - " in "#56394107 - 2024-05-25") keep the run whole, so no window is cut out of it.
 */
function endsWholeRun(text: string, leftStart: number, leftEnd: number, g: number): boolean {
  let close = false;
  for (let i = leftEnd; i < g; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c === 41) close = true;
  }
  return close && text.charCodeAt(leftStart - 1) !== 40;
}

function shapeOkFrom(dr: DigitRule, i: number, h: number): boolean {
  const count = h - i + 1;
  if (count < dr.groupCount[0] || count > dr.groupCount[1]) return false;
  for (let k = i; k <= h; k++) if (gd[k]! < dr.groupDigits[0] || gd[k]! > dr.groupDigits[1]) return false;
  if (!dr.shapes && !dr.layouts) return true;
  // The shape key ("4-4-4-4") is built only when a listed shape has this many groups.
  if (dr.shapes && (!dr.shapeCounts.has(count) || !dr.shapes.has(shapeKey(i, h)))) return false;
  if (dr.layouts && h > i && !(dr.layouts.counts.has(count) && dr.layouts.shapes.has(shapeKey(i, h)))) {
    // Equal groups are groups of at most 6 digits: "4111111111111111 123" is a number and another one.
    if (!dr.layouts.equal || gd[i]! > 6) return false;
    // Equal groups, the last one as long or shorter: 4-4-4-4, 4-4-4-4-3, 1-1-1-…
    for (let k = i + 1; k < h; k++) if (gd[k] !== gd[i]) return false;
    if (gd[h]! > gd[i]!) return false;
  }
  return true;
}

function shapeKey(i: number, h: number): string {
  let key = String(gd[i]);
  for (let k = i + 1; k <= h; k++) key += `-${gd[k]}`;
  return key;
}

/** Whether no validator of the rule refuses the window (validators are pure: one input serves them all). */
function validatorsPass(dr: DigitRule, input: ValidatorInput): boolean {
  const vs = dr.rule.validators;
  for (let k = 0; k < vs.length; k++) if (vs[k]!.fn(input) === false) return false;
  return true;
}

/** Whether a window of this rule (digits, joiners, shape, validators) starts at group i. */
function windowStartsAt(ctx: ScanContext, dr: DigitRule, i: number, n: number): boolean {
  let digits = 0;
  let first = -1;
  for (let h = i; h < n; h++) {
    if (gd[h]! >= LONG_GROUP) return false;
    if (h > i) {
      if (jl[h]! > dr.maxSep || !joinAllowed(dr.sep, jc[h]!)) return false;
      if (dr.consistent) {
        if (first < 0) first = jc[h]!;
        else if (jc[h] !== first) return false;
      }
    }
    digits += gd[h]!;
    if (digits > dr.max) return false;
    if (digits < dr.min || !shapeOkFrom(dr, i, h)) continue;
    if (dr.gates !== null && !gatesPass(dr.gates, ctx.text, gs, ge, i, h, digits)) continue;
    let value = '';
    for (let k = i; k <= h; k++) value += ctx.text.slice(gs[k], ge[k]);
    if (validatorsPass(dr, { text: ctx.text.slice(gs[i], ge[h]), digits: value, options: ctx.validatorOptions })) return true;
  }
  return false;
}

/**
 * Whether the left neighbour continues every window of two or more groups starting at the current group:
 * joined the same way, as long as the first group, joined the same way on its far side (or starting the
 * run), and not itself a match of this rule. Such a window is cut out of a longer number (see evaluateRule).
 */
function leftContinuesAll(
  ctx: ScanContext, st: DigitPassState, ri: number, n: number,
  hasLeft: boolean, leftCount: number, leftJoin: number, leftEnd: number, leftOuterJoin: number,
): boolean {
  return hasLeft && n > 1 && leftJoin === jc[1] && leftCount === gd[0] &&
    (leftOuterJoin === -1 || leftOuterJoin === leftJoin) && st.ruleNext[ri] !== ctx.base + leftEnd;
}

function evaluateRule(
  ctx: ScanContext, dr: DigitRule, ri: number, st: DigitPassState, g: number, n: number,
  endsRun: boolean, hasLeft: boolean, leftCount: number, leftJoin: number, leftEnd: number, leftOuterJoin: number,
  maskedLeft: boolean, maskChars: ReadonlySet<number> | null,
): void {
  const text = ctx.text;
  if (st.ruleNext[ri]! > ctx.base + g) return;
  // The left neighbour continues every window of two or more groups (see below): then only the first
  // group alone can be a window, and the run's other groups are not walked for this rule at all, which
  // keeps "1-1-1-…" at one step per group instead of one per group ahead. (evaluateGroup does not call
  // here when that group alone is too short.)
  const leftContinues = leftContinuesAll(ctx, st, ri, n, hasLeft, leftCount, leftJoin, leftEnd, leftOuterJoin);
  let ws = g;
  while (ws > 0 && g - ws < 2 && text.charCodeAt(ws - 1) < 256 && dr.lead[text.charCodeAt(ws - 1)]) ws--;
  if (dr.requireLeading && ws === g) return;
  if (dr.skipGlued && !hasLeft && gluedLeft(text, ws)) return;
  if (maskedLeft) return;

  const hEnd = leftContinues ? 1 : n;
  let digits = 0;
  let first = -1;
  let cnt = 0;
  for (let h = 0; h < hEnd; h++) {
    if (gd[h]! >= LONG_GROUP) break;
    if (h > 0) {
      if (jl[h]! > dr.maxSep || !joinAllowed(dr.sep, jc[h]!)) break;
      if (dr.consistent) {
        if (first < 0) first = jc[h]!;
        else if (jc[h] !== first) break;
      }
    }
    digits += gd[h]!;
    if (digits > dr.max) break;
    if (digits >= dr.min) {
      cands[cnt] = h;
      candDigits[cnt++] = digits;
    }
  }
  // A rule with no layout whose context is required (a cue stands near) takes a whole run whatever its
  // grouping, never a window cut out of a run (a run ends at a line break: endsWholeRun).
  const cued = dr.wholeRun;
  for (let c = cnt - 1; c >= 0; c--) {
    const h = cands[c]!;
    if (!shapeOkFrom(dr, 0, h)) continue;
    // A window a validator's integer gate refuses would be refused by the validator (digit-gates.ts).
    if (dr.gates !== null && !gatesPass(dr.gates, text, gs, ge, 0, h, candDigits[c]!)) continue;
    // A phone extension after the run's last group is part of the match ("463-612-6138x036").
    const extEnd = dr.extension && h === n - 1 && endsRun ? extensionEnd(text, ge[h]!) : -1;
    if (extEnd < 0 && dr.skipGlued && h === n - 1 && endsRun && gluedRight(text, ge[h]!)) continue;
    if (maskChars !== null && maskedAt(text, ge[h]!, 1, maskChars)) continue;
    // A window cut out of one longer, uniformly written number ("9400 1118 9922 3371 8654 12", or a 19-digit
    // number whose first 16 digits happen to pass) is not a number of its own. A neighbour continues the
    // window when it is joined the same way, is as long as the edge group (on the right: or shorter, the
    // trailing group), and is itself joined the same way on its far side (or ends the run): "03/14/1985 4000…"
    // is a date beside a card, not one number. A neighbour that is a match of this rule does not continue
    // it either, so masked and unmasked text decide the same (idempotence).
    if (cued && !(h === n - 1 ? endsRun : endsWholeRun(text, gs[h]!, ge[h]!, gs[h + 1]!))) continue;
    const sameJoin = jc[h]!;
    if (leftContinues && h >= 1) continue;
    if (!cued &&
      h + 1 < n && h >= 1 && jc[h + 1] === sameJoin && gd[h + 1]! <= gd[h]! &&
      (h + 2 >= n || jc[h + 2] === sameJoin) && !windowStartsAt(ctx, dr, h + 1, n)
    ) continue;
    const value = windowDigits(text, h);
    // An amount (a currency code or symbol beside it) is this rule's value only when its cue binds it;
    // numbers a checksum confirms (cards) stand on their own.
    // A whole-run rule's checksum is cheaper than its context words: most runs fail it.
    if (cued && !validatorsPass(dr, { text: text.slice(ws, ge[h]), digits: value, options: ctx.validatorOptions })) continue;
    const amount = !dr.checksum && (currencyBefore(text, ws) || currencyAfter(text, ge[h]!));
    if (amount && dr.skipAmounts) continue;
    const end = extEnd >= 0 ? extEnd : ge[h]!;
    if (offerCandidate(ctx, dr.rule, ws, end, value, amount, 'written')) {
      st.ruleNext[ri] = ctx.base + end;
      return;
    }
  }
}
