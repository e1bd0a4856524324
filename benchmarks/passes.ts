/**
 * The scanner's passes alone: the skip loops the scanner runs over a text (digit runs, the word gates, '@',
 * ':', the shape alternation), with no work at their hits. What detection costs before any detector,
 * validator or mask runs: a ceiling for the design on a text. Benchmarks only.
 */
import type { Redactor } from 'caregate';

/** The compiled plan's gates (internal: read off a session for this measurement only). */
interface PlanGates {
  writtenDigitRules: unknown[];
  wordGate: RegExp | null;
  wordGateCs: RegExp | null;
  shapeGate: RegExp | null;
  shapeGateCi: RegExp | null;
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
  return (d) =>
    (gates.writtenDigitRules.length ? digitRuns(d) : 0) + gateLoop(gates.wordGate, d) + gateLoop(gates.wordGateCs, d) +
    indexLoop('@', d) + indexLoop(':', d) + gateLoop(gates.shapeGate, d) + gateLoop(gates.shapeGateCi, d);
}
