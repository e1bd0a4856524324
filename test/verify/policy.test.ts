import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  VerificationPolicyError,
  createVerifier,
  forbiddenDataPoint,
  loadDefaultPolicy,
  loadPolicyFile,
  parsePolicy,
  requirementFor,
} from '../../src/verify/index.js';
import { KEY, defaultPolicyJson } from './helpers.js';

function refusal(input: unknown): VerificationPolicyError {
  try {
    parsePolicy(input);
  } catch (err) {
    expect(err).toBeInstanceOf(VerificationPolicyError);
    return err as VerificationPolicyError;
  }
  throw new Error('the policy was accepted');
}

describe('default policy', () => {
  const policy = loadDefaultPolicy();

  it('has exactly the actions of the issue, each with a regulation reference', () => {
    expect(Object.keys(policy.actions).sort()).toEqual(
      [
        'change_address',
        'change_email',
        'order_status',
        'privacy_correct',
        'privacy_delete',
        'privacy_know_categories',
        'privacy_know_specific',
        'privacy_limit',
        'privacy_opt_out',
        'refund_to_new_method',
      ].sort(),
    );
    for (const action of Object.values(policy.actions)) expect(action.reference.length).toBeGreaterThan(10);
  });

  it('states data points and factor categories separately', () => {
    const table = Object.fromEntries(
      Object.keys(policy.actions).map((name) => {
        const r = requirementFor(policy, name, false);
        return [name, r === 'not_required' || r === undefined ? r : [r.requiredDataPoints, r.requiredFactorCategories, r.requiresDeclaration, r.level]];
      }),
    );
    expect(table).toEqual({
      order_status: [2, ['knowledge'], false, 'reasonable'],
      change_address: [2, ['knowledge', 'possession'], false, 'multi_factor'],
      change_email: [2, ['knowledge', 'possession'], false, 'multi_factor'],
      refund_to_new_method: [2, ['knowledge', 'possession'], false, 'multi_factor'],
      privacy_know_categories: [2, ['knowledge'], false, 'reasonable'],
      privacy_know_specific: [3, ['knowledge'], true, 'reasonably_high'],
      privacy_delete: [2, ['knowledge'], false, 'reasonable'],
      privacy_correct: [2, ['knowledge'], false, 'reasonable'],
      privacy_opt_out: 'not_required',
      privacy_limit: 'not_required',
    });
    const sensitiveDelete = requirementFor(policy, 'privacy_delete', true);
    expect(sensitiveDelete).toMatchObject({ requiredDataPoints: 3, requiresDeclaration: true, level: 'reasonably_high' });
    expect(policy.actions['privacy_know_specific']?.reference).toContain('7062(c)');
    expect(policy.actions['privacy_opt_out']?.reference).toContain('7060(b)');
    expect(policy.actions['privacy_correct']?.reference).toContain('7060(h)');
  });

  it('has the seven knowledge data points and no SSN digits', () => {
    expect(Object.keys(policy.dataPoints).sort()).toEqual(
      ['billing_name', 'date_of_birth', 'email', 'last_order_amount', 'order_id', 'phone_last4', 'postal_code'],
    );
    expect(policy.allowSsnLast4).toBe(false);
  });

  it('marks SMS and voice codes restricted and keeps the NIST limits', () => {
    expect(policy.otp).toMatchObject({ digits: 6, ttlMinutes: 10, maxAttempts: 3 });
    expect(policy.otp.deliveries.sms?.restricted).toBe(true);
    expect(policy.otp.deliveries.voice?.restricted).toBe(true);
    expect(policy.otp.deliveries.email?.restricted).toBe(false);
    expect(policy.lockout.subject).toEqual({ maxFailures: 5, windowMinutes: 1440, cooldownMinutes: 30 });
    expect(policy.token.ttlMinutes).toBe(15);
  });

  it('fills the same defaults into a minimal policy', () => {
    const minimal = parsePolicy({
      version: 1,
      name: 'minimal',
      dataPoints: { postal_code: { normalizer: 'postal_code' }, order_id: { normalizer: 'identifier' } },
      actions: { status: { requestType: 'account', verification: 'required', requiredDataPoints: 2, requiredFactorCategories: ['knowledge'], level: 'reasonable', reference: 'test' } },
    });
    expect(minimal.lockout.subject).toEqual({ maxFailures: 5, windowMinutes: 1440, cooldownMinutes: 30 });
    expect(minimal.otp).toMatchObject({ digits: 6, ttlMinutes: 10, maxAttempts: 3 });
    expect(minimal.token.ttlMinutes).toBe(15);
    expect(minimal.allowSsnLast4).toBe(false);
  });
});

