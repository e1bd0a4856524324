import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careText } from '../../benchmarks/corpus.js';
import { ONCE_BELOW } from '../../src/detect/session.js';
import { createRedactor, type Redactor } from '../../src/index.js';

/**
 * redact() and detect() scan a short text through a session the redactor keeps and reuses (ScanSession.once);
 * each call must give what a new session's push then finish give, whatever the calls before it left.
 */
const corpus = careText(60_000, 91);
const pieceOf = fc.tuple(fc.integer({ min: 0, max: corpus.length }), fc.integer({ min: 0, max: ONCE_BELOW - 1 })).map(([at, len]) => corpus.slice(at, at + len));

function freshRedact(r: Redactor, text: string) {
  const s = r.session();
  const a = s.push(text);
  const b = s.finish();
  return { text: a.text + b.text, findings: [...a.findings, ...b.findings], errors: [...a.errors, ...b.errors] };
}

function freshDetect(r: Redactor, text: string, explain: boolean) {
  const s = r.session({ explain, mask: false });
  return [...s.push(text).findings, ...s.finish().findings];
}

describe('one-shot calls on a reused session', () => {
  it('redact and detect give what a new session gives, call after call, in any order', () => {
    const r = createRedactor();
    fc.assert(
      fc.property(fc.array(fc.tuple(pieceOf, fc.constantFrom('redact', 'detect', 'explain')), { minLength: 1, maxLength: 6 }), (calls) => {
        for (const [text, how] of calls) {
          if (how === 'redact') expect(r.redact(text)).toEqual(freshRedact(r, text));
          else expect(r.detect(text, { explain: how === 'explain' })).toEqual(freshDetect(r, text, how === 'explain'));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('numbered labels start again at every call (no mask state carried over)', () => {
    const r = createRedactor({ masks: { EMAIL: { type: 'label', numbered: true } } });
    const text = 'write to ana.one@example.com or to bo.two@example.org';
    const first = r.redact(text).text;
    expect(first).toBe('write to [EMAIL_1] or to [EMAIL_2]');
    expect(r.redact(text).text).toBe(first);
    expect(r.redact(`${text} ${text}`).text).toBe(freshRedact(r, `${text} ${text}`).text);
  });

  it('a call made from inside a scan (a validator calling redact) gets a session of its own', () => {
    let inner = '';
    const rule = {
      id: 'employee-id', entity: 'EMPLOYEE_ID', description: 'Employee badge numbers', regulations: ['internal policy 4.2'],
      detector: { keywords: ['badge'], value: [{ pattern: '\\s{1,3}#?(?<value>E\\d{6})\\b', maxLength: 20 }] },
      confidence: 0.9, mask: 'label', validators: ['nested'],
      examples: { positive: [{ text: 'badge #E123456', match: 'E123456' }], negative: ['badge lost'] },
    };
    const r: Redactor = createRedactor({
      validators: {
        nested: () => {
          inner = r.redact('mail me at ana.one@example.com').text;
          return true;
        },
      },
      extraPacks: [{ pack: 'hr', version: '1.0.0', description: 'HR identifiers', rules: [rule] }],
    });
    const out = r.redact('badge #E123456 scanned at 9am');
    expect(out.text).toBe('badge #[EMPLOYEE_ID] scanned at 9am');
    expect(inner).not.toContain('ana.one@example.com');
    expect(inner).toContain('mail me at ');
    // The outer call's session is whole again: the next calls give what new sessions give.
    expect(r.redact('badge #E654321 and ana.one@example.com')).toEqual(freshRedact(r, 'badge #E654321 and ana.one@example.com'));
  });

  it('texts of a scan step or more take the stream path and agree with it', () => {
    const r = createRedactor();
    const text = corpus.slice(0, ONCE_BELOW + 100);
    expect(r.redact(text)).toEqual(freshRedact(r, text));
  });
});
