import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRuleCatalogue } from '../../src/report/rule-catalogue.js';
import { catalogueOrder } from '../../src/pack-selection.js';
import { loadShippedPack } from '../../src/rules/load.js';

describe('docs/rules.md', () => {
  const packs = catalogueOrder().map(loadShippedPack);
  const doc = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');

  it('is the catalogue rendered from the shipped packs (run `npm run docs:rules` after changing a pack)', () => {
    expect(doc).toBe(renderRuleCatalogue(packs));
  });

  it("has a section for every rule's docsUrl anchor", () => {
    for (const rule of packs.flatMap((p) => p.rules)) {
      expect(rule.docsUrl, rule.id).toBe(`docs/rules.md#${rule.id}`);
      expect(doc).toContain(`### ${rule.id}\n`);
    }
  });
});
