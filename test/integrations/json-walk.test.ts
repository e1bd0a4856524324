import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectJsonLine } from '../../src/integrations/json-line.js';
import { newWalkMemo, walkCleanJsonObject, type JsonVerdicts } from '../../src/integrations/json-walk.js';

/**
 * The walker answers the log scrubber's clean check without JSON.parse; it must never call clean a line the
 * JSON.parse path (parse, then every name and value through the same verdicts, duplicates caught by the
 * member count) does not, and it must answer the plain records loggers write.
 */
const TRUSTED = new Set(['level', 'time']);
const verdicts: JsonVerdicts = {
  key: (name) => !name.includes('k'),
  value: (text, isNumber, topKey, depth) => (isNumber && depth === 0 && TRUSTED.has(topKey)) || !/[x7]/.test(text),
};

/** The parse path's verdict with the same verdicts (LogLineScrubber.isCleanRecord and the member count). */
function parsePath(line: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  let members = 0;
  const clean = (v: unknown, top: string, depth: number): boolean => {
    if (typeof v === 'string') return v.length === 0 || verdicts.value(v, false, top, depth);
    if (typeof v === 'number') return verdicts.value(Number.isInteger(v) ? BigInt(v).toString() : String(v), true, top, depth);
    if (v === null || typeof v !== 'object') return true;
    if (Array.isArray(v)) return v.every((x) => clean(x, top, depth + 1));
    return Object.keys(v).every((k) => {
      members++;
      return verdicts.key(k) && clean((v as Record<string, unknown>)[k], depth === -1 ? k : top, depth + 1);
    });
  };
  return clean(parsed, '', -1) && members === inspectJsonLine(line).members;
}

const name = fc.oneof(fc.constantFrom('level', 'time', 'msg', 'req', 'id', 'url', 'k', '__proto__', 'a b', 'é'), fc.string({ maxLength: 6 }));
const plainString = fc.string({ unit: fc.constantFrom('a', 'b', 'x', '7', ' ', '-', '/', 'é', '\u2028', '1'), maxLength: 12 });
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    plainString,
    fc.string({ maxLength: 8 }),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.constantFrom(0, -0, 1.5, 1e21, 12345678901234567, true, false, null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(name, tie('v'), { maxKeys: 3 }),
  ),
})).v;
const record = fc.dictionary(name, value, { maxKeys: 6 });

/** Serialized records, with the text forms JSON.stringify never writes: duplicates, escapes, spaces, exponents, long numbers. */
const line = fc.oneof(
  record.map((r) => JSON.stringify(r)),
  record.map((r) => `${JSON.stringify(r, null, 1)}\n`),
  fc.tuple(record, name, value).map(([r, k, v]) => {
    const s = JSON.stringify(r);
    return s === '{}' ? `{${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}}` : `${s.slice(0, -1)},${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}}`;
  }),
  fc.constantFrom('{"a":1e3}', '{"a":1.0}', '{"a":-0}', '{"a":0001}', '{"a":12345678901234567890}', '{"a":"\\u0078"}', '{"a\\u006b":1}', '{"a":1,}', '{"a":1}x', '{"a":"b\u0001"}', '{"a":[1,2,]}', '[1,2]', '{"t":tru}', '{"a":1,"a":2}', ' {"level":30,"time":17777777777777} '),
);

/**
 * Records of one call site (one layout, values varying), with what breaks a layout mixed in: a value of
 * another kind, an escape, a fraction, a long or negative number, white space, a duplicate or missing member.
 */
const siteValue = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom('ok', 'a b', 'x', '', '-', 'é'), fc.integer({ min: -99, max: 99_999 })) },
  fc.constantFrom('q"uote', 'back\\slash', 'tab\t', 1.5, 1e21, 12345678901234567, -0, true, null, [1, 'ok'], { id: 'ok' }),
);
const siteLine = fc
  .record({ level: fc.constantFrom(30, 40), time: fc.integer({ min: 1, max: 2 ** 40 }), msg: siteValue, req: fc.record({ id: siteValue, url: siteValue }), n: siteValue })
  .chain((r) =>
    fc.constantFrom(
      JSON.stringify(r),
      JSON.stringify(r),
      JSON.stringify(r),
      `${JSON.stringify(r)}\n`,
      JSON.stringify(r, null, 1),
      `${JSON.stringify(r).slice(0, -1)},"n":1}`,
      JSON.stringify({ ...r, msg: undefined }),
      `${JSON.stringify(r)}x`,
    ),
  );

