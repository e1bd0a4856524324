/**
 * speakerLabelAt (src/detect/turn-label.ts) as it read before it went by character code: a regex per character.
 * Kept as the oracle of test/detect/turn-label.test.ts and the baseline of benchmarks/keyword-hits.ts; the
 * label's end comes from the caller (src or dist build of boundaries.ts) so both compare like with like.
 */
export function speakerLabelByRegex(
  text: string,
  i: number,
  turnLabelEnd: (text: string, q: number) => number,
): { label: string; end: number } | null {
  let q = i;
  if (text.charCodeAt(q) === 91) {
    const close = text.indexOf(']', q);
    if (close < 0 || close - q > 24) return null;
    q = close + 1;
    while (text.charCodeAt(q) === 32) q++;
  }
  const end = turnLabelEnd(text, q);
  if (end >= 0) {
    let labelEnd = end;
    while (labelEnd > q && /[\s:>*]/.test(text[labelEnd - 1]!)) labelEnd--;
    return { label: text.slice(q, labelEnd).replace(/^\*+/, '').trim().toLowerCase(), end };
  }
  let e = q;
  while (e < text.length && e - q <= 32 && /[\p{L} ]/u.test(text[e]!)) e++;
  if (e > q + 1 && text.charCodeAt(e - 1) === 32 && text.charCodeAt(e) === 45 && text.charCodeAt(e + 1) === 32) {
    return { label: text.slice(q, e).trim().toLowerCase(), end: e + 2 };
  }
  return null;
}
