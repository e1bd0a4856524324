/** Redacts a document through caregate's Node stream, cut into pieces at seeded places. */
import type { Redactor } from '../../src/index.js';
import type { Rng } from './rng.js';
import type { FindingLike } from './scoring.js';

/** Cut points that never split a surrogate pair. */
export function cutPoints(text: string, rng: Rng, pieces: number): number[] {
  const cuts = new Set<number>();
  for (let i = 0; i < pieces - 1 && text.length > 1; i++) {
    let at = rng.int(1, text.length - 1);
    const code = text.charCodeAt(at);
    if (code >= 0xdc00 && code <= 0xdfff) at--;
    if (at > 0) cuts.add(at);
  }
  return [...cuts].sort((a, b) => a - b);
}

export function redactStreamed(redactor: Redactor, text: string, rng: Rng): Promise<{ text: string; findings: FindingLike[] }> {
  return new Promise((resolve, reject) => {
    const stream = redactor.createStream();
    const out: string[] = [];
    const findings: FindingLike[] = [];
    stream.on('data', (chunk: Buffer | string) => out.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
    stream.on('finding', (f: FindingLike) => findings.push({ start: f.start, end: f.end, entity: f.entity }));
    stream.on('error', reject);
    stream.on('end', () => resolve({ text: out.join(''), findings }));
    let from = 0;
    for (const at of [...cutPoints(text, rng, rng.int(2, 6)), text.length]) {
      stream.write(text.slice(from, at));
      from = at;
    }
    stream.end();
  });
}