describe('JSON clean walk', () => {
  it("answers through the last record's layout exactly as the walk without memo", () => {
    fc.assert(
      fc.property(fc.array(siteLine, { minLength: 3, maxLength: 40 }), (ls) => {
        const remembering: JsonVerdicts = { ...verdicts, memo: newWalkMemo() };
        for (const l of ls) expect(walkCleanJsonObject(l, remembering)).toBe(walkCleanJsonObject(l, verdicts));
      }),
      { numRuns: 1_500, seed: 23 },
    );
  });

  it('a record that matches the layout asks only about its holes', () => {
    const asked: string[] = [];
    const counting: JsonVerdicts = { key: () => true, value: (text) => (asked.push(text), !text.includes('x')), memo: newWalkMemo() };
    const rec = (id: string, n: number) => `{"level":30,"msg":"request completed","req":{"id":"${id}","method":"GET"},"ms":${n}}`;
    expect(walkCleanJsonObject(rec('r-1', 5), counting)).toBe(true);
    expect(walkCleanJsonObject(rec('r-2', 6), counting)).toBe(true);
    asked.length = 0;
    expect(walkCleanJsonObject(rec('r-3', 7), counting)).toBe(true);
    expect(asked).toEqual(['r-3', '7']);
    expect(walkCleanJsonObject(rec('r-x', 8), counting)).toBe(false);
    expect(walkCleanJsonObject(rec('r-4', 9).replace('GET', 'PUT'), counting)).toBe(true);
    expect(walkCleanJsonObject(rec('r-5', 1).replace('GET', 'x'), counting)).toBe(false);
    // What the walker gives up on gives up here too: an escape in a hole, a fraction, a token run on.
    expect(walkCleanJsonObject(rec('r-6', 2), counting)).toBe(true);
    expect(walkCleanJsonObject(rec('a\\\\b', 3), counting)).toBe(false);
    expect(walkCleanJsonObject(rec('a\\"b', 3), counting)).toBe(false);
    expect(walkCleanJsonObject(rec('r-7', 4).replace(':4}', ':4.5}'), counting)).toBe(false);
    expect(walkCleanJsonObject(`${rec('r-8', 5)} {}`, counting)).toBe(false);
    expect(walkCleanJsonObject(`${rec('r-9', 6)}\n`, counting)).toBe(true);
  });

  it('calls clean only what the JSON.parse path calls clean', () => {
    fc.assert(
      fc.property(line, (l) => {
        if (walkCleanJsonObject(l, verdicts)) expect(parsePath(l)).toBe(true);
      }),
      { numRuns: 20_000, seed: 20261207 },
    );
  });

  it('answers the plain records loggers write', () => {
    const plain = fc.dictionary(fc.constantFrom('level', 'time', 'msg', 'req', 'id', 'url', 'pid', 'status'), fc.oneof(plainString, fc.integer({ min: -1e9, max: 1e9 }), fc.dictionary(fc.constantFrom('id', 'url', 'method'), plainString, { maxKeys: 3 })), { maxKeys: 6 });
    fc.assert(
      fc.property(plain, (r) => {
        const l = JSON.stringify(r);
        expect(walkCleanJsonObject(l, verdicts)).toBe(parsePath(l));
      }),
      { numRuns: 5_000, seed: 7 },
    );
    // Trusted numbers are skipped at the top level only; '-0' and long numbers go to the parse path.
    expect(walkCleanJsonObject('{"time":1777777777777,"msg":"ok"}', verdicts)).toBe(true);
    expect(walkCleanJsonObject('{"req":{"time":1777777777777}}', verdicts)).toBe(false);
    expect(walkCleanJsonObject('{"a":-0}', verdicts)).toBe(false);
    expect(walkCleanJsonObject('{"a":1,"a":2}', verdicts)).toBe(false);
  });

  it('answers through its memo of the last record exactly as without it', () => {
    const remembering: JsonVerdicts = { ...verdicts, memo: newWalkMemo() };
    // Few names and values, so records share layouts and pieces; 7 and x are dirty unless trusted.
    const value = fc.oneof(fc.constantFrom('ok', 'x', '17', 'a b', ''), fc.constantFrom(17, 1777, 30, -4), fc.constant({ time: 17 }), fc.constant(['ok', 17]));
    const record = fc.array(fc.tuple(fc.constantFrom('level', 'time', 'msg', 'kind', 'req'), value), { maxLength: 4 }).map((ms) => JSON.stringify(Object.fromEntries(ms)));
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 30 }), (ls) => {
        for (const l of ls) expect(walkCleanJsonObject(l, remembering)).toBe(walkCleanJsonObject(l, verdicts));
      }),
      { numRuns: 2_000, seed: 11 },
    );
    // The same text at the same position under another top-level name is asked again: trusted there only.
    expect(walkCleanJsonObject('{"time":17}', remembering)).toBe(true);
    expect(walkCleanJsonObject('{"time":17}', remembering)).toBe(true);
    expect(walkCleanJsonObject('{"time":17}', remembering)).toBe(true);
    expect(walkCleanJsonObject('{"msg":17}', remembering)).toBe(false);
    expect(walkCleanJsonObject('{"time":"17"}', remembering)).toBe(false);
  });
});
