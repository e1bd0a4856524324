import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePackValidator, loadPackValidator, packValidatorSource } from '../../src/rules/pack-validator.js';
import { loadShippedPack, RULES_DIR, shippedPackNames } from '../../src/rules/load.js';
import { ensureBuilt, ROOT } from '../report/support.js';

beforeAll(() => ensureBuilt(), 120_000);

const BUILT = join(ROOT, 'dist/rules/pack-schema.validate.cjs');
const schemaText = readFileSync(join(RULES_DIR, 'schema.json'), 'utf8');
const packs = shippedPackNames().map((n) => loadShippedPack(n));

/** A shipped pack with one thing changed at a path: most such changes break the schema somewhere. */
const mutatedPack = fc
  .tuple(
    fc.constantFrom(...packs),
    fc.nat(),
    fc.constantFrom('id', 'entity', 'mask', 'confidence', 'regulations', 'detector', 'examples', 'description', 'unknownKey'),
    fc.constantFrom<unknown>(undefined, null, 42, -1, 1.5, '', 'NOT_A_MASK', 'x'.repeat(300), [], [1], {}, { builtin: 'nope' }, true),
  )
  .map(([pack, k, key, value]) => {
    const copy = structuredClone(pack) as unknown as { rules: Record<string, unknown>[] };
    const rule = copy.rules[k % copy.rules.length]!;
    if (value === undefined) delete rule[key];
    else rule[key] = value;
    return copy;
  });

describe('the rule-pack validator: standalone code from the build, or compiled', () => {
  it('the build wrote ajv standalone code for the current schema', () => {
    expect(readFileSync(BUILT, 'utf8')).toBe(packValidatorSource(schemaText));
  });

  it('the standalone code and the compiled schema agree on every shipped pack and on broken ones, errors included (fast-check)', () => {
    const standalone = createRequire(import.meta.url)(BUILT) as { default: ReturnType<typeof compilePackValidator> };
    const compiled = compilePackValidator(schemaText);
    for (const pack of packs) {
      expect(standalone.default(pack)).toBe(true);
      expect(compiled(pack)).toBe(true);
    }
    let invalid = 0;
    fc.assert(
      fc.property(mutatedPack, (pack) => {
        const a = standalone.default(pack);
        const b = compiled(pack);
        expect(a).toBe(b);
        expect(standalone.default.errors ?? null).toEqual(compiled.errors ?? null);
        if (!a) invalid++;
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(invalid).toBeGreaterThan(100); // the mutations do break packs: the comparison covers error paths
  });

  it('uses standalone code only when it was generated from the schema on disk, else compiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregate-validator-'));
    const fake = (sha: string) => {
      const file = join(dir, `v-${sha.slice(0, 8)}.cjs`);
      writeFileSync(file, `module.exports = () => 'standalone'; module.exports.default = module.exports; module.exports.schemaSha256 = ${JSON.stringify(sha)};`);
      return file;
    };
    const current = createHash('sha256').update(schemaText).digest('hex');
    expect((loadPackValidator(fake(current)) as unknown as () => string)()).toBe('standalone');
    const stale = loadPackValidator(fake('0'.repeat(64)));
    expect(stale(packs[0])).toBe(true);
    expect(stale({ pack: 'x' })).toBe(false);
    const missing = loadPackValidator(join(dir, 'missing.cjs'));
    expect(missing({ pack: 'x' })).toBe(false);
  });
});
