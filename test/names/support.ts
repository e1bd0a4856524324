import fc from 'fast-check';
import { expect } from 'vitest';
import type { Finding, Redactor } from '../../src/index.js';

/** Letters of several scripts, written in syllables so generated names look like names, not noise. */
const SCRIPTS = {
  latin: { c: ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'ch', 'sz', 'ł', 'ř', 'ñ', 'ß'], v: ['a', 'e', 'i', 'o', 'u', 'á', 'é', 'í', 'ó', 'ö', 'ü', 'å', 'ø', 'ă', 'ę'] },
  cyrillic: { c: ['б', 'в', 'г', 'д', 'ж', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т'], v: ['а', 'е', 'и', 'о', 'у', 'я', 'ю'] },
  greek: { c: ['β', 'γ', 'δ', 'κ', 'λ', 'μ', 'ν', 'π', 'ρ', 'σ', 'τ'], v: ['α', 'ε', 'ι', 'ο', 'υ', 'ά', 'ή', 'ώ'] },
} as const;

const capitalise = (w: string) => w.charAt(0).toLocaleUpperCase('und') + w.slice(1);

export const scriptArb = fc.constantFrom(...(Object.keys(SCRIPTS) as (keyof typeof SCRIPTS)[]));

/** One name word of 2–4 syllables in a script, capitalised. */
export function wordArb(script: keyof typeof SCRIPTS) {
  const { c, v } = SCRIPTS[script];
  return fc
    .array(fc.tuple(fc.constantFrom(...c), fc.constantFrom(...v)), { minLength: 2, maxLength: 4 })
    .map((syl) => capitalise(syl.map(([a, b]) => a + b).join('')));
}

/** A name of 1–3 words in one script. */
export const nameArb = scriptArb.chain((s) => fc.array(wordArb(s), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')));

/** Whether every word of [start, end) of the text lies inside one finding of the entity. */
export function coveredWhole(findings: Finding[], entity: string, text: string, start: number, end: number): boolean {
  for (const m of text.slice(start, end).matchAll(/[\p{L}\p{M}]+|\d+/gu)) {
    const s = start + m.index;
    const e = s + m[0].length;
    if (!findings.some((f) => f.entity === entity && f.start <= s && e <= f.end)) return false;
  }
  return true;
}

/** Text with [[…]] marks: the text without them, and the marked spans in it. */
export function parseMarked(marked: string): { text: string; spans: [number, number][] } {
  const spans: [number, number][] = [];
  let text = '';
  for (const part of marked.split(/(\[\[.*?\]\])/s)) {
    if (part.startsWith('[[')) {
      spans.push([text.length, text.length + part.length - 4]);
      text += part.slice(2, -2);
    } else text += part;
  }
  return { text, spans };
}

/** The names in `marked` (written [[…]]) are masked whole by `r`, and no other PERSON finding is made. */
export function expectNames(r: Redactor, marked: string): void {
  const { text, spans } = parseMarked(marked);
  const findings = r.redact(text).findings;
  for (const [s, e] of spans) expect(coveredWhole(findings, 'PERSON', text, s, e), `${text.slice(s, e)} in ${JSON.stringify(text)}`).toBe(true);
  for (const f of findings.filter((x) => x.entity === 'PERSON')) {
    expect(spans.some(([s, e]) => f.start < e && s < f.end), `masked ${JSON.stringify(text.slice(f.start, f.end))} in ${JSON.stringify(text)}`).toBe(true);
  }
}

/** expectNames, and every PERSON finding lies inside one of the marked names (no word beside a name is altered). */
export function expectExactNames(r: Redactor, marked: string): void {
  expectNames(r, marked);
  const { text, spans } = parseMarked(marked);
  for (const f of r.redact(text).findings.filter((x) => x.entity === 'PERSON')) {
    expect(spans.some(([s, e]) => s <= f.start && f.end <= e), `masked ${JSON.stringify(text.slice(f.start, f.end))} in ${JSON.stringify(text)}`).toBe(true);
  }
}
