import type { IncomingMessage } from 'node:http';
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
 * Reads a JSON or text/plain request body, counting bytes as they arrive: past `limit` it stops keeping
 * them and answers 413 (the rest is drained and dropped by Node, never buffered). Returns undefined for
 * requests without a body or with another media type, which are left for other handlers.
 */
export function readRequestBody(req: IncomingMessage, limit: number): Promise<BodyRead> | undefined {
  const kind = bodyKind(req.headers['content-type']);
  if (!kind || !hasBody(req)) return undefined;

  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    return Promise.resolve(refuse(unsupportedBodyProblem(`The body is declared as ${charset}; only UTF-8 is accepted. Send it encoded as UTF-8.`)));
  }
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    return Promise.resolve(refuse(unsupportedBodyProblem(`The body is sent with Content-Encoding "${encoding}", which this endpoint does not accept. Send it uncompressed.`)));
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
    const onEnd = () => settle(kind === 'json' ? parseJson(Buffer.concat(chunks, size)) : decodeText(Buffer.concat(chunks, size)));
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

function parseJson(bytes: Buffer): BodyRead {
  const text = decodeText(bytes);
  if (!text.ok) return text;
  const source = text.body as string;
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
 * classic; handlers that merge the body into other objects could be polluted by either.
 */
function reservedMember(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = reservedMember(item);
      if (found) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (key === '__proto__') return key;
    if (key === 'constructor' && child !== null && typeof child === 'object' && 'prototype' in child) return key;
    const found = reservedMember(child);
    if (found) return found;
  }
  return undefined;
}
