import { createHmac, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CaregateError } from '../errors.js';
import { digitTokens } from './digit-tokens.js';
import type { Mask, MaskInput, TokenSink } from './types.js';

// A digit (in any script: "4", "٤", "⁴") as mask character would read as part of the number it hides.
const maskChar = z
  .string()
  .min(1)
  .max(2)
  .refine((c) => !/\p{N}/u.test(c), 'the mask character must not be a digit (in any script), or the masked number reads as another number; use a symbol such as "•", "*" or "X"')
  .default('•');

/** Option schemas of the built-in masks (validated with zod when a redactor is created). */
export const MASK_OPTIONS = {
  last4: z.object({ type: z.literal('last4'), char: maskChar, style: z.enum(['keep-format', 'compact']).default('keep-format') }).strict(),
  'bin-last4': z.object({ type: z.literal('bin-last4'), char: maskChar, style: z.enum(['keep-format', 'compact']).default('keep-format') }).strict(),
  full: z.object({ type: z.literal('full'), char: maskChar }).strict(),
  label: z.object({ type: z.literal('label'), numbered: z.boolean().default(false) }).strict(),
  hmac: z.object({ type: z.literal('hmac'), length: z.number().int().min(8).max(64).default(8) }).strict(),
  remove: z.object({ type: z.literal('remove') }).strict(),
  /** A reversible token from the token vault (caregate/vault): a label `[ENTITY:tok_…]` or a format-preserving number. */
  token: z
    .object({ type: z.literal('token'), form: z.enum(['label', 'format-preserving']).default('label'), keep: z.enum(['last4', 'bin-last4']).default('last4') })
    .strict(),
} as const;

export type MaskName = keyof typeof MASK_OPTIONS;

export interface MaskEnv {
  /** Key for hmac pseudonyms; the hmac mask refuses to start without one. */
  hmacKey?: Buffer;
  /** The vault scope the token mask writes to; the token mask refuses to start without one. */
  tokens?: TokenSink;
}

/** Normalized value a label or pseudonym is keyed on: the digits of a number, else the folded text. */
function normalizedValue(input: MaskInput): string {
  return input.digits || input.text.toLowerCase().replace(/[\s()\-.]+/g, '');
}

/**
 * How many digits a mask may show at the head and at the tail of a number of `total` digits. Never more than
 * half of a short number (a 4-digit PIN keeps nothing), and always at least five hidden between head and tail
 * (PCI truncation: "at least 5 digits removed" for 15-digit PANs).
 */
function keptDigits(total: number, head: number, tail: number): [number, number] {
  const keepTail = Math.min(tail, Math.floor(total / 2));
  return [Math.min(head, Math.max(0, total - keepTail - 5)), keepTail];
}

/**
 * Keeps the digit pieces whose positions are in `keep` (counted over all digits) and replaces every other
 * digit piece with the mask character, leaving separators and other words in place.
 */
function keepDigits(text: string, char: string, style: 'keep-format' | 'compact', head: number, tail: number): string {
  if (style === 'keep-format' && !HAS_LETTER_OR_UNICODE.test(text)) return keepWrittenDigits(text, char, head, tail);
  const tokens = digitTokens(text);
  let total = 0;
  for (const t of tokens) total += t.digits.length;
  const [keepHead, keepTail] = keptDigits(total, head, tail);
  if (style === 'compact') {
    const all = tokens.map((t) => t.digits).join('');
    const headDigits = all.slice(0, keepHead);
    const tailDigits = keepTail > 0 ? all.slice(all.length - keepTail) : '';
    const middle = char.repeat(headDigits ? Math.max(0, total - keepHead - keepTail) : 4);
    return headDigits ? `${headDigits}${middle}${tailDigits}` : `${middle}${tailDigits ? ' ' + tailDigits : ''}`;
  }
  const parts: string[] = [];
  let cursor = 0;
  let seen = 0;
  for (const t of tokens) {
    const first = seen;
    seen += t.digits.length;
    const inHead = seen <= keepHead;
    const inTail = first >= total - keepTail;
    parts.push(maskLetters(text.slice(cursor, t.start), char));
    parts.push(inHead || inTail ? text.slice(t.start, t.end) : char.repeat(t.end - t.start));
    cursor = t.end;
  }
  parts.push(maskLetters(text.slice(cursor), char));
  return parts.join('');
}

const HAS_LETTER = /[A-Za-z]/;
/**
 * Letters, digits of another script or URL escapes: digitTokens reads them (digits of any script, '%20' as
 * a separator); the one-pass path reads ASCII digits only.
 */
const HAS_LETTER_OR_UNICODE = /[A-Za-z%]|[^\x00-\x7f]/;

/** keepDigits for a number written in digits only (most findings): one pass, no token objects. */
function keepWrittenDigits(text: string, char: string, head: number, tail: number): string {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) total++;
  }
  const [keepHead, keepTail] = keptDigits(total, head, tail);
  let out = '';
  let from = 0;
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    if (k < keepHead || k >= total - keepTail) {
      k++;
      continue;
    }
    // A run of hidden digits is replaced at once.
    let j = i;
    while (j < text.length && (c = text.charCodeAt(j)) >= 48 && c <= 57 && k < total - keepTail) {
      j++;
      k++;
    }
    out += text.slice(from, i) + char.repeat(j - i);
    from = j;
    i = j - 1;
  }
  return out + text.slice(from);
}

