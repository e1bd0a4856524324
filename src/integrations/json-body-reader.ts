import type { IncomingMessage } from 'node:http';
import { safeQuote } from '../safe-output.js';
import { bodyTooLargeProblem, emptyJsonProblem, forbiddenMemberProblem, malformedJsonProblem, type Problem, unreadableBodyProblem, unsupportedBodyProblem } from './problem.js';

export type BodyRead = { ok: true; body: unknown } | { ok: false; problem: Problem };

/** Media types whose bodies are read: JSON (application/json, application/*+json) and text/plain. */
export function bodyKind(contentType: string | undefined): 'json' | 'text' | undefined {
  const media = contentType?.split(';', 1)[0]!.trim().toLowerCase();
  if (!media) return undefined;
  if (media === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(media)) return 'json';
  if (media === 'text/plain') return 'text';
  return undefined;
}

export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Whether the digits of an integer are PII (a card number): such integers must not be parsed into a
 * Number, which above 2^53 keeps only the first 16 or so digits and could never be masked.
 */
export type SensitiveDigits = (digits: string) => boolean;

/**
 * Reads a JSON or text/plain request body, counting bytes as they arrive: past `limit` it stops keeping
 * them and answers 413 (the rest is drained and dropped by Node, never buffered). Returns undefined for
 * requests without a body or with another media type, which are left for other handlers. A JSON integer
 * too large for a Number whose digits are `sensitive` is read as a string of its source digits (see
 * quoteSensitiveIntegers), so that it is masked rather than rounded.
 */
export function readRequestBody(req: IncomingMessage, limit: number, sensitive?: SensitiveDigits): Promise<BodyRead> | undefined {
  const kind = bodyKind(req.headers['content-type']);
  if (!kind || !hasBody(req)) return undefined;

  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    return Promise.resolve(refuse(unsupportedBodyProblem(`The body is declared as charset ${safeQuote(charset, 40)}; only UTF-8 is accepted. Send it encoded as UTF-8.`)));
  }
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    return Promise.resolve(refuse(unsupportedBodyProblem(`The body is sent with Content-Encoding ${safeQuote(encoding, 40)}, which this endpoint does not accept. Send it uncompressed.`)));
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(refuse(bodyTooLargeProblem(limit)));

  return new Promise<BodyRead>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyRead) => {
      if (settled) return;
      settled = true;
      req.off('data', onData).off('end', onEnd).off('error', onFailure).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        settle(refuse(bodyTooLargeProblem(limit)));
        req.resume(); // keep draining without keeping: the connection can still carry the 413
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle(kind === 'json' ? parseJson(Buffer.concat(chunks, size), sensitive) : decodeText(Buffer.concat(chunks, size)));
    const onFailure = () => settle(refuse(unreadableBodyProblem()));
    const onClose = () => settle(refuse(unreadableBodyProblem()));
    req.on('data', onData).on('end', onEnd).on('error', onFailure).on('close', onClose);
  });
}

const refuse = (problem: Problem): BodyRead => ({ ok: false, problem });

function decodeText(bytes: Buffer): BodyRead {
  try {
    return { ok: true, body: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return refuse(unreadableBodyProblem());
  }
}

function parseJson(bytes: Buffer, sensitive: SensitiveDigits | undefined): BodyRead {
  const text = decodeText(bytes);
  if (!text.ok) return text;
  const source = sensitive ? quoteSensitiveIntegers(text.body as string, sensitive) : (text.body as string);
  if (source.trim() === '') return refuse(emptyJsonProblem());
  try {
    // No reviver: pdfjs-dist's legacy build (loaded by caregate's upload inspection) replaces JSON.parse
    // with a polyfill that, given a reviver, accepts malformed JSON such as a trailing comma.
    const body: unknown = JSON.parse(source);
    const reserved = reservedMember(body);
    return reserved ? refuse(forbiddenMemberProblem(reserved)) : { ok: true, body };
  } catch (err) {
    // The parser's message quotes the body; keep only the position so no value reaches the response.
    const position = /position (\d+)/.exec(String((err as Error).message))?.[1];
    return refuse(malformedJsonProblem(position === undefined ? undefined : Number(position)));
  }
}

/**
 * JSON.parse makes "__proto__" an own member, and a "constructor" holding "prototype" is the other
 * classic; handlers that merge the body into other objects could be polluted by either. Walked with its
 * own stack: a body nested thousands deep is checked like a flat one.
 */
export function reservedMember(value: unknown): string | undefined {
  const pending: unknown[] = [value];
  while (pending.length) {
    const v = pending.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const item of v) pending.push(item);
      continue;
    }
    for (const key of Object.keys(v)) {
      const child = (v as Record<string, unknown>)[key];
      if (key === '__proto__') return key;
      if (key === 'constructor' && child !== null && typeof child === 'object' && 'prototype' in child) return key;
      pending.push(child);
    }
  }
  return undefined;
}

// 2^53 has 16 digits: only integers of 16 to 19 digits can be card numbers that a Number cannot hold.
const LONG_DIGITS = /\d{16}/;

/**
 * Rewrites, in JSON source text, each integer of 16–19 digits that a Number cannot hold exactly (above
 * 2^53) and whose digits are `sensitive` into a JSON string of the same digits, so that the parsed body
 * carries the number's source text and the redactor masks it. Other numbers, and everything inside
 * strings, are left as they are. Malformed JSON is left for JSON.parse to refuse.
 */
export function quoteSensitiveIntegers(source: string, sensitive: SensitiveDigits): string {
  if (!LONG_DIGITS.test(source)) return source;
  let out = '';
  let from = 0;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string, escapes included.
      i++;
      while (i < n) {
        const d = source.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let j = i + (c === 0x2d ? 1 : 0);
      const digitsFrom = j;
      while (j < n && source.charCodeAt(j) >= 0x30 && source.charCodeAt(j) <= 0x39) j++;
      const digits = source.slice(digitsFrom, j);
      const next = j < n ? source.charCodeAt(j) : 0;
      const integer = next !== 0x2e && next !== 0x65 && next !== 0x45; // not followed by '.', 'e', 'E'
      if (integer && digits.length >= 16 && digits.length <= 19 && !Number.isSafeInteger(Number(digits)) && sensitive(digits)) {
        out += `${source.slice(from, i)}"${source.slice(i, j)}"`;
        from = j;
      }
      i = j;
      while (i < n && /[0-9.eE+-]/.test(source[i]!)) i++;
      continue;
    }
    i++;
  }
  return from === 0 ? source : out + source.slice(from);
}
