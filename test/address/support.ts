import { expect } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { loadAddressGrammar } from '../../src/detect/address/grammar.js';
import { redactInChunks } from '../support/chunked.js';
import { coveredWhole, parseMarked } from '../names/support.js';

/** Names are off so that the address grammar alone is judged. */
export const addressRedactor = createRedactor({ disable: ['person-names'] });
export const addressGrammar = loadAddressGrammar(['addresses'], 'test');

/**
 * The address in each [[…]] of `marked` is masked whole as a STREET_ADDRESS, one-shot and streamed alike, and no
 * other STREET_ADDRESS is found.
 */
export function expectAddresses(marked: string): void {
  const r = addressRedactor;
  const { text, spans } = parseMarked(marked);
  const out = r.redact(text);
  const found = out.findings.filter((f) => f.entity === 'STREET_ADDRESS');
  for (const [s, e] of spans) expect(coveredWhole(found, 'STREET_ADDRESS', text, s, e), `${text.slice(s, e)} in ${JSON.stringify(text)} → ${out.text}`).toBe(true);
  for (const f of found) expect(spans.some(([s, e]) => f.start < e && s < f.end), `extra ${JSON.stringify(text.slice(f.start, f.end))} in ${JSON.stringify(text)}`).toBe(true);
  expect(redactInChunks(r, text, [5, 9, 2]).text).toBe(out.text);
}

/**
 * expectAddresses, and no STREET_ADDRESS reaches past its [[…]] over a letter or digit: the words around an
 * address (the next sentence, a label, a preposition) are left as written.
 */
export function expectExactAddresses(marked: string): void {
  expectAddresses(marked);
  const { text, spans } = parseMarked(marked);
  const found = addressRedactor.redact(text).findings.filter((f) => f.entity === 'STREET_ADDRESS');
  for (const f of found) {
    for (let i = f.start; i < f.end; i++) {
      if (spans.some(([s, e]) => s <= i && i < e)) continue;
      expect(/[\p{L}\p{N}]/u.test(text[i]!), `${JSON.stringify(text.slice(f.start, f.end))} reaches past its address in ${JSON.stringify(text)}`).toBe(false);
    }
  }
}
