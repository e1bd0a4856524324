import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
});