describe('forbidden data points are refused when a policy is loaded', () => {
  const forbidden: [string, string][] = [
    ['card_number', 'full_card_number'],
    ['pan', 'full_card_number'],
    ['creditCardNumber', 'full_card_number'],
    ['cvv', 'card_security_code'],
    ['cvc2', 'card_security_code'],
    ['card_security_code', 'card_security_code'],
    ['pin', 'pin'],
    ['ssn', 'full_ssn'],
    ['social_security_number', 'full_ssn'],
    ['government_id_number', 'government_id'],
    ['drivers_license', 'government_id'],
    ['passport_number', 'government_id'],
    ['password', 'password'],
    ['account_passcode', 'password'],
    ['security_question_answer', 'security_question'],
    ['mothers_maiden_name', 'security_question'],
    ['fingerprint', 'biometric'],
    ['voiceprint', 'biometric'],
    ['biometrics', 'biometric'],
  ];

  it.each(forbidden)('%s as a data point', (name, kind) => {
    expect(forbiddenDataPoint(name)?.kind).toBe(kind);
    const policy = defaultPolicyJson();
    policy['dataPoints'][name] = { normalizer: 'identifier' };
    const err = refusal(policy);
    expect(err.code).toBe('forbidden_data_point');
    expect(err.path).toBe(`/dataPoints/${name}`);
    expect(err.message).toMatch(/^caregate: /);
    expect(err.message).toContain(name);
    expect(err.message).toMatch(/may not be a verification data point: .+Remove it/);
  });

  it('in an action list and as an on-file field', () => {
    const inList = defaultPolicyJson();
    inList['actions']['order_status']['allowedDataPoints'] = ['postal_code', 'email', 'cvv'];
    expect(refusal(inList)).toMatchObject({ code: 'forbidden_data_point', path: '/actions/order_status/allowedDataPoints/2' });
    const field = defaultPolicyJson();
    field['dataPoints']['order_id']['onFileField'] = 'full_ssn';
    expect(refusal(field)).toMatchObject({ code: 'forbidden_data_point', path: '/dataPoints/order_id/onFileField' });
  });

  it('leaves truncations and ordinary names alone', () => {
    for (const name of ['card_last4', 'phone_last4', 'order_id', 'postal_code', 'billing_name', 'email', 'last_order_amount', 'shipping_city', 'company']) {
      expect(forbiddenDataPoint(name)).toBeUndefined();
    }
  });

  it('refuses the last four of an SSN unless the policy enables it', () => {
    const off = defaultPolicyJson();
    off['dataPoints']['ssn_last4'] = { normalizer: 'last4' };
    expect(refusal(off)).toMatchObject({ code: 'ssn_last4_disabled', path: '/dataPoints/ssn_last4' });
    const on = defaultPolicyJson();
    on['dataPoints']['ssn_last4'] = { normalizer: 'last4' };
    on['allowSsnLast4'] = true;
    expect(Object.keys(parsePolicy(on).dataPoints)).toContain('ssn_last4');
  });
});

describe('opt-out and limit requests may not be gated (7060(b))', () => {
  it.each(['privacy_opt_out', 'privacy_limit'])('%s with verification required', (name) => {
    const policy = defaultPolicyJson();
    Object.assign(policy['actions'][name], { verification: 'required', requiredDataPoints: 1, requiredFactorCategories: ['knowledge'], level: 'reasonable' });
    const err = refusal(policy);
    expect(err.code).toBe('opt_out_gated');
    expect(err.path).toBe(`/actions/${name}/verification`);
    expect(err.message).toContain('7060(b)');
  });

  it('with a requirement field left on an ungated action', () => {
    const policy = defaultPolicyJson();
    policy['actions']['privacy_limit']['requiredDataPoints'] = 2;
    expect(refusal(policy)).toMatchObject({ code: 'opt_out_gated', path: '/actions/privacy_limit/requiredDataPoints' });
  });

  it('whatever the action is called', () => {
    const policy = defaultPolicyJson();
    policy['actions']['ccpa_do_not_sell'] = {
      requestType: 'opt_out_sale_share',
      verification: 'required',
      requiredDataPoints: 2,
      requiredFactorCategories: ['knowledge'],
      level: 'reasonable',
      reference: 'x',
    };
    expect(refusal(policy)).toMatchObject({ code: 'opt_out_gated', path: '/actions/ccpa_do_not_sell/verification' });
  });

  it('and the refusal stops createVerifier too', () => {
    const policy = defaultPolicyJson();
    policy['actions']['privacy_opt_out']['verification'] = 'required';
    expect(() => createVerifier(policy, { key: KEY })).toThrow(/7060\(b\)/);
  });
});

