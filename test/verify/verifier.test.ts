import { describe, it, expect } from 'vitest';
import { VerificationInputError } from '../../src/verify/index.js';
import type { CheckInput, Verifier } from '../../src/verify/index.js';
import { BAD, DATA_POINTS, GOOD, MINUTE, ON_FILE, T0, makeVerifier, outbox, supplied } from './helpers.js';
import type { DataPoint } from './helpers.js';

let subjects = 0;
const freshSubject = () => `customer-${++subjects}`;

async function check(verifier: Verifier, input: Partial<CheckInput> & { action: string }) {
  return verifier.check({
    subjectId: freshSubject(),
    onFile: ON_FILE,
    provided: {},
    now: T0,
    channel: 'phone',
    ...input,
  });
}

const DECLARATION = { signed: true, signedAt: T0 - MINUTE, documentRef: 'dsr-778/declaration.pdf' };

/** Good and bad data point combinations: [good, bad]. */
const COMBINATIONS: [DataPoint[], DataPoint[]][] = [
  [[], []],
  [['postal_code'], []],
  [['postal_code'], ['email']],
  [['postal_code', 'email'], []],
  [['order_id', 'phone_last4'], ['date_of_birth']],
  [['billing_name', 'last_order_amount', 'date_of_birth'], []],
  [['postal_code', 'email'], ['order_id', 'phone_last4']],
  [[], ['postal_code', 'email', 'order_id']],
  [['phone_last4', 'postal_code', 'email', 'order_id'], []],
];

describe('knowledge-only actions: pass/fail matrix', () => {
  const cases: { action: string; required: number; extra: Partial<CheckInput>; level: string }[] = [
    { action: 'order_status', required: 2, extra: {}, level: 'reasonable' },
    { action: 'privacy_know_categories', required: 2, extra: {}, level: 'reasonable' },
    { action: 'privacy_know_specific', required: 3, extra: { declaration: DECLARATION }, level: 'reasonably_high' },
    { action: 'privacy_delete', required: 2, extra: { sensitivity: 'standard' }, level: 'reasonable' },
    { action: 'privacy_delete', required: 2, extra: { dataCategories: ['browsing_history'] }, level: 'reasonable' },
    { action: 'privacy_delete', required: 3, extra: { sensitivity: 'sensitive', declaration: DECLARATION }, level: 'reasonably_high' },
    { action: 'privacy_delete', required: 3, extra: { dataCategories: ['family_photos'], declaration: DECLARATION }, level: 'reasonably_high' },
    { action: 'privacy_correct', required: 2, extra: { correcting: ['billing_name'] }, level: 'reasonable' },
  ];
  const { verifier } = makeVerifier();

  for (const c of cases) {
    for (const [good, bad] of COMBINATIONS) {
      const usable = good.filter((dp) => !(c.extra.correcting ?? []).includes(dp));
      const expected = usable.length >= c.required;
      it(`${c.action} ${JSON.stringify(c.extra.sensitivity ?? c.extra.dataCategories ?? '')} good=${good.join('+') || '-'} bad=${bad.join('+') || '-'} → ${expected ? 'allowed' : 'denied'}`, async () => {
        const result = await check(verifier, { action: c.action, provided: supplied(good, bad), ...c.extra });
        expect(result.allowed).toBe(expected);
        expect([...result.matchedDataPoints].sort()).toEqual([...usable].sort());
        expect(result.level).toBe(expected ? c.level : 'none');
        expect(result.missing).toEqual(expected ? [] : ['data_points']);
        expect(result.factorCategories).toEqual(expected ? ['knowledge'] : []);
        expect(result.token === undefined).toBe(!expected);
        expect(result.attemptsLeft).toBe(expected ? 5 : 4);
      });
    }
  }

  it('matching more data points is still one factor category', async () => {
    const result = await check(verifier, { action: 'order_status', provided: supplied([...DATA_POINTS]) });
    expect(result.matchedDataPoints).toHaveLength(7);
    expect(result.factorCategories).toEqual(['knowledge']);
  });

  it('a data point missing from the record never matches, even when both sides are empty', async () => {
    const result = await check(verifier, {
      action: 'order_status',
      onFile: { ...ON_FILE, email: '', order_id: undefined },
      provided: { email: '', order_id: '', postal_code: GOOD.postal_code },
    });
    expect(result.allowed).toBe(false);
    expect(result.matchedDataPoints).toEqual(['postal_code']);
    expect(result.internalReason).toContain('email not on file');
  });
});

