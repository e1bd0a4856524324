import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMaskValue } from '../../src/cli/options.js';
import { createRedactor } from '../../src/index.js';
import { parseWorkerOptions } from '../../src/worker/config.js';
import { caregate, ensureBuilt } from './binary.js';
import { withLuhn } from '../support/cards.js';

// Configuration that says what is wrong: every refused option names its path and what is allowed there;
// `disable` refuses names no rule has, with the nearest one; the CLI can give the mask object form.

function errorOf(config: unknown): string {
  try {
    createRedactor(config as never);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(config)}`);
}

beforeAll(() => ensureBuilt(), 180_000);

const card = withLuhn('400000' + '765432101');
const defaults = createRedactor().rules;
const names = [...new Set(defaults.flatMap((r) => [r.id, r.entity]))];

describe('zod errors name the path and what is allowed', () => {
  const cases: Array<[unknown, string, RegExp]> = [
    [{ masks: { CREDIT_CARD: { mask: 'last4', style: 'compact' } } }, 'masks.CREDIT_CARD', /"type", not "mask".*last4 \{ char, style \}/],
    [{ masks: { CREDIT_CARD: { type: 'last4', numbered: true } } }, 'masks.CREDIT_CARD', /mask "last4" takes "type", "char", "style", not "numbered"/],
    [{ masks: { CREDIT_CARD: { type: 'sparkle' } } }, 'masks.CREDIT_CARD.type', /unknown mask "sparkle"; use one of: "last4"/],
    [{ masks: { CREDIT_CARD: 4 } }, 'masks.CREDIT_CARD', /a mask name \("last4"/],
    [{ masks: 'last4' }, 'masks', /entity or rule id → mask/],
    [{ packs: [42] }, 'packs.0', /shipped pack name/],
    [{ extraPacks: 'hr.json' }, 'extraPacks', /a list of packs/],
    [{ disable: 'EMAIL' }, 'disable', /a list of rule ids or entities/],
    [{ minConfidence: 'high' }, 'minConfidence', /a number from 0 to 1/],
    [{ minConfidence: 2 }, 'minConfidence', /a number from 0 to 1/],
    [{ hmacKey: 'short' }, 'hmacKey', /at least 16 characters/],
    [{ hmacKey: 12 }, 'hmacKey', /at least 16 characters/],
    [{ keyHints: { card: 'credit card' } }, 'keyHints.card', /entity name in capitals/],
    [{ modes: ['Aggressive'] }, 'modes.0', /mode name in lower case/],
    [{ aggressive: 'yes' }, 'aggressive', /true or false/],
    [{ validators: { x: 1 } }, 'validators.x', /a function/],
    [{ currentYear: 'now' }, 'currentYear', /a year/],
    [{ disabel: ['EMAIL'] }, '', /unknown option "disabel"; did you mean "disable"\?/],
  ];
  it.each(cases.map((c, i) => [i, ...c] as const))('case %i: %j', (_i, config, path, allowed) => {
    const message = errorOf(config);
    if (path) expect(message).toContain(`"${path}"`);
    expect(message).toMatch(allowed);
    expect(message).not.toMatch(/: Invalid input$/);
  });

  it('property: any wrong value of any option is refused naming its path, never with a bare "Invalid input"', () => {
    const options = ['packs', 'extraPacks', 'disable', 'modes', 'aggressive', 'masks', 'minConfidence', 'defaultRegion', 'hmacKey', 'validators', 'keyHints', 'replaceKeyHints', 'currentYear'];
    const wrong = fc.oneof(fc.constant(null), fc.integer({ min: 2, max: 99 }), fc.constantFrom('x', 'Not A Value'), fc.constant([7]), fc.constant({ a: 7 }), fc.constant(true));
    fc.assert(
      fc.property(fc.constantFrom(...options), wrong, (option, value) => {
        let message: string;
        try {
          createRedactor({ [option]: value } as never);
          return; // some values are valid for some options (e.g. true for aggressive)
        } catch (err) {
          message = (err as Error).message;
        }
        expect(message).toMatch(new RegExp(`invalid redactor option "${option}(\\.[^"]+)?"`));
        expect(message).not.toMatch(/Invalid input\s*$/);
      }),
      { seed: 1018, numRuns: 200 },
    );
  });
});

