import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careText } from '../../benchmarks/corpus.js';
import type { ScanPlan } from '../../src/detect/plan.js';
import { newScannerState, resetScannerState, type ScannerState } from '../../src/detect/scanner.js';
import { createRedactor } from '../../src/index.js';

/** The session's plan and scanner state (private fields, read here to check the pool's reset). */
interface SessionInternals {
  plan: ScanPlan;
  scanner: ScannerState;
}

const redactor = createRedactor();
const corpus = careText(120_000, 77);

describe('scanner state pool', () => {
  it('a reset state equals a fresh one after any scan left it mid-text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 8_200, max: 20_000 }), (from, len) => {
        const session = redactor.session();
        // A push of at least one scan step's worth runs the scanner and leaves every pass mid-text.
        session.push(corpus.slice(from, from + len));
        const { plan, scanner } = session as unknown as SessionInternals;
        const dirty = structuredClone(scanner);
        expect(dirty).not.toEqual(newScannerState(plan));
        expect(resetScannerState(scanner)).toEqual(newScannerState(plan));
      }),
      { numRuns: 20 },
    );
  });

  it("a finished session's state goes to the next session (the reset knows every field of the plan's state)", () => {
    const first = redactor.session();
    first.push(corpus.slice(0, 9_000));
    first.finish();
    const next = redactor.session();
    expect((next as unknown as SessionInternals).scanner).toBe((first as unknown as SessionInternals).scanner);
    next.finish();
  });

  it('a session on a reused state gives what a session on a fresh state gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 110_000 }), fc.integer({ min: 0, max: 110_000 }), fc.integer({ min: 1, max: 9_000 }), (a, b, len) => {
        const first = redactor.redact(corpus.slice(a, a + len)); // finishes: its state goes back to the pool
        const text = corpus.slice(b, b + len);
        const reused = redactor.redact(text);
        const fresh = redactor.session();
        const internals = fresh as unknown as SessionInternals;
        internals.scanner = newScannerState(internals.plan);
        const one = fresh.push(text);
        const two = fresh.finish();
        expect(first.text.length).toBeGreaterThanOrEqual(0);
        expect(reused).toEqual({ text: one.text + two.text, findings: [...one.findings, ...two.findings], errors: [...one.errors, ...two.errors] });
      }),
      { numRuns: 60 },
    );
  });
});
