import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaregateError, createRedactor } from '../../src/index.js';

const minimalRule = {
  id: 'employee-id', entity: 'EMPLOYEE_ID', description: 'Employee badge numbers', regulations: ['internal policy 4.2'],
  detector: { keywords: ['badge'], value: [{ pattern: '\\s{1,3}#?(?<value>E\\d{6})\\b', maxLength: 20 }] },
  confidence: 0.9, mask: 'label',
  examples: { positive: [{ text: 'badge #E123456', match: 'E123456' }], negative: ['badge lost'] },
};
const pack = (rules: unknown[]) => ({ pack: 'hr', version: '1.0.0', description: 'HR identifiers', rules });

describe('configuration is validated with zod', () => {
  it('a wrong option fails with its path and the allowed values', () => {
    expect(() => createRedactor({ minConfidence: 2 })).toThrow(/invalid redactor option "minConfidence"/);
    expect(() => createRedactor({ masks: { CREDIT_CARD: { type: 'last4', style: 'fancy' } } as never })).toThrow(/masks\.CREDIT_CARD.*style.*"keep-format"\|"compact"|keep-format.*compact/);
    expect(() => createRedactor({ defaultRegion: 'usa' })).toThrow(/ISO 3166-1 alpha-2/);
    try {
      createRedactor({ colour: 'blue' } as never);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CaregateError);
      expect((err as Error).message).toMatch(/unknown option "colour"; the options are: packs, extraPacks, disable/);
    }
  });

  it('an unknown mask name lists the known ones', () => {
    expect(() => createRedactor({ masks: { EMAIL: 'sparkle' } })).toThrow(/unknown mask "sparkle" for masks.EMAIL; use one of: last4, bin-last4, full, label, hmac, remove/);
  });

  it('a mask for an entity no rule reports is refused', () => {
    expect(() => createRedactor({ masks: { PASSPORT_X: 'label' } })).toThrow(/masks.PASSPORT_X: no active rule has this id or entity/);
  });
});

describe('rule packs as data', () => {
  it('users add packs as objects; the engine runs them like the shipped ones', () => {
    const r = createRedactor({ extraPacks: [pack([minimalRule])] });
    const out = r.redact('badge #E123456 scanned at 9am');
    expect(out.text).toBe('badge #[EMPLOYEE_ID] scanned at 9am');
    expect(out.findings.map((f) => f.ruleId)).toEqual(['employee-id']);
  });

  it('users add packs as files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregate-pack-'));
    const file = join(dir, 'hr.json');
    writeFileSync(file, JSON.stringify(pack([minimalRule])));
    expect(createRedactor({ extraPacks: [file] }).detect('badge E654321').map((f) => f.entity)).toEqual(['EMPLOYEE_ID']);
  });

  it('an invalid pack fails naming the file, the JSON pointer and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caregate-pack-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(pack([{ ...minimalRule, confidence: 7 }])));
    expect(() => createRedactor({ extraPacks: [file] })).toThrow(new RegExp(`invalid rule pack ${file} at /rules/0/confidence: must be <= 1`));
    writeFileSync(file, JSON.stringify(pack([{ ...minimalRule, colour: 'x' }])));
    expect(() => createRedactor({ extraPacks: [file] })).toThrow(/at \/rules\/0: unknown property "colour"/);
    writeFileSync(file, '{ "pack": "hr",\n  "rules": [ }');
    expect(() => createRedactor({ extraPacks: [file] })).toThrow(/broken.json line 2 is not valid JSON/);
  });

  it('unknown validators and duplicate rule ids are refused with their place', () => {
    expect(() => createRedactor({ extraPacks: [pack([{ ...minimalRule, validators: ['moon-phase'] }])] })).toThrow(/unknown validator "moon-phase" in inline pack "hr" at \/rules\/0\/validators\/0/);
    expect(() => createRedactor({ extraPacks: [pack([{ ...minimalRule, id: 'email' }])] })).toThrow(/rule id "email" .* is already defined/);
  });

  it('custom validators are named and pure; one that throws fails closed', () => {
    const strict = createRedactor({
      validators: { 'even-badge': ({ digits }) => Number(digits.at(-1)) % 2 === 0 },
      extraPacks: [pack([{ ...minimalRule, validators: ['even-badge'] }])],
    });
    expect(strict.detect('badge E123456 badge E123457').length).toBe(1);

    const broken = createRedactor({
      validators: { explode: () => { throw new Error('lookup of E123456 failed for jane@example.com'); } },
      extraPacks: [pack([{ ...minimalRule, validators: ['explode'] }])],
    });
    const out = broken.redact('badge E123456 then more text');
    expect(out.text).not.toContain('E123456');
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]!.ruleId).toBe('employee-id');
    // The error message never carries the value or an e-mail address.
    expect(out.errors[0]!.message).not.toMatch(/123456|jane@/);
  });

  it('deny lists report their terms; allow lists keep values out', () => {
    const r = createRedactor({
      extraPacks: [pack([{ ...minimalRule, deny: ['Project Nightingale'], allow: ['E000000'] }])],
    });
    expect(r.redact('about project nightingale and badge E000000').text).toBe('about [EMPLOYEE_ID] and badge E000000');
  });

  it('modes switch mode-bound rules on (aggressive transcripts)', () => {
    const bad = 'my card number is 4111 1111 1111 1112';
    expect(createRedactor().detect(bad)).toEqual([]);
    expect(createRedactor({ aggressive: true }).redact(bad).text).toBe('my card number is •••• •••• •••• 1112');
  });

  it('rules can be disabled by id or entity', () => {
    expect(createRedactor({ disable: ['EMAIL'] }).detect('jane.doe@example.com')).toEqual([]);
    expect(createRedactor({ disable: ['us-ssn'] }).detect('SSN 536-22-1947').map((f) => f.ruleId)).toEqual([]);
  });
});

describe('detect and explain', () => {
  it('findings carry rule, entity, UTF-16 offsets and confidence, never the value', () => {
    const text = '🙂 card 4111 1111 1111 1111';
    const [f] = createRedactor().detect(text);
    expect(f).toEqual({ ruleId: 'credit-card', entity: 'CREDIT_CARD', start: 8, end: 27, confidence: 1 });
    expect(text.slice(f!.start, f!.end)).toBe('4111 1111 1111 1111');
    expect(JSON.stringify(f)).not.toContain('4111');
  });

  it('explain says why: base score, validators passed, context words found', () => {
    const [f] = createRedactor().detect('visa card 4111 1111 1111 1111', { explain: true });
    expect(f!.explain).toEqual({
      detector: 'digits', baseConfidence: 0.9,
      validators: [{ name: 'luhn', result: 'valid' }, { name: 'card-iin', result: 'valid' }, { name: 'not-gtin', result: 'neutral' }],
      contextWords: ['visa', 'card'], source: 'written',
    });
  });
});