describe('worker options say what is allowed', () => {
  it.each<[unknown, RegExp]>([
    [{ servers: 5 }, /"servers": a NATS server URL such as "nats:\/\/localhost:4222", or a non-empty list/],
    [{ concurency: 3 }, /unknown option "concurency"; did you mean "concurrency"\?/],
    [{ format: 'yaml' }, /"format": .*"text"\|"ndjson"/],
  ])('%j', (options, message) => {
    expect(() => parseWorkerOptions(options)).toThrow(message);
  });
});

describe('disable refuses unknown rule ids and entities', () => {
  it('credit_card is refused with the nearest match, not silently ignored', () => {
    const message = errorOf({ disable: ['credit_card'] });
    expect(message).toContain('"disable.0"');
    expect(message).toMatch(/did you mean "(credit-card|CREDIT_CARD)"\?/);
    expect(errorOf({ disable: ['EMAIL', 'zzzzqqqq'] })).toMatch(/"disable.1": no rule id or entity "zzzzqqqq"/);
  });

  it('property: every rule id and entity in use is accepted; a case or separator variant of one is refused naming it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom('lower', 'upper', 'swap'), (name, how) => {
        expect(() => createRedactor({ disable: [name] })).not.toThrow();
        const variant = how === 'lower' ? name.toLowerCase() : how === 'upper' ? name.toUpperCase() : name.replace(/[-_]/g, (c) => (c === '-' ? '_' : '-'));
        if (names.includes(variant)) return;
        const message = errorOf({ disable: [variant] });
        const suggested = /did you mean "([^"]+)"\?/.exec(message)?.[1];
        expect(suggested).toBeDefined();
        const fold = (s: string) => s.toLowerCase().replace(/[-_]/g, '-');
        expect(fold(suggested!)).toBe(fold(variant));
      }),
      { seed: 1811, numRuns: 150 },
    );
  });

  it('a rule id of a mode-bound rule (inactive without its mode) is a known name', () => {
    // aggressive-mode rules exist in the shipped packs but are off by default: disabling one is not a typo.
    const withMode = createRedactor({ aggressive: true }).rules.filter((r) => !defaults.some((d) => d.id === r.id));
    for (const r of withMode) expect(() => createRedactor({ disable: [r.id] })).not.toThrow();
  });
});

describe('--mask ENTITY=MASK[:OPTION…]', () => {
  it('parses style, character, numbering and length into the object form', () => {
    expect(parseMaskValue('last4', 'x')).toBe('last4');
    expect(parseMaskValue('last4:compact', 'x')).toEqual({ type: 'last4', style: 'compact' });
    expect(parseMaskValue('bin-last4:keep-format:char=*', 'x')).toEqual({ type: 'bin-last4', style: 'keep-format', char: '*' });
    expect(parseMaskValue('label:numbered', 'x')).toEqual({ type: 'label', numbered: true });
    expect(parseMaskValue('hmac:length=12', 'x')).toEqual({ type: 'hmac', length: 12 });
    expect(() => parseMaskValue('last4:tiny', 'CREDIT_CARD=last4:tiny')).toThrow(/unknown mask option "tiny"; the options are compact or keep-format/);
  });

  it('property: the flag form redacts exactly as the object form', () => {
    const forms: Array<[string, object]> = [
      ['last4:compact', { type: 'last4', style: 'compact' }],
      ['last4:char=#', { type: 'last4', char: '#' }],
      ['bin-last4:compact:char=x', { type: 'bin-last4', style: 'compact', char: 'x' }],
      ['full:char=*', { type: 'full', char: '*' }],
      ['label:numbered', { type: 'label', numbered: true }],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.constantFrom('CREDIT_CARD', 'credit-card'), ([flag, object], key) => {
        const text = `card ${card} thanks`;
        const fromFlag = createRedactor({ masks: { [key]: parseMaskValue(flag, flag) as never } }).redact(text).text;
        const fromObject = createRedactor({ masks: { [key]: object as never } }).redact(text).text;
        expect(fromFlag).toBe(fromObject);
        expect(fromFlag).not.toContain(card);
      }),
      { seed: 1810, numRuns: 30 },
    );
  });

  it('through the binary: CREDIT_CARD=last4:compact is accepted and masks compactly', async () => {
    const r = await caregate(['redact', '--mask', 'CREDIT_CARD=last4:compact'], { input: `card ${card}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`card •••• ${card.slice(-4)}\n`);
    const bad = await caregate(['redact', '--disable', 'credit_card'], { input: 'x\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/did you mean/);
  });
});
