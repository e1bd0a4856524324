import { describe, it, expect } from 'vitest';
import { loadDefaultPolicy } from '../../src/verify/index.js';

describe('smoke', () => {
  it('loads', () => {
    const p = loadDefaultPolicy();
    expect(Object.keys(p.actions)).toHaveLength(10);
  });
});
