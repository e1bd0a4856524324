/**
 * The floor and the ceiling the benchmarks set beside caregate. The floor: a bare charCodeAt scan, what any
 * JavaScript scanner costs at least. The ceiling: the scanner's passes alone, the skip loops it runs over a
 * text (digit runs, the word gates, '@', ':', the shape alternation) with no work at their hits, i.e. what
 * detection costs before any detector, validator or mask runs. Benchmarks only.
 */
import type { Redactor } from 'caregate';

/** The compiled plan's gates (internal: read off a session for this measurement only). */
interface PlanGates {
  writtenDigitRules: unknown[];
  wordGate: RegExp | null;
  wordGateCs: RegExp | null;
  shapeGate: RegExp | null;
  shapeGateCi: RegExp | null;
  emailRules: unknown[];
  ipv6Rules: unknown[];
  speakerRules: unknown[];
}

export function bareScan(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum += text.charCodeAt(i);
  return sum;
}

/** Hits of a global regex resumed at each hit's end, as the scanner's word and shape passes run it. */
function gateLoop(re: RegExp | null, text: string): number {
  if (!re) return 0;
  let n = 0;
  for (let i = 0; ; n++) {
    re.lastIndex = i;
    if (!re.test(text)) return n;
    i = re.lastIndex;
  }
}

const DIGIT = /[0-9]/g;
/** The digit pass without the digit detector: find a run, walk its digits, go on after it. */
function digitRuns(text: string): number {
  let n = 0;
  for (let i = 0; ; n++) {
    DIGIT.lastIndex = i;
    if (!DIGIT.test(text)) return n;
    let q = DIGIT.lastIndex;
    while (q < text.length && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
    i = q;
  }
}

function indexLoop(ch: string, text: string): number {
  let n = 0;
  for (let i = 0; (i = text.indexOf(ch, i)) >= 0; i++) n++;
  return n;
}

/** A function running every pass of this redactor's plan over a text; returns the hits (to keep them live). */
export function scannerPasses(redactor: Redactor): (text: string) => number {
  const gates = (redactor.session() as unknown as { plan: PlanGates }).plan;
  // The passes the scanner runs for this plan (src/detect/scanner.ts scan()).
  const digits = gates.writtenDigitRules.length > 0;
  const at = gates.emailRules.length > 0;
  const colon = gates.ipv6Rules.length > 0 || gates.speakerRules.length > 0;
  return (d) =>
    (digits ? digitRuns(d) : 0) + gateLoop(gates.wordGate, d) + gateLoop(gates.wordGateCs, d) +
    (at ? indexLoop('@', d) : 0) + (colon ? indexLoop(':', d) : 0) + gateLoop(gates.shapeGate, d) + gateLoop(gates.shapeGateCi, d);
}
