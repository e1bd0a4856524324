import { randomBytes } from 'node:crypto';

/**
 * How a token is written in text. The label form, `[CREDIT_CARD:tok_…]`, says what was there and nothing
 * of it. The format-preserving form keeps the separators and the digits PCI DSS allows to be shown (the
 * BIN and/or the last four) and fills the other digit positions from the token's own bytes; it is made to
 * fail the Luhn check, so that a token is never taken for a real card number (nor masked again as one).
 */
export type TokenForm = 'label' | 'format-preserving';
export type TokenKeep = 'last4' | 'bin-last4';

const TOKEN_ID = /^tok_[A-Za-z0-9_-]{22}$/;
const LABEL = /^\[([A-Z][A-Z0-9_]*):(tok_[A-Za-z0-9_-]{22})\]$/;

export function tokenId(bytes: Buffer): string {
  return `tok_${bytes.subarray(0, 16).toString('base64url')}`;
}

export function randomTokenBytes(): Buffer {
  return randomBytes(32);
}

export function labelToken(entity: string, id: string): string {
  return `[${entity}:${id}]`;
}

/** The key a token is stored under: `tok_…` for labels, `fp:<digits>` for format-preserving tokens. */
export function storeKeyOf(written: string): string | undefined {
  const s = written.trim();
  if (TOKEN_ID.test(s)) return s;
  const m = LABEL.exec(s);
  if (m) return m[2];
  const digits = s.replace(/[\s\-./_\u00A0\u2009\u202F\u2010-\u2015\u2212]/g, '');
  return /^[0-9]{8,19}$/.test(digits) ? `fp:${digits}` : undefined;
}

/** How many digits may be shown at head and tail: never more than half, always at least five hidden between. */
export function shownDigits(total: number, keep: TokenKeep): [number, number] {
  const tail = Math.min(4, Math.floor(total / 2));
  const head = keep === 'bin-last4' ? Math.min(6, Math.max(0, total - tail - 5)) : 0;
  return [head, tail];
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Writes a format-preserving token: `text`'s digits outside the shown head and tail are replaced by digits
 * drawn from `bytes`; every other character stays. Returns the written token and its digit string.
 */
export function formatPreservingToken(text: string, keep: TokenKeep, bytes: Buffer): { written: string; digits: string } {
  let total = 0;
  for (let i = 0; i < text.length; i++) if (isAsciiDigit(text.charCodeAt(i))) total++;
  const [head, tail] = shownDigits(total, keep);
  const hidden = total - head - tail;
  const fill: number[] = [];
  for (let i = 0; i < hidden; i++) fill.push(bytes[i % bytes.length]! % 10);
  const build = () => {
    let k = 0;
    let f = 0;
    let out = '';
    let digits = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isAsciiDigit(c)) {
        out += text[i];
        continue;
      }
      const d = k < head || k >= total - tail ? text[i]! : String(fill[f++]);
      out += d;
      digits += d;
      k++;
    }
    return { written: out, digits };
  };
  let t = build();
  if (hidden > 0 && luhnValid(t.digits)) {
    fill[hidden - 1] = (fill[hidden - 1]! + 1) % 10;
    t = build();
  }
  return t;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
