import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { generatedCareText } from '../support/care-text.js';

/**
 * V8 compiles regexes unoptimised once a process holds much regexp and executable code (regexp-warm.ts), so
 * the regexes every scan runs are compiled when the redactor is created, for one-byte and two-byte strings.
 * V8's own test functions say whether a regex has native code (a child process with --allow-natives-syntax).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const SCRIPT = `
const { createRedactor } = await import('./src/index.ts');
const { scanRegExps } = await import('./src/detect/scanner.ts');
const native = new Function('re', 'one', 'return %RegexpHasNativeCode(re, one)');
const redactor = createRedactor();
const plan = redactor.session().plan;
const res = scanRegExps(plan);
const missing = res.filter((re) => !native(re, true) || !native(re, false)).map((re) => re.source.slice(0, 40));
const untouched = new RegExp('[a-z]{2}' + '(?:)'.repeat(3), 'g');
console.log(JSON.stringify({ count: res.length, missing, control: native(untouched, true) }));
`;

describe('regexes compiled early', () => {
  it('the regexes of every scan have native code for both kinds of string once the redactor exists', () => {
    const out = execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', SCRIPT], { cwd: ROOT, encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').pop()!) as { count: number; missing: string[]; control: boolean };
    expect(r.count).toBeGreaterThan(20);
    expect(r.missing).toEqual([]);
    // A regex nobody ran has none: the check can fail.
    expect(r.control).toBe(false);
  }, 60_000);

  it('a redactor made later shares the gates of those made before, and interleaved sessions still agree', () => {
    type Plan = { wordGate: RegExp; nameRules: { cues: { questionGate: RegExp } }[]; addressRules: { typeGate: RegExp }[] };
    const planOf = (r: ReturnType<typeof createRedactor>) => (r.session() as unknown as { plan: Plan }).plan;
    const a = createRedactor();
    const b = createRedactor({ aggressive: true });
    const [pa, pb] = [planOf(a), planOf(b)];
    expect(pb.nameRules[0]!.cues.questionGate).toBe(pa.nameRules[0]!.cues.questionGate);
    expect(pb.addressRules[0]!.typeGate).toBe(pa.addressRules[0]!.typeGate);
    fc.assert(
      fc.property(generatedCareText, fc.nat(30_000), (t, cut) => {
        // Longer than a scan step (8 KB), so the sessions scan step by step, each resuming its own passes.
        const text = `${t}\n`.repeat(Math.ceil(20_000 / (t.length + 1)));
        const alone = [a.redact(text), b.redact(text)];
        // Two sessions of two redactors over the same gates, their steps interleaved.
        const [sa, sb] = [a.session(), b.session()];
        const k = Math.min(cut, text.length);
        const outA = [sa.push(text.slice(0, k))];
        const outB = [sb.push(text.slice(0, k))];
        outA.push(sa.push(text.slice(k)), sa.finish());
        outB.push(sb.push(text.slice(k)), sb.finish());
        expect(outA.map((o) => o.text).join('')).toBe(alone[0]!.text);
        expect(outB.map((o) => o.text).join('')).toBe(alone[1]!.text);
      }),
      { numRuns: 12, seed: 20261207 },
    );
  }, 180_000);
});