describe('privacy_know_specific: declaration under penalty of perjury (7062(c))', () => {
  const { verifier, events } = makeVerifier();
  const three = supplied(['postal_code', 'email', 'order_id']);

  it('three data points without a declaration are refused', async () => {
    const result = await check(verifier, { action: 'privacy_know_specific', provided: three });
    expect(result).toMatchObject({ allowed: false, missing: ['declaration'], level: 'none' });
  });

  it('an unsigned or future-dated declaration does not count', async () => {
    for (const declaration of [{ ...DECLARATION, signed: false }, { ...DECLARATION, signedAt: T0 + MINUTE }, { ...DECLARATION, documentRef: ' ' }]) {
      const result = await check(verifier, { action: 'privacy_know_specific', provided: three, declaration });
      expect(result.missing).toEqual(['declaration']);
    }
  });

  it('with a signed declaration it passes and the declaration is recorded', async () => {
    const result = await check(verifier, { action: 'privacy_know_specific', provided: three, declaration: DECLARATION });
    expect(result.allowed).toBe(true);
    expect(result.declaration).toEqual({
      documentRef: 'dsr-778/declaration.pdf',
      signedAt: new Date(T0 - MINUTE).toISOString(),
      recordedAt: new Date(T0).toISOString(),
    });
    const last = events().at(-1);
    expect(last).toMatchObject({ action: 'privacy_know_specific', outcome: 'allowed', declarationRef: 'dsr-778/declaration.pdf' });
  });

  it('a declaration does not replace a data point', async () => {
    const result = await check(verifier, { action: 'privacy_know_specific', provided: supplied(['postal_code', 'email']), declaration: DECLARATION });
    expect(result).toMatchObject({ allowed: false, missing: ['data_points'] });
  });
});

describe('privacy_delete: tier by the sensitivity the request names (7062(d))', () => {
  const { verifier } = makeVerifier();
  const two = supplied(['postal_code', 'email']);

  it('two data points suffice for standard information', async () => {
    expect((await check(verifier, { action: 'privacy_delete', provided: two, sensitivity: 'standard' })).allowed).toBe(true);
  });

  it('sensitive information, or a request that names none, needs three and a declaration', async () => {
    for (const extra of [{ sensitivity: 'sensitive' as const }, { dataCategories: ['browsing_history', 'precise_geolocation'] }, {}]) {
      const result = await check(verifier, { action: 'privacy_delete', provided: two, ...extra });
      expect(result.allowed).toBe(false);
      expect(result.missing).toEqual(['data_points', 'declaration']);
      expect(result.reference).toContain('reasonably high');
    }
  });
});

describe('privacy_correct never verifies with the attribute being corrected (7060(h))', () => {
  const { verifier } = makeVerifier();

  it('a correct value of the corrected attribute does not count', async () => {
    const result = await check(verifier, {
      action: 'privacy_correct',
      provided: supplied(['postal_code', 'email']),
      correcting: ['email'],
    });
    expect(result.allowed).toBe(false);
    expect(result.matchedDataPoints).toEqual(['postal_code']);
    expect(result.internalReason).toContain('email not used: it is being corrected');
  });

  it('the corrected attribute can be named by its on-file field', async () => {
    const result = await check(verifier, {
      action: 'privacy_correct',
      provided: supplied(['phone_last4', 'postal_code']),
      correcting: ['phone'],
    });
    expect(result.allowed).toBe(false);
    expect(result.matchedDataPoints).toEqual(['postal_code']);
  });

  it('two other data points pass', async () => {
    const result = await check(verifier, {
      action: 'privacy_correct',
      provided: supplied(['postal_code', 'email', 'order_id']),
      correcting: ['postal_code'],
    });
    expect(result.allowed).toBe(true);
    expect(result.matchedDataPoints).toEqual(['order_id', 'email']);
  });

  it('a correction that does not say what is corrected is refused', async () => {
    await expect(check(verifier, { action: 'privacy_correct', provided: supplied(['postal_code', 'email']) })).rejects.toMatchObject({
      code: 'missing_correcting',
      message: expect.stringContaining('7060(h)'),
    });
  });
});

