import fc from 'fast-check';
import type { Redactor } from '../../src/index.js';

/** Digits 0–9 of a script, by the code point of its zero. */
export const DIGIT_SCRIPTS = {
  ascii: 0x30,
  fullwidth: 0xff10,
  arabicIndic: 0x660,
  easternArabic: 0x6f0,
  devanagari: 0x966,
  bengali: 0x9e6,
  thai: 0xe50,
  mathBold: 0x1d7ce,
  mathMonospace: 0x1d7f6,
} as const;

export const digitScript = fc.constantFrom(...Object.values(DIGIT_SCRIPTS));

/** Writes ASCII digits in another script (other characters unchanged). */
export function inScript(s: string, zero: number): string {
  return s.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** Any decimal digit of any script. */
export const ANY_DIGIT = /\p{Nd}/u;

/** Text with no digits, no number words, no cue words: it pads a document so a stream really steps. */
const PAD = 'The parcel was delayed at the depot and the customer asked for an update. '.repeat(130);

/**
 * The output of the redactor's session fed `text` in pieces cut at the given fractions, after a long
 * neutral paragraph so that the session scans in several steps (it gathers 8 KB before a step); the
 * padding is taken off again.
 */
export function streamed(redactor: Redactor, text: string, cuts: readonly number[]): string {
  const full = `${PAD}\n\n${text}`;
  const points = [...new Set(cuts.map((c) => Math.floor(c * full.length)))].sort((a, b) => a - b);
  const session = redactor.session();
  let out = '';
  let from = 0;
  for (const p of points) {
    out += session.push(full.slice(from, p)).text;
    from = p;
  }
  out += session.push(full.slice(from)).text;
  out += session.finish().text;
  return out.slice(PAD.length + 2);
}

/** The one-shot output of the same padded document (what a stream must equal). */
export function oneShot(redactor: Redactor, text: string): string {
  return redactor.redact(`${PAD}\n\n${text}`).text.slice(PAD.length + 2);
}

export const cutPoints = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });
