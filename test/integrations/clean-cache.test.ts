import { describe, expect, it } from 'vitest';
import { CleanCache } from '../../src/integrations/clean-cache.js';

describe('CleanCache', () => {
  it('keeps a recurring working set a little larger than one generation', () => {
    const cache = new CleanCache(100);
    const values = Array.from({ length: 150 }, (_, i) => `/api/orders/A-${i}`);
    for (const v of values) if (!cache.has(v)) cache.add(v);
    // Second and third cycles: every value is still known (emptying one set when full forgot them).
    for (let round = 0; round < 2; round++) for (const v of values) expect(cache.has(v)).toBe(true);
  });

  it('forgets values not seen for two generations, so memory stays bounded', () => {
    const cache = new CleanCache(10);
    cache.add('old');
    for (let i = 0; i < 25; i++) cache.add(`v${i}`);
    expect(cache.has('old')).toBe(false);
    expect(cache.has('v24')).toBe(true);
  });

  it('does not keep long strings', () => {
    const cache = new CleanCache(10, 8);
    cache.add('x'.repeat(9));
    expect(cache.has('x'.repeat(9))).toBe(false);
  });
});

describe('CleanCache with second sight', () => {
  it('keeps a value only once it is added a second time', () => {
    const cache = new CleanCache(100, 256, true);
    cache.add('/api/orders/A-1');
    expect(cache.has('/api/orders/A-1')).toBe(false);
    cache.add('/api/orders/A-1');
    expect(cache.has('/api/orders/A-1')).toBe(true);
  });

  it('keeps a recurring working set among one-off values larger than the generations', () => {
    const cache = new CleanCache(100, 256, true);
    const urls = Array.from({ length: 150 }, (_, i) => `/api/orders/A-${i}`);
    let id = 0;
    let misses = 0;
    for (let round = 0; round < 4; round++) {
      for (const u of urls) {
        // Each line: a fresh request id (never seen again) and a URL of the cycle.
        const req = `req-${id++}`;
        if (!cache.has(req)) cache.add(req);
        if (!cache.has(u)) {
          if (round >= 2) misses++;
          cache.add(u);
        }
      }
    }
    // Without second sight the ids push the URLs out: every URL missed in every round.
    expect(misses).toBeLessThan(urls.length / 10);
  });
});
