import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../report/support.js';

/** Every positive example of a shipped pack: its text and the entity the rule names. */
function examples(pack: string): { text: string; entity: string }[] {
  const data = JSON.parse(readFileSync(new URL(`../../rules/${pack}.json`, import.meta.url), 'utf8')) as {
    rules: { entity: string; examples: { positive: { text: string }[] } }[];
  };
  return data.rules.flatMap((r) => r.examples.positive.map((p) => ({ text: p.text, entity: r.entity })));
}

describe('--regions on the command line', () => {
  it('adds the packs of the regions named (and only with them), as the regions option does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregate-regions-'));
    const file = join(dir, 'notes.txt');
    const gb = examples('id-gb');
    writeFileSync(file, gb.map((e) => e.text).join('\n\n') + '\n');
    const entities = (out: string) => new Set((JSON.parse(out) as { findings: { entity: string }[] }).findings.map((f) => f.entity));
    const without = await cli(['scan', file, '--concurrency', '1']);
    const withGb = await cli(['scan', file, '--concurrency', '1', '--regions', 'GB']);
    expect(withGb.code).toBe(0);
    for (const e of new Set(gb.map((x) => x.entity))) {
      expect(entities(withGb.stdout).has(e)).toBe(true);
      if (e !== 'UK_NINO' && e !== 'POSTAL_CODE') expect(entities(without.stdout).has(e)).toBe(false);
    }
    const bad = await cli(['scan', file, '--regions', 'XX']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/XX/);
  }, 60_000);
});
