/**
 * One pass over a serialized JSON line, before JSON.parse, for the two things parsing would hide:
 * - duplicate member names (pino writes a child binding and a logged field of the same name; JSON.parse
 *   keeps only the last, so an unscanned earlier value would survive if the line were passed through);
 * - numbers too long for a double (a 19-digit card number written as a number loses its digits in
 *   JSON.parse, so it could be neither recognised nor masked).
 */
export interface JsonLineShape {
  /** Member separators (':') outside strings: the number of object members in the text. */
  members: number;
  /** [start, end) of number tokens with more than MAX_EXACT_DIGITS digits. */
  longNumbers: Array<[number, number]>;
}

/** Integers up to 15 digits are always exact as doubles (2^53 has 16). */
export const MAX_EXACT_DIGITS = 15;

export function inspectJsonLine(line: string): JsonLineShape {
  let members = 0;
  const longNumbers: Array<[number, number]> = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const s = line.charCodeAt(i);
        if (s === 92 /* \ */) i += 2;
        else if (s === 34) break;
        else i++;
      }
      i++;
    } else if (c === 58 /* : */) {
      members++;
      i++;
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = i;
      let digits = 0;
      while (i < n) {
        const d = line.charCodeAt(i);
        if (d >= 48 && d <= 57) digits++;
        else if (d !== 45 && d !== 43 && d !== 46 && d !== 101 && d !== 69) break; // - + . e E
        i++;
      }
      if (digits > MAX_EXACT_DIGITS) longNumbers.push([start, i]);
    } else {
      i++;
    }
  }
  return { members, longNumbers };
}

/** The line with each long number token turned into a string, so JSON.parse keeps every digit. */
export function quoteLongNumbers(line: string, spans: ReadonlyArray<[number, number]>): string {
  let out = '';
  let last = 0;
  for (const [start, end] of spans) {
    out += `${line.slice(last, start)}"${line.slice(start, end)}"`;
    last = end;
  }
  return out + line.slice(last);
}
