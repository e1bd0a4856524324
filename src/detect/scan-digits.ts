import { failClosed, offerCandidate, type ScanContext } from './candidate.js';
import { ALPHA, CLASS, DIGIT, JOIN } from './chars.js';
import { LONG_GROUP, RUN_WALK_BACK } from './limits.js';
import { DIGIT_GATE } from './patterns.js';
import type { DigitRule, ScanPlan } from './plan.js';

/**
 * The numeric pass (speed.md B3): irregexp finds three digits, JavaScript walks the run of digit groups
 * around them, and every digit rule (cards, SSNs, phones, routing numbers, IPv4…) classifies windows of
 * consecutive groups. One pass feeds every numeric rule; validators run on windows only.
 *
 * A window is a sequence of whole groups. Its decision reads only the groups it spans, one neighbour on
 * each side and a few characters around, so a stream that resumes at a group start (state below) decides
 * exactly as a scan of the whole text does.
 */
export interface DigitPassState {
  /** Absolute position to resume at: a gate search position, or a group start when inRun. */
  resume: number;
  inRun: boolean;
  /** Resume inside (or right after) an over-long digit group, which no rule can use. */
  midGroup: boolean;
  /** End of the last processed run: walk-back never crosses it. */
  floor: number;
  /** Per written digit rule: the end of its last match (one rule's matches never overlap). */
  ruleNext: Float64Array;
}

export function newDigitPassState(plan: ScanPlan): DigitPassState {
  return { resume: 0, inRun: false, midGroup: false, floor: 0, ruleNext: new Float64Array(plan.writtenDigitRules.length) };
}

// Scratch buffers for the groups ahead of the current group start (reused: scanning is synchronous).
const MAXG = 40;
const gs = new Int32Array(MAXG);
const ge = new Int32Array(MAXG);
const gd = new Int32Array(MAXG);
const jc = new Int32Array(MAXG);
const jl = new Int32Array(MAXG);
const cands = new Int32Array(MAXG);

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

/** Every character of a joiner (packed as base-256 digits) is one the rule allows. */
function joinAllowed(sep: Uint8Array, code: number): boolean {
  while (code > 0) {
    const c = code % 256;
    if (!sep[c]) return false;
    code = (code - c) / 256;
  }
  return true;
}

export function scanWrittenDigits(ctx: ScanContext, plan: ScanPlan, st: DigitPassState): void {
  if (!plan.writtenDigitRules.length) return;
  const text = ctx.text;
  const base = ctx.base;
  const end = text.length;
  const frontier = ctx.final ? end : ctx.frontier;
  let p = Math.max(0, st.resume - base);
  if (st.inRun) {
    st.inRun = false;
    const r = processRun(ctx, plan, st, p, st.midGroup);
    if (r < 0) return;
    st.floor = base + r;
    p = r;
  }
  const gate = DIGIT_GATE;
  for (;;) {
    gate.lastIndex = p;
    const m = gate.exec(text);
    if (m === null) {
      st.resume = base + (ctx.final ? end : Math.max(p, frontier));
      return;
    }
    const h = m.index;
    if (!ctx.final && h >= frontier) {
      st.resume = base + h;
      return;
    }
    const s = walkBackRun(text, h, Math.max(0, st.floor - base, h - RUN_WALK_BACK));
    const r = processRun(ctx, plan, st, s, false);
    if (r < 0) return;
    st.floor = base + r;
    p = r;
  }
}

/** From a digit at `hit`, the first group of its run: back over joiners (≤ 3 characters) and digits, not below lo. */
function walkBackRun(t: string, hit: number, lo: number): number {
  let s = hit;
  while (s > lo && isDigitAt(t, s - 1)) s--;
  for (;;) {
    let j = s;
    let k = 0;
    while (j > lo && k < 3 && isJoinAt(t, j - 1)) {
      j--;
      k++;
    }
    if (k === 0 || j <= lo || !isDigitAt(t, j - 1)) break;
    let g = j - 1;
    while (g > lo && isDigitAt(t, g - 1)) g--;
    if (g === lo && g > 0 && isDigitAt(t, g - 1)) break;
    s = g;
  }
  return s;
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
    let j = q;
    let k = 0;
    while (j < end && k < 3 && isJoinAt(text, j)) {
      j++;
      k++;
    }
    if (k > 0 && j < end && isDigitAt(text, j)) {
      p = j;
      continue;
    }
    if (j >= end && !ctx.final) return defer(ctx, st, q, true);
    return q;
  }
}

