import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/index.js';
import { scriptArb, wordArb } from './support.js';

const r = createRedactor({ currentYear: 2026 });
const masks = createRedactor({ currentYear: 2026, masks: { PERSON: { type: 'label', numbered: true } } });

const twice = (x: string, red = r) => {
  const once = red.redact(x).text;
  return [once, red.redact(once).text] as const;
};

describe('names: redacting twice changes nothing', () => {
  // A word's slot reads differently beside a bracket than beside the name it replaced: a capital after a
  // comma made a list of names, a sign-off or an exclamation before it made a signature.
  it.each([
    'about Ünïcødé , Maria said',
    'yes Ünïcødé , Ünïcødé said card 4111 1111 1111 1111',
    'customer hold for a shipping Ünïcødé about Maria , Ünïcødé ! ! please ?',
    'parcel Maria a Ünïcødé delayed . asked',
    'agent customer ! refund asked thanks said said Ünïcødé card',
    'hold Maria thanks Maria ! 日本語 ? a Maria asked ?',
  ])('%s', (x) => {
    const [once, again] = twice(x);
    expect(again).toBe(once);
  });

  it('on word mixes of names, non-ASCII words, sign-offs and punctuation (property)', () => {
    const words = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('the', 'customer', 'asked', 'about', 'a', 'for', 'said', 'thanks', 'please', 'on', 'yes', 'ok', 'delayed', 'hold', 'de', 'and') },
      { weight: 3, arbitrary: fc.constantFrom('.', ',', '!', '?', '\n', ':') },
      { weight: 2, arbitrary: fc.constantFrom('Maria', 'Ünïcødé', '日本語', '🙂', 'Lopez', 'Dear', 'Regards') },
      { weight: 2, arbitrary: scriptArb.chain(wordArb) },
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 24 }), fc.boolean(), (ws, numbered) => {
        const [once, again] = twice(ws.join(' '), numbered ? masks : r);
        expect(again).toBe(once);
      }),
      { numRuns: 1500 },
    );
  });

  it('a name is read as usual where no label mask stands beside it on its line', () => {
    expect(r.redact('my name is Maria Lopez, thanks').text).toBe('my name is [PERSON], thanks');
    expect(r.redact('Ref [PERSON]\nMaria Lopez said hi').text).toBe('Ref [PERSON]\n[PERSON] said hi');
    expect(r.redact('[PERSON] wrote to the team about the refund and Maria Lopez said hi').text).toBe('[PERSON] wrote to the team about the refund and [PERSON] said hi');
  });
});