describe('other policy mistakes', () => {
  it('an unknown field, with its JSON pointer', () => {
    const policy = defaultPolicyJson();
    policy['actions']['order_status']['requiredDataPoint'] = 2;
    const err = refusal(policy);
    expect(err.code).toBe('schema_unrecognized_keys');
    expect(err.path).toBe('/actions/order_status');
    expect(err.message).toContain('requiredDataPoint');
  });

  it('a wrong type, with its JSON pointer', () => {
    const policy = defaultPolicyJson();
    policy['actions']['order_status']['requiredDataPoints'] = 'two';
    expect(refusal(policy)).toMatchObject({ path: '/actions/order_status/requiredDataPoints' });
  });

  it('factor categories that do not agree with the data points', () => {
    const policy = defaultPolicyJson();
    policy['actions']['order_status']['requiredFactorCategories'] = ['possession'];
    expect(refusal(policy)).toMatchObject({ code: 'inconsistent_factor_categories' });
  });

  it('the inherence category (biometrics)', () => {
    const policy = defaultPolicyJson();
    policy['actions']['order_status']['requiredFactorCategories'] = ['knowledge', 'inherence'];
    expect(refusal(policy)).toMatchObject({ code: 'unsupported_factor_category' });
  });

  it('SMS codes not marked restricted', () => {
    const policy = defaultPolicyJson();
    policy['otp']['deliveries']['sms']['restricted'] = false;
    expect(refusal(policy)).toMatchObject({ code: 'restricted_not_marked', path: '/otp/deliveries/sms/restricted' });
  });

  it('possession without any code delivery', () => {
    const policy = defaultPolicyJson();
    policy['otp']['deliveries'] = {};
    expect(refusal(policy)).toMatchObject({ code: 'no_possession_delivery' });
  });

  it('an OTP that lives longer than 10 minutes or tries above 100', () => {
    const long = defaultPolicyJson();
    long['otp']['ttlMinutes'] = 11;
    expect(refusal(long)).toMatchObject({ path: '/otp/ttlMinutes' });
    const tries = defaultPolicyJson();
    tries['otp']['maxAttempts'] = 101;
    expect(refusal(tries)).toMatchObject({ path: '/otp/maxAttempts' });
  });

  it('a requirement no one can meet, counting the corrected attribute out', () => {
    const policy = defaultPolicyJson();
    policy['actions']['privacy_correct']['allowedDataPoints'] = ['postal_code', 'email'];
    expect(refusal(policy)).toMatchObject({ code: 'unsatisfiable', path: '/actions/privacy_correct/requiredDataPoints' });
  });

  it('an allowed data point that is not defined', () => {
    const policy = defaultPolicyJson();
    policy['actions']['order_status']['allowedDataPoints'] = ['postal_code', 'shoe_size'];
    expect(refusal(policy)).toMatchObject({ code: 'unknown_data_point', path: '/actions/order_status/allowedDataPoints/1' });
  });

  it('reports every problem in issues', () => {
    const policy = defaultPolicyJson();
    policy['otp']['deliveries']['sms']['restricted'] = false;
    policy['actions']['order_status']['requiredFactorCategories'] = ['knowledge', 'inherence'];
    const err = refusal(policy);
    expect(err.issues.map((i) => i.code).sort()).toEqual(['restricted_not_marked', 'unsupported_factor_category']);
    expect(err.message).toContain('1 more problem');
  });
});

describe('loading from JSON', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caregate-policy-'));

  it('loads a policy file', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify(defaultPolicyJson()));
    expect(loadPolicyFile(file).name).toBe('caregate-default');
  });

  it('refuses a file that is not JSON, saying so', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "version": 1,');
    expect(() => loadPolicyFile(file)).toThrow(/caregate: the verification policy file .* is not valid JSON/);
  });

  it('refuses a missing file, saying what to pass', () => {
    expect(() => loadPolicyFile(join(dir, 'missing.json'))).toThrow(/cannot read the verification policy file .*ENOENT/);
  });
});
