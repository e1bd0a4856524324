/**
 * Span scoring. A value counts as masked only when nothing informative of it is left in the output:
 * no more digits than its mask may keep (cards: the last four; CVV, PIN, password: none; other numbers:
 * four, at most half), and no word of three letters or more (any length in scripts written without
 * spaces). A hard negative is damaged when any character of it was replaced.
 */
import type { Entity, Label, LabelledDocument, Span } from './doc.js';
import { DIGIT_WORDS } from './spoken.js';

export interface FindingLike {
  start: number;
  end: number;
  entity: string;
}

/** Per input position: the output character it became, or null when masked (mask character or label). */
export type Alignment = (string | null)[];

const MASK_CHAR = '•';

/**
 * Maps the input onto caregate's output. Text outside findings is copied verbatim; a finding becomes a
 * label (`[ENTITY…]`), nothing, or a same-length mask (mask characters, kept digits and separators).
 */
export function align(input: string, output: string, findings: FindingLike[]): Alignment {
  const regions: Span[] = [];
  for (const f of [...findings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = regions[regions.length - 1];
    if (last && f.start < last.end) last.end = Math.max(last.end, f.end);
    else regions.push({ start: f.start, end: f.end });
  }
  const map: Alignment = new Array<string | null>(input.length);
  let ip = 0;
  let op = 0;
  regions.forEach((r, i) => {
    const verbatim = input.slice(ip, r.start);
    if (output.slice(op, op + verbatim.length) !== verbatim) throw new Error(`align: output differs from input outside findings at input offset ${ip}; the redactor changed text it reported no finding for`);
    for (let k = 0; k < verbatim.length; k++) map[ip + k] = verbatim[k]!;
    op += verbatim.length;
    const next = input.slice(r.end, regions[i + 1]?.start ?? input.length);
    const candidates: number[] = [];
    if (output[op] === '[') {
      const close = output.indexOf(']', op);
      if (close >= 0) candidates.push(close + 1 - op);
    }
    candidates.push(r.end - r.start, 0);
    const len = candidates.find((n) => output.startsWith(next, op + n) && (i + 1 < regions.length || op + n + next.length === output.length));
    if (len === undefined) throw new Error(`align: cannot place the replacement of the finding at input offsets ${r.start}-${r.end}; the mask is neither a label nor length-preserving`);
    const positional = len === r.end - r.start && output[op] !== '[';
    for (let k = r.start; k < r.end; k++) {
      const ch = positional ? output[op + k - r.start]! : null;
      map[k] = ch === MASK_CHAR ? null : ch;
    }
    op += len;
    ip = r.end;
  });
  const tail = input.slice(ip);
  if (output.slice(op) !== tail) throw new Error(`align: output differs from input after the last finding (input offset ${ip})`);
  for (let k = 0; k < tail.length; k++) map[ip + k] = tail[k]!;
  return map;
}

/** What is left of a span: surviving characters, with a space where something was masked. */
export function survivingText(map: Alignment, parts: Span[]): string {
  return parts.map((p) => map.slice(p.start, p.end).map((ch) => ch ?? ' ').join('')).join(' ');
}

/** Words that say two digits ("twelve"); tens ("forty") count one, as the unit word after them counts the other. */
const TEEN_WORDS = new Set(['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']);
const DIGIT_WORD_SET = new Set([...DIGIT_WORDS, ...TEEN_WORDS, 'oh', 'double', 'triple', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);
/** Words that carry nothing of a value: spoken joiners and fillers between digit groups. */
const FILLER_WORDS = new Set(['and', 'then', 'okay', 'sorry', 'wait', 'you', 'know', 'the', 'hundred', 'thousand', 'slash', 'dash', 'uh', 'um', 'dot', 'underscore', 'com', 'net', 'org']);
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** Digits in a text, digits said as words included ("double five" is two). */
export function countDigits(text: string): number {
  let n = (text.match(/\p{Nd}/gu) ?? []).length;
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (w === 'double') n += 1;
    else if (w === 'triple') n += 2;
    else if (TEEN_WORDS.has(w)) n += 2;
    else if (DIGIT_WORD_SET.has(w)) n += 1;
  }
  return n;
}

/** Informative words: three letters or more, or any word in a script written without spaces. */
export function informativeWords(text: string): string[] {
  return (text.match(/[\p{L}\p{M}]+/gu) ?? []).filter((w) => {
    const lower = w.toLowerCase();
    if (DIGIT_WORD_SET.has(lower) || FILLER_WORDS.has(lower)) return false;
    return [...w].length >= 3 || NO_SPACE_SCRIPT.test(w);
  });
}

const KEEPS_NOTHING: ReadonlySet<Entity> = new Set<Entity>(['CARD_CVV', 'PIN', 'PASSWORD']);

/** Digits a mask may leave of a value of this entity holding `digits` digits. */
export function allowedDigits(entity: Entity, digits: number): number {
  if (entity === 'CREDIT_CARD') return 4;
  if (KEEPS_NOTHING.has(entity)) return 0;
  return Math.min(4, Math.floor(digits / 2));
}

export function labelText(doc: LabelledDocument, label: Label): string {
  return label.parts.map((p) => doc.text.slice(p.start, p.end)).join(' ');
}

export function isMasked(doc: LabelledDocument, label: Label, map: Alignment): boolean {
  const left = survivingText(map, label.parts);
  const digits = countDigits(labelText(doc, label));
  return countDigits(left) <= allowedDigits(label.entity, digits) && informativeWords(left).length === 0;
}

export function isAltered(map: Alignment, span: Span, input: string): boolean {
  for (let k = span.start; k < span.end; k++) if (map[k] !== input[k]) return true;
  return false;
}

/** Whether a finding of the label's own entity overlaps it (typed recall). */
export function isTyped(label: Label, findings: FindingLike[]): boolean {
  return label.parts.some((p) => findings.some((f) => f.entity === label.entity && f.start < p.end && f.end > p.start));
}

/** Words (letters or digits) outside every label, and how many of them the redactor altered. */
export function unlabelledWords(doc: LabelledDocument, map: Alignment): { words: number; altered: number } {
  const inLabel = new Uint8Array(doc.text.length);
  for (const l of doc.labels) for (const p of l.parts) inLabel.fill(1, p.start, p.end);
  let words = 0;
  let altered = 0;
  for (const m of doc.text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inLabel.subarray(start, end).some((x) => x === 1)) continue;
    words++;
    if (isAltered(map, { start, end }, doc.text)) altered++;
  }
  return { words, altered };
}