function defer(ctx: ScanContext, st: DigitPassState, at: number, midGroup: boolean): number {
  st.inRun = true;
  st.midGroup = midGroup;
  st.resume = ctx.base + at;
  return -1;
}

/** Lexes the groups from g on, then lets each written digit rule try the windows that start at g. */
function evaluateGroup(ctx: ScanContext, plan: ScanPlan, st: DigitPassState, g: number): void {
  const text = ctx.text;
  const end = text.length;

  // Left neighbour: a group joined to this one by ≤ 3 joiner characters.
  let hasLeft = false;
  let leftCount = 0;
  let leftJoin = 0;
  {
    let j = g;
    let k = 0;
    while (j > 0 && k < 3 && isJoinAt(text, j - 1)) {
      j--;
      k++;
    }
    if (k > 0 && j > 0 && isDigitAt(text, j - 1)) {
      hasLeft = true;
      for (let i = j; i < g; i++) leftJoin = leftJoin * 256 + (text.charCodeAt(i) & 255);
      let t = j;
      while (t > 0 && j - t < LONG_GROUP && isDigitAt(text, t - 1)) t--;
      leftCount = j - t;
    }
  }

  // Groups ahead: enough for the longest rule plus one neighbour.
  let n = 0;
  let pos = g;
  let total = 0;
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
    if (total > 32) break;
    let j = q;
    let code = 0;
    while (j < end && j - q < 3 && isJoinAt(text, j)) {
      code = code * 256 + (text.charCodeAt(j) & 255);
      j++;
    }
    if (j === q || j >= end || !isDigitAt(text, j)) {
      endsRun = true;
      break;
    }
    jc[n] = code;
    jl[n] = j - q;
    pos = j;
  }
  if (total < plan.minWrittenDigits) return;

  const rules = plan.writtenDigitRules;
  for (let ri = 0; ri < rules.length; ri++) {
    const dr = rules[ri]!;
    try {
      evaluateRule(ctx, dr, ri, st, g, n, endsRun, hasLeft, leftCount, leftJoin);
    } catch (err) {
      failClosed(ctx, dr.rule, g, ge[n - 1]!, err);
    }
  }
}

function shapeOk(dr: DigitRule, h: number): boolean {
  const count = h + 1;
  if (count < dr.groupCount[0] || count > dr.groupCount[1]) return false;
  for (let i = 0; i <= h; i++) if (gd[i]! < dr.groupDigits[0] || gd[i]! > dr.groupDigits[1]) return false;
  if (dr.shapes) {
    let key = String(gd[0]);
    for (let i = 1; i <= h; i++) key += `-${gd[i]}`;
    return dr.shapes.has(key);
  }
  return true;
}

function evaluateRule(
  ctx: ScanContext, dr: DigitRule, ri: number, st: DigitPassState, g: number, n: number,
  endsRun: boolean, hasLeft: boolean, leftCount: number, leftJoin: number,
): void {
  const text = ctx.text;
  if (st.ruleNext[ri]! > ctx.base + g) return;
  let ws = g;
  while (ws > 0 && g - ws < 2 && text.charCodeAt(ws - 1) < 256 && dr.lead[text.charCodeAt(ws - 1)]) ws--;
  if (dr.requireLeading && ws === g) return;
  if (dr.skipGlued && !hasLeft && gluedLeft(text, ws)) return;

  let digits = 0;
  let first = -1;
  let cnt = 0;
  for (let h = 0; h < n; h++) {
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
    if (digits >= dr.min) cands[cnt++] = h;
  }
  for (let c = cnt - 1; c >= 0; c--) {
    const h = cands[c]!;
    if (!shapeOk(dr, h)) continue;
    if (dr.skipGlued && h === n - 1 && endsRun && gluedRight(text, ge[h]!)) continue;
    // A window cut out of a longer run of like groups ("9400 1118 9922 3371 8654 12") needs context.
    const leftContinues = hasLeft && h >= 1 && leftJoin === jc[1] && leftCount === gd[0];
    const rightContinues = h + 1 < n && h >= 1 && jc[h + 1] === jc[h] && gd[h + 1] === gd[h];
    let value = '';
    for (let i = 0; i <= h; i++) value += text.slice(gs[i], ge[i]);
    if (offerCandidate(ctx, dr.rule, ws, ge[h]!, value, leftContinues || rightContinues, 'written')) {
      st.ruleNext[ri] = ctx.base + ge[h]!;
      return;
    }
  }
}
