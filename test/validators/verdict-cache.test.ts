import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VerdictCache } from '../../src/validators/verdict-cache.js';

describe('VerdictCache: a bounded cache of pure answers in two generations', () => {
  it('answers what was last set for a key while held, never a wrong value, and holds at most its limit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 16 }), fc.array(fc.tuple(fc.nat(40), fc.boolean()), { maxLength: 300 }), (limit, ops) => {
        const cache = new VerdictCache<string>(limit);
        const truth = new Map<string, string>();
        for (const [k, isSet] of ops) {
          const key = `k${k}`;
          if (isSet) {
            // Pure answers: a key always gets the same value.
            cache.set(key, `v${k}`);
            truth.set(key, `v${k}`);
          } else {
            const got = cache.get(key);
            if (got !== undefined) expect(got).toBe(truth.get(key));
          }
          expect(cache.size).toBeLessThanOrEqual(limit);
        }
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('keeps the newest entries: the last limit/2 keys set are all held', () => {
    const cache = new VerdictCache<number>(8);
    for (let i = 0; i < 100; i++) cache.set(`k${i}`, i);
    for (let i = 96; i < 100; i++) expect(cache.get(`k${i}`)).toBe(i);
    expect(cache.get('k0')).toBeUndefined();
  });
});
