import fc from 'fast-check';
import luhn from 'luhn';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { isEmailFast } from '../../src/validators/email-fast.js';
import { luhnValid } from '../../src/validators/luhn-fast.js';
import { digitsLike, emailLike } from './fast-path-arbitraries.js';

// Exact fast paths against the libraries they stand in for (500,000 runs: benchmarks/fuzz-fast-paths.ts).
describe('validator fast paths', () => {
  it('isEmailFast answers as validator.isEmail', () => {
    fc.assert(fc.property(emailLike, (s) => {
      expect(isEmailFast(s)).toBe(validator.isEmail(s));
    }), { numRuns: 20_000 });
  });

  it('isEmailFast accepts generated addresses and refuses them cut at the domain', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,20}(\.[a-z0-9]{1,10}){0,2}$/), fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.stringMatching(/^[a-z]{2,6}$/), (user, host, tld) => {
        expect(isEmailFast(`${user}@${host}.${tld}`)).toBe(true);
        expect(isEmailFast(`${user}@${host}`)).toBe(false);
        expect(isEmailFast(`${user}@${host}.${tld}.`)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('luhnValid answers as the luhn package', () => {
    fc.assert(fc.property(digitsLike, (s) => {
      expect(luhnValid(s)).toBe(luhn.validate(s));
    }), { numRuns: 20_000 });
  });
});