describe('opt-out and limit need no verification (7060(b))', () => {
  it.each(['privacy_opt_out', 'privacy_limit'])('%s is allowed with nothing supplied and counts nothing', async (action) => {
    const { verifier, events } = makeVerifier();
    const subjectId = freshSubject();
    // Even a subject locked out of other actions can opt out.
    for (let i = 0; i < 5; i++) await check(verifier, { action: 'order_status', subjectId, provided: supplied([], ['postal_code']) });
    expect((await check(verifier, { action: 'order_status', subjectId })).lockedUntil).toBeDefined();
    const result = await check(verifier, { action, subjectId, provided: supplied([], ['postal_code', 'email']) });
    expect(result).toMatchObject({ allowed: true, level: 'not_required', missing: [], matchedDataPoints: [] });
    expect(result.token).toBeUndefined();
    expect(events().at(-1)).toMatchObject({ action, outcome: 'not_required', dataPoints: {} });
  });
});

describe('possession actions: data points + a code sent to a contact on file', () => {
  const actions = ['change_address', 'change_email', 'refund_to_new_method'];

  for (const action of actions) {
    for (const dps of [0, 1, 2, 3] as const) {
      for (const code of ['none', 'wrong', 'right', 'expired'] as const) {
        const expected = dps >= 2 && code === 'right';
        it(`${action} data points=${dps} code=${code} → ${expected ? 'allowed' : 'denied'}`, async () => {
          const { verifier } = makeVerifier();
          const box = outbox();
          const subjectId = freshSubject();
          const issued = await verifier.issueOtp({ subjectId, via: 'sms', onFile: ON_FILE, now: T0, send: box.send });
          if (!issued.issued) throw new Error('not issued');
          const given = box.last().code;
          const wrong = String((Number(given) + 1) % 1_000_000).padStart(6, '0');
          const otp = code === 'none' ? undefined : { challengeId: issued.challengeId, code: code === 'wrong' ? wrong : given };
          const result = await check(verifier, {
            action,
            subjectId,
            provided: supplied(DATA_POINTS.slice(0, dps)),
            now: code === 'expired' ? T0 + 10 * MINUTE : T0 + MINUTE,
            ...(otp ? { otp } : {}),
          });
          expect(result.allowed).toBe(expected);
          expect(result.level).toBe(expected ? 'multi_factor' : 'none');
          const missing = [...(dps < 2 ? ['data_points'] : []), ...(code === 'right' ? [] : ['possession'])];
          expect(result.missing).toEqual(missing);
          const categories = [...(dps >= 2 ? ['knowledge'] : []), ...(code === 'right' ? ['possession'] : [])];
          expect(result.factorCategories).toEqual(categories);
        });
      }
    }
  }

  it('the code goes to the phone on file; the check records the restricted delivery', async () => {
    const { verifier, events } = makeVerifier();
    const box = outbox();
    const subjectId = freshSubject();
    const issued = await verifier.issueOtp({ subjectId, via: 'sms', onFile: ON_FILE, now: T0, send: box.send });
    expect(issued).toMatchObject({ issued: true, via: 'sms', restricted: true, expiresAt: new Date(T0 + 10 * MINUTE) });
    expect(box.last()).toMatchObject({ to: ON_FILE.phone, via: 'sms', restricted: true });
    if (!issued.issued) throw new Error('not issued');
    const result = await check(verifier, {
      action: 'change_email',
      subjectId,
      provided: supplied(['postal_code', 'order_id']),
      otp: { challengeId: issued.challengeId, code: box.last().code },
      now: T0 + MINUTE,
    });
    expect(result.allowed).toBe(true);
    expect(result.internalReason).toContain('one-time code: ok (restricted delivery)');
    expect(events().at(-1)).toMatchObject({ possession: { via: 'sms', restricted: true, outcome: 'ok' } });
  });

  it("another subject's code is not possession", async () => {
    const { verifier } = makeVerifier();
    const box = outbox();
    const issued = await verifier.issueOtp({ subjectId: 'victim', via: 'email', onFile: ON_FILE, now: T0, send: box.send });
    if (!issued.issued) throw new Error('not issued');
    const result = await check(verifier, {
      action: 'change_address',
      subjectId: 'attacker',
      provided: supplied(['postal_code', 'email']),
      otp: { challengeId: issued.challengeId, code: box.last().code },
    });
    expect(result.allowed).toBe(false);
    expect(result.missing).toEqual(['possession']);
  });
});

