import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { turnLabelEnd } from '../../src/detect/boundaries.js';
import { speakerLabelAt } from '../../src/detect/turn-label.js';
import { speakerLabelByRegex } from '../support/speaker-label-oracle.js';

/**
 * speakerLabelAt reads ASCII by character code where it ran a regex per character; the regex version is kept
 * in test/support as the oracle and both read generated line starts (labels, timestamps, emphasis, dash labels, any
 * Unicode letters, spaces and lone surrogates).
 */
function oracle(text: string, i: number): { label: string; end: number } | null {
  return speakerLabelByRegex(text, i, turnLabelEnd);
}

const piece = fc.constantFrom('Agent', 'CUSTOMER', 'Maria López', 'Ünal', 'Speaker 2', '[10:02] ', '**', ':', ' >', ' - ', ' – ', ' ', '\t', '\u00a0', '\u3000', '\r', '\n', ':*', '*', '>', 'ß', '\u0416', '\ud83d\ude00', '\ud800', '9', '-', 'x');

describe('speaker labels read by character code', () => {
  it('reads what the per-character regexes read', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        for (let i = 0; i <= text.length; i++) expect(speakerLabelAt(text, i)).toEqual(oracle(text, i));
      }),
      { seed: 20261207, numRuns: 500 },
    );
  });

  it('finds labels in the generated lines', () => {
    expect(speakerLabelAt('CUSTOMER - hi', 0)).toEqual({ label: 'customer', end: 11 });
    expect(speakerLabelAt('Agent :\u00a0 hi', 0)).toEqual(oracle('Agent :\u00a0 hi', 0));
  });
});
