import { gramStarts, type TextFeatures } from './prefilter.js';

/**
 * A gate searched through its gram starts (prefilter.ts) in a short text: tried sticky at the positions where
 * a match may start, in order, instead of searched over the text. The first candidate at or after i where the
 * sticky copy matches is where the global search from i finds its match (no match starts elsewhere), and the
 * sticky match there is the global one (same pattern, same alternation order). A gate of hundreds of cue
 * words without a fixed first character costs irregexp about 1 µs per 100 characters even with nothing to
 * find; a probe about 0.1 µs, and a PII-free line has few candidates.
 */
export interface GateProbe {
  gate: RegExp;
  sticky: RegExp;
  /** The candidates of the current text, or count -1: search the text with the gate itself. */
  starts: Int32Array;
  count: number;
  /** The first candidate not yet passed. */
  c: number;
}

const probes = new WeakMap<RegExp, GateProbe>();

/** The probe of a gate (made once per gate; scans are synchronous, so one per gate serves every text). */
export function gateProbe(gate: RegExp): GateProbe {
  let p = probes.get(gate);
  if (p === undefined) probes.set(gate, (p = { gate, sticky: new RegExp(gate.source, `${gate.flags.replace(/[gy]/g, '')}y`), starts: new Int32Array(0), count: -1, c: 0 }));
  return p;
}

/** Prepares the probe for the text of `pre` (gate id in its index; null or -1: the gate searches the text). */
export function openProbe(p: GateProbe, pre: TextFeatures | null, id: number): GateProbe {
  p.count = -1;
  p.c = 0;
  if (pre === null || id < 0) return p;
  if (p.starts.length <= pre.text.length) p.starts = new Int32Array(pre.text.length + 64);
  p.count = gramStarts(pre, id, p.starts);
  return p;
}

/** What `gate.lastIndex = i; gate.exec(text)` gives (the gate's lastIndex is left as it was when probing). */
export function execFrom(p: GateProbe, text: string, i: number): RegExpExecArray | null {
  if (p.count < 0) {
    p.gate.lastIndex = i;
    return p.gate.exec(text);
  }
  const { starts, sticky } = p;
  if (p.c > 0 && starts[p.c - 1]! >= i) p.c = 0;
  for (let c = p.c; c < p.count; c++) {
    const s = starts[c]!;
    if (s < i) continue;
    sticky.lastIndex = s;
    const m = sticky.exec(text);
    if (m) {
      p.c = c + 1;
      return m;
    }
  }
  p.c = p.count;
  return null;
}

/** Where the match `gate.lastIndex = i; gate.test(text)` finds ends, or -1. */
export function testFrom(p: GateProbe, text: string, i: number): number {
  if (p.count < 0) {
    p.gate.lastIndex = i;
    return p.gate.test(text) ? p.gate.lastIndex : -1;
  }
  const { starts, sticky } = p;
  if (p.c > 0 && starts[p.c - 1]! >= i) p.c = 0;
  for (let c = p.c; c < p.count; c++) {
    const s = starts[c]!;
    if (s < i) continue;
    sticky.lastIndex = s;
    if (sticky.test(text)) {
      p.c = c + 1;
      return sticky.lastIndex;
    }
  }
  p.c = p.count;
  return -1;
}