describe('forbidden data points at check time', () => {
  const { verifier, lines } = makeVerifier();

  it.each([
    ['card_number', '4111111111111111'],
    ['cvv', '737'],
    ['pin', '4821'],
    ['ssn', '078-05-1120'],
    ['drivers_license', 'D1234567'],
    ['password', 'hunter2hunter2'],
    ['security_answer', 'Fluffy the cat'],
    ['voiceprint', 'base64voicesample=='],
  ])('%s fails with an error that says why, and the value goes nowhere', async (name, value) => {
    const before = lines.length;
    const error = await check(verifier, { action: 'order_status', provided: { ...supplied(['postal_code', 'email']), [name]: value } }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(VerificationInputError);
    const err = error as VerificationInputError;
    expect(err.code).toBe('forbidden_data_point');
    expect(err.path).toBe(`/provided/${name}`);
    expect(err.message).toMatch(/^caregate: ".+" was supplied as a data point but may not be used to verify identity: .+ It was not compared, logged or kept/);
    expect(JSON.stringify({ ...err, message: err.message, stack: err.stack })).not.toContain(value);
    expect(lines.length).toBe(before);
  });

  it('the last four of an SSN are refused while the policy keeps them off', async () => {
    await expect(check(verifier, { action: 'order_status', provided: { ssn_last4: '1120' } })).rejects.toMatchObject({ code: 'ssn_last4_disabled' });
  });

  it('a forbidden field in the on-file record is refused too', async () => {
    await expect(
      check(verifier, { action: 'order_status', onFile: { ...ON_FILE, card_number: '4111111111111111' }, provided: supplied(['postal_code', 'email']) }),
    ).rejects.toMatchObject({ code: 'forbidden_on_file_field' });
  });

  it('unknown data points and actions are refused with the names to use', async () => {
    await expect(check(verifier, { action: 'order_status', provided: { shoe_size: '9' } })).rejects.toThrow(/"shoe_size" is not a data point of this policy; use one of: order_id, phone_last4/);
    await expect(check(verifier, { action: 'teleport' })).rejects.toThrow(/"teleport" is not an action of the policy; use one of: order_status/);
  });
});

describe('what the customer is told', () => {
  const { verifier } = makeVerifier();

  it('the reason is the same whichever data point failed and however many matched', async () => {
    const reasons = new Set<string>();
    const internal = new Set<string>();
    for (const [good, bad] of COMBINATIONS) {
      const result = await check(verifier, { action: 'privacy_know_specific', provided: supplied(good, bad) });
      if (result.allowed) continue;
      reasons.add(result.reason);
      internal.add(result.internalReason);
    }
    expect([...reasons]).toEqual(['We could not verify your identity with the information provided.']);
    expect(internal.size).toBeGreaterThan(3);
  });

  it('the internal reason names the data points that failed', async () => {
    const result = await check(verifier, { action: 'order_status', provided: supplied(['postal_code'], ['email']) });
    expect(result.internalReason).toBe('denied (missing: data_points): matched 1 of 2 required data points; postal_code matched; email did not match');
    expect(result.reason).not.toMatch(/postal|email|1|2/);
  });
});

describe('the order of supplied data points does not matter', () => {
  it('same outcome for every order', async () => {
    const { verifier } = makeVerifier();
    const entries = Object.entries(supplied(['postal_code', 'order_id'], ['email', 'billing_name']));
    const outcomes = new Set<string>();
    for (const order of [entries, [...entries].reverse(), [entries[2], entries[0], entries[3], entries[1]]]) {
      const result = await check(verifier, { action: 'privacy_know_specific', provided: Object.fromEntries(order as [string, string][]), declaration: DECLARATION });
      outcomes.add(JSON.stringify([result.allowed, result.matchedDataPoints, result.missing, result.internalReason]));
    }
    expect(outcomes.size).toBe(1);
  });
});

describe('bad input', () => {
  const { verifier } = makeVerifier();
  it('says what to pass', async () => {
    await expect(check(verifier, { action: 'order_status', channel: '' })).rejects.toThrow(/channel must be a non-empty string/);
    await expect(check(verifier, { action: 'order_status', now: Number.NaN })).rejects.toThrow(/now must be a Date, a number of milliseconds or an ISO 8601 time/);
    await expect(check(verifier, { action: 'order_status', subjectId: '' })).rejects.toThrow(/subjectId must be a non-empty string/);
    await expect(check(verifier, { action: 'order_status', provided: { email: 42 as unknown as string } })).rejects.toThrow(/must be a string \(the value is not shown\)/);
  });

  it('a check never throws on values it cannot read; they just do not match', async () => {
    const result = await check(verifier, { action: 'order_status', provided: { email: 'not an email', date_of_birth: '31/31/1985' } });
    expect(result.allowed).toBe(false);
    expect(result.internalReason).toContain('email supplied in a form that could not be read');
  });
});

describe('sanity of fixtures', () => {
  it('every good value matches and every bad one does not', async () => {
    const { verifier } = makeVerifier();
    for (const dp of DATA_POINTS) {
      const good = await check(verifier, { action: 'order_status', provided: { [dp]: GOOD[dp] } });
      expect(good.matchedDataPoints).toEqual([dp]);
      const bad = await check(verifier, { action: 'order_status', provided: { [dp]: BAD[dp] } });
      expect(bad.matchedDataPoints).toEqual([]);
    }
  });
});

describe('audit events', () => {
  it('one per check: action, pseudonym, match booleans, factor categories, outcome, time', async () => {
    const { verifier, events, lines } = makeVerifier();
    await verifier.check({
      action: 'order_status',
      subjectId: 'cust-audit-1',
      onFile: ON_FILE,
      provided: supplied(['postal_code', 'order_id'], ['email']),
      now: T0,
      channel: 'chat',
      agentId: 'agent-3',
      origin: '203.0.113.9',
    });
    expect(lines).toHaveLength(1);
    const event = events()[0]!;
    expect(event).toMatchObject({
      event: 'verification.check',
      component: 'caregate.verify',
      action: 'order_status',
      requestType: 'account',
      channel: 'chat',
      agent: 'agent-3',
      dataPoints: { order_id: true, postal_code: true, email: false },
      excludedDataPoints: [],
      factorCategories: ['knowledge'],
      outcome: 'allowed',
      verificationLevel: 'reasonable',
      level: 30,
      at: new Date(T0).toISOString(),
    });
    expect(typeof event['time']).toBe('number');
    expect(lines[0]?.match(/"at":/g)).toHaveLength(1);
    expect(event['subject']).toMatch(/^[0-9a-f]{64}$/);
    expect(event['origin']).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof event['tokenId']).toBe('string');
    expect(lines[0]).not.toMatch(/cust-audit-1|203\.0\.113\.9|94105|example\.com|A-?100234/i);
  });

  it('failures are logged at warn level with the internal reason', async () => {
    const { verifier, events } = makeVerifier();
    await check(verifier, { action: 'order_status', provided: supplied([], ['email']) });
    expect(events()[0]).toMatchObject({ level: 40, outcome: 'denied', internalReason: expect.stringContaining('email did not match') });
  });
});
