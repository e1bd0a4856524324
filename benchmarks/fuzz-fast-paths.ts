/**
 * The validators' exact fast paths against the libraries, on many fuzzed strings (the test runs 20,000 of
 * each; this runs FUZZ_RUNS, 500,000 by default), then their speed against the libraries on the same inputs:
 *   npx tsx benchmarks/fuzz-fast-paths.ts
 */
import fc from 'fast-check';
import luhn from 'luhn';
import validator from 'validator';
import { isEmailFast } from '../src/validators/email-fast.js';
import { luhnValid } from '../src/validators/luhn-fast.js';
import { digitsLike, emailLike } from '../test/validators/fast-path-arbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500_000);
/** Name, fuzzed inputs, fast path, library, and the inputs timed: what candidates usually are. */
const pairs: [string, fc.Arbitrary<string>, (s: string) => boolean, (s: string) => boolean, fc.Arbitrary<string>][] = [
  ['e-mail', emailLike, isEmailFast, (s) => validator.isEmail(s), fc.emailAddress()],
  ['luhn', digitsLike, luhnValid, (s) => luhn.validate(s), fc.stringMatching(/^[0-9]{13,19}$/)],
];
for (const [name, arb, fast, lib, timed] of pairs) {
  fc.assert(fc.property(arb, (s) => fast(s) === lib(s)), { numRuns: RUNS });
  const inputs = fc.sample(timed, 50_000);
  const time = (f: (s: string) => boolean) => {
    let n = 0;
    const t0 = process.cpuUsage();
    for (let r = 0; r < 5; r++) for (const s of inputs) if (f(s)) n++;
    const t = process.cpuUsage(t0);
    return { ns: ((t.user + t.system) * 1000) / (5 * inputs.length), n };
  };
  time(fast);
  time(lib);
  const a = time(fast);
  const b = time(lib);
  console.log(`${name}: ${RUNS} fuzzed strings identical; on generated candidates (${((a.n / 5 / inputs.length) * 100).toFixed(0)}% valid) ${a.ns.toFixed(0)} ns per call against the library's ${b.ns.toFixed(0)} ns (${(b.ns / a.ns).toFixed(1)}×)`);
}
