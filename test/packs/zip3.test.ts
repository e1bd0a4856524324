import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadShippedPack } from '../../src/rules/load.js';
import { RESTRICTED_ZIP3_FILE, restrictedZip3 } from '../../src/validators/zip3.js';

describe('restricted ZIP3 data (HIPAA Safe Harbor)', () => {
  const data = JSON.parse(readFileSync(RESTRICTED_ZIP3_FILE, 'utf8')) as { source: string; zip3: string[] };
  it('ships the HHS list of 17 three-digit areas with its source', () => {
    expect(data.zip3).toHaveLength(17);
    expect(data.source).toMatch(/Census/);
    for (const z of data.zip3) expect(z).toMatch(/^\d{3}$/);
  });
  it('the hipaa-zip pattern leaves out exactly the areas of the data file', () => {
    const rule = loadShippedPack('hipaa').rules.find((r) => r.id === 'hipaa-zip')!;
    const pattern = JSON.stringify(rule.detector);
    const excluded = /\(\?!((?:\d{3}\|?)+)\)/.exec(pattern)![1]!.split('|');
    expect(new Set(excluded)).toEqual(restrictedZip3());
  });
});
