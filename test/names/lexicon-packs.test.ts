import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'caregate-lexicon-'));

function pack(lexicons: string[], builtin = 'person-names') {
  return {
    pack: 'test-lexicon',
    version: '1.0.0',
    description: 'a language added as data',
    rules: [
      {
        id: `${builtin}-extra`,
        entity: builtin === 'person-names' ? 'PERSON' : 'STREET_ADDRESS',
        description: 'from a user lexicon',
        regulations: [],
        detector: { builtin, lexicons },
        confidence: 0.7,
        mask: 'label',
        examples: { positive: [{ text: 'x', match: 'x' }], negative: ['y'] },
      },
    ],
  };
}

describe('a language is added without code', () => {
  it('a cue phrase from a user lexicon makes names after it found', () => {
    const file = join(dir, 'eo.json');
    writeFileSync(file, JSON.stringify({ cues: { intro: ['mia nomo estas'] }, nameLists: {}, commonWordLists: [] }));
    const without = createRedactor({ packs: [pack(['names'])] as never });
    const withIt = createRedactor({ packs: [pack(['names', file])] as never });
    const text = 'saluton, mia nomo estas Zamenhofa Lidja';
    expect(without.redact(text).text).toBe(text);
    expect(withIt.redact(text).text).toBe('saluton, mia nomo estas [PERSON]');
  });

  it('a street type from a user lexicon makes its addresses found', () => {
    const file = join(dir, 'sw.json');
    writeFileSync(file, JSON.stringify({ streetTypesBefore: { sw: ['Barabara'] } }));
    const r = createRedactor({ packs: [pack(['addresses', file], 'postal-address')] as never });
    expect(r.redact('tuma kwa Barabara Uhuru 12 leo').text).toBe('tuma kwa [STREET_ADDRESS] leo');
  });

  it('a lexicon that cannot be read fails naming the rule and the file', () => {
    expect(() => createRedactor({ packs: [pack([join(dir, 'missing.json')])] as never })).toThrow(/lexicons.*missing\.json/s);
  });
});