/** Letters between digits (an IBAN's bank code, a passport's prefix) are masked too; separators stay. */
function maskLetters(s: string, char: string): string {
  // Most pieces are separators (" ", ", "): no regex for them.
  return HAS_LETTER.test(s) ? s.replace(/[A-Za-z]/g, char) : s;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Output of keepDigits: the mask character at least once, no letter outside a digit piece (keepDigits masks
 * those), and at most `kept` digits left, counted the way keepDigits counts them (a spoken "one", an "o").
 */
function keptDigitsShape(char: string): (text: string, kept: number) => boolean {
  const lettersIn = (s: string) => HAS_LETTER.test(s.split(char).join(''));
  return (text, kept) => {
    if (!text.includes(char)) return false;
    let digits = 0;
    let cursor = 0;
    for (const t of digitTokens(text)) {
      if (lettersIn(text.slice(cursor, t.start))) return false;
      digits += t.digits.length;
      cursor = t.end;
    }
    return !lettersIn(text.slice(cursor)) && digits <= kept;
  };
}

export function createMask(spec: { type: string } & Record<string, unknown>, env: MaskEnv, where: string): Mask {
  // Own members only: a pack's mask "constructor" or "toString" is an unknown mask, not Object's.
  const schema = Object.hasOwn(MASK_OPTIONS, spec.type) ? MASK_OPTIONS[spec.type as MaskName] : undefined;
  if (!schema) {
    throw new CaregateError(
      'E_MASK_UNKNOWN',
      `unknown mask "${spec.type}" for ${where}; use one of: ${Object.keys(MASK_OPTIONS).join(', ')}`,
      { path: where },
    );
  }
  const parsed = schema.safeParse(spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CaregateError(
      'E_MASK_OPTIONS',
      `mask "${spec.type}" for ${where}: ${issue.path.join('.') || 'options'}: ${issue.message}`,
      { path: `${where}.${issue.path.join('.')}` },
    );
  }
  const o = parsed.data as Record<string, unknown>;
  switch (spec.type as MaskName) {
    case 'last4': {
      const char = o.char as string;
      const style = o.style as 'keep-format' | 'compact';
      const shape = keptDigitsShape(char);
      return { name: 'last4', retention: 'partial', apply: (i) => keepDigits(i.text, char, style, 0, 4), isMasked: (t) => shape(t, 4) };
    }
    case 'bin-last4': {
      const char = o.char as string;
      const style = o.style as 'keep-format' | 'compact';
      const shape = keptDigitsShape(char);
      return { name: 'bin-last4', retention: 'partial', apply: (i) => keepDigits(i.text, char, style, 6, 4), isMasked: (t) => shape(t, 10) };
    }
    case 'full': {
      const char = o.char as string;
      return { name: 'full', retention: 'length', apply: (i) => i.text.replace(/[^\s]/g, char), isMasked: (t) => t.includes(char) && t.split(char).join('').trim() === '' };
    }
    case 'label': {
      if (!o.numbered) return { name: 'label', retention: 'none', apply: (i) => `[${i.entity}]`, isMasked: (t, entity) => t === `[${entity}]` };
      // Numbered labels are keyed by an HMAC under a key made for this redactor only: equal values get the
      // same number within a document, and the map never holds a raw value.
      const key = randomBytes(32);
      return {
        name: 'label',
        retention: 'linkable',
        apply: (i) => {
          const id = createHmac('sha256', key).update(`${i.entity}\0${normalizedValue(i)}`).digest('base64');
          let n = i.state.labels.get(id);
          if (n === undefined) {
            n = (i.state.counters.get(i.entity) ?? 0) + 1;
            i.state.counters.set(i.entity, n);
            i.state.labels.set(id, n);
          }
          return `[${i.entity}_${n}]`;
        },
        isMasked: (t, entity) => new RegExp(`^\\[${escapeRegExp(entity)}_\\d{1,9}\\]$`).test(t),
      };
    }
    case 'hmac': {
      const key = env.hmacKey;
      if (!key || key.length < 16) {
        throw new CaregateError(
          'E_MASK_KEY',
          `the hmac mask for ${where} needs a secret key of at least 16 bytes: pass hmacKey to createRedactor (or set CAREGATE_HMAC_KEY for the CLI)`,
          { path: 'hmacKey' },
        );
      }
      const length = o.length as number;
      return {
        name: 'hmac',
        retention: 'linkable',
        apply: (i) => `[${i.entity}:${createHmac('sha256', key).update(`${i.entity}\0${normalizedValue(i)}`).digest('hex').slice(0, length)}]`,
        isMasked: (t, entity) => t.length === entity.length + length + 3 && t.startsWith(`[${entity}:`) && /^[0-9a-f]+\]$/.test(t.slice(entity.length + 2)),
      };
    }
    case 'remove':
      return { name: 'remove', retention: 'none', apply: () => '' };
    case 'token': {
      const sink = env.tokens;
      if (!sink) {
        throw new CaregateError(
          'E_MASK_VAULT',
          `the token mask for ${where} needs a token vault: pass createRedactor({ vault: vault.scope({ scope: '…' }) }) with a vault from openVault() (caregate/vault)`,
          { path: 'vault' },
        );
      }
      const form = o.form as 'label' | 'format-preserving';
      const keep = o.keep as 'last4' | 'bin-last4';
      // Reversible and linkable: rules that may keep nothing (CVV, PIN, passwords, track data) refuse it.
      return { name: 'token', retention: 'linkable', apply: (i) => (i.state.tokens ?? sink).tokenize({ entity: i.entity, text: i.text, digits: i.digits, form, keep }) };
    }
  }
}
