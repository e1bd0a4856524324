import type { Redactor } from '../../src/index.js';

/** What a session gives for `text` pushed in chunks of `sizes` (cycled), with the findings' offsets and entities. */
export function redactInChunks(r: Redactor, text: string, sizes: readonly number[]): { text: string; findings: { start: number; end: number; entity: string }[] } {
  const s = r.session();
  let out = '';
  const findings: { start: number; end: number; entity: string }[] = [];
  const take = (o: { text: string; findings: readonly { start: number; end: number; entity: string }[] }) => {
    out += o.text;
    for (const f of o.findings) findings.push({ start: f.start, end: f.end, entity: f.entity });
  };
  for (let at = 0, k = 0; at < text.length; ) {
    const n = sizes[k++ % sizes.length]!;
    take(s.push(text.slice(at, at + n)));
    at += n;
  }
  take(s.finish());
  return { text: out, findings };
}
