import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careText } from '../../benchmarks/corpus.js';
import { createRedactor, type Redactor } from '../../src/index.js';
import { createRedactingDestination, LogLineScrubber } from '../../src/integrations/index.js';
import { inspectJsonLine, quoteLongNumbers } from '../../src/integrations/json-line.js';

const redactor = createRedactor({ currentYear: 2026 });

describe('log line scrubber: what JSON.parse would hide', () => {
  it('a duplicate member name cannot carry an unscanned earlier value through the clean fast path', () => {
    const line = '{"level":30,"msg":"card 4111 1111 1111 1111","msg":"hello"}';
    const out = new LogLineScrubber(redactor).scrub(line).line;
    expect(out).not.toContain('4111 1111');
    expect(JSON.parse(out)).toEqual({ level: 30, msg: 'hello' });
  });

  it('numbers too long for a double keep every digit, so a 19-digit card written as a number is masked', () => {
    const line = '{"level":30,"pan":6011000990139424123,"amount":12.5}';
    const r = new LogLineScrubber(redactor).scrub('{"level":30,"ref":6011111111111117}');
    expect(r.line).not.toContain('6011111111111117');
    const long = new LogLineScrubber(redactor).scrub(line);
    expect(inspectJsonLine(line).longNumbers).toHaveLength(1);
    expect(long.line).not.toContain('6011000990139424');
    expect(JSON.parse(long.line).amount).toBe(12.5);
  });

  it('counts members and long numbers outside strings only', () => {
    const shape = inspectJsonLine('{"a:b":"x\\":1234567890123456789","n":[1,2],"o":{"k":-12345678901234567.5e3}}');
    expect(shape.members).toBe(4);
    expect(shape.longNumbers).toHaveLength(1);
    expect(quoteLongNumbers('{"n":12345678901234567}', [[5, 22]])).toBe('{"n":"12345678901234567"}');
  });

  it('members under sensitive keys are masked whatever they hold; clean lines come back as the same string', () => {
    const scrubber = new LogLineScrubber(redactor);
    expect(JSON.parse(scrubber.scrub('{"user":"ana","password":"hunter2"}').line)).toEqual({ user: 'ana', password: '[PASSWORD]' });
    const clean = '{"level":30,"time":1700000000000,"msg":"order shipped","order":{"id":"A-1","items":[1,2]}}';
    const r = scrubber.scrub(clean);
    expect(r.line).toBe(clean);
    expect(r.findings).toEqual([]);
    // Cached verdicts give the same answer the second time.
    expect(scrubber.scrub(clean).line).toBe(clean);
  });

  it('a line that is not JSON is redacted as text', () => {
    const r = new LogLineScrubber(redactor).scrub('2026-01-01 WARN payment retry for card 5555 5555 5555 4444');
    expect(r.line).toBe('2026-01-01 WARN payment retry for card •••• •••• •••• 4444');
    expect(r.findings.map((f) => f.entity)).toContain('CREDIT_CARD');
    expect(new LogLineScrubber(redactor).scrub('{"broken": "4111 1111 1111 1111"').line).not.toContain('4111 1111 1111');
  });

  it('when redaction itself fails the line is withheld, not written', () => {
    const broken: Redactor = { ...redactor, redactValue: () => { throw new Error('engine exploded on 4111111111111111'); }, session: () => { throw new Error('engine exploded'); } };
    const r = new LogLineScrubber(broken).scrub('{"msg":"card 4111111111111111"}');
    expect(r.withheld).toBe(true);
    expect(r.line).not.toContain('4111');
    expect(JSON.parse(r.line).caregate).toMatch(/withheld/);
  });
});

describe('log line scrubber: the clean check of short values on one reused session', () => {
  it('says clean of a value exactly when a new session finds nothing in it, value after value', () => {
    const corpus = careText(40_000, 5);
    const scrubber = new LogLineScrubber(redactor);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: corpus.length }), fc.integer({ min: 1, max: 80 }), (at, len) => {
        const piece = corpus.slice(at, at + len);
        const line = JSON.stringify({ msg: piece });
        // Escapes (quotes, line breaks) send a line to the JSON.parse path; the check answers plain ones.
        fc.pre(!line.includes('\\'));
        const s = redactor.session({ mask: false });
        const a = s.push(piece);
        const b = s.finish();
        expect(scrubber.isCleanJson(line)).toBe(a.findings.length + b.findings.length + a.errors.length + b.errors.length === 0);
      }),
      { numRuns: 400 },
    );
  });
});

describe('redacting destination: lines that arrive in pieces', () => {
  function sink() {
    const chunks: string[] = [];
    return { chunks, text: () => chunks.join(''), write: (s: string) => void chunks.push(s), ended: false, end() { this.ended = true; } };
  }

  it('a card split across writes, and across bytes of a multi-byte character, is still caught', () => {
    const out = sink();
    const dest = createRedactingDestination(out, { redactor });
    const line = Buffer.from('{"msg":"café card 4111 1111 1111 1111"}\n{"msg":"ok"}\n', 'utf8');
    for (let i = 0; i < line.length; i += 5) dest.write(line.subarray(i, i + 5));
    expect(out.text()).toBe('{"msg":"café card •••• •••• •••• 1111"}\n{"msg":"ok"}\n');
  });

  it('CRLF line endings are kept', () => {
    const out = sink();
    createRedactingDestination(out, { redactor }).write('{"msg":"mail ana@example.com"}\r\n');
    expect(out.text()).toBe('{"msg":"mail [EMAIL]"}\r\n');
  });

  it('a line longer than maxLineLength is redacted as text as it streams, without waiting for its newline', () => {
    const out = sink();
    const dest = createRedactingDestination(out, { redactor, maxLineLength: 64 });
    dest.write(`text ${'lorem ipsum '.repeat(2000)} card 4111 1111 `); // past the session's batching step
    expect(out.text().length).toBeGreaterThan(0); // flushed before the newline arrived
    dest.write('1111 1111 and more\n{"msg":"next"}\n');
    expect(out.text()).not.toMatch(/4111 1111 1111 1111/);
    expect(out.text()).toContain('•••• •••• •••• 1111 and more\n{"msg":"next"}\n');
  });

  it('end() writes a last line that had no newline, then ends the inner destination', () => {
    const out = sink();
    const dest = createRedactingDestination(out, { redactor });
    dest.write('{"msg":"ssn 123-45-6789"}');
    expect(out.text()).toBe('');
    dest.end();
    expect(out.text()).toBe('{"msg":"ssn •••-••-6789"}');
    expect(out.ended).toBe(true);
  });

  it('refuses an inner destination without write() with a message that says what to pass', () => {
    expect(() => createRedactingDestination({} as never)).toThrow(/needs a destination with a write\(\) method/);
  });
});

describe('log line scrubber: trusted numbers', () => {
  it('skips only top-level numbers named in trustedNumbers in the clean check; [] scans them too', () => {
    // 4222222222222 is a 13-digit test Visa, as long as a pino epoch-milliseconds time.
    const line = '{"level":30,"time":4222222222222,"msg":"ok"}';
    expect(new LogLineScrubber(redactor).scrub(line).line).toBe(line);
    expect(new LogLineScrubber(redactor, []).scrub(line).line).not.toContain('4222222222222');
    // Not a number, or not at the top level: scanned as always.
    expect(new LogLineScrubber(redactor).scrub('{"time":"4111111111111111"}').line).not.toContain('4111111111111111');
    expect(new LogLineScrubber(redactor).scrub('{"ctx":{"time":4111111111111111}}').line).not.toContain('4111111111111111');
  });
});

describe('log line scrubber: remembered clean values', () => {
  it('scrubs a stream of lines with repeated values exactly as a scrubber that remembers nothing', () => {
    const kept = new LogLineScrubber(redactor);
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    // A small pool, so values come back (second sight) among fresh ones; some hold PII.
    const pool = ['GET', 'box-7', 'request completed', '/api/orders/B-19', 'ok', 'reach me at kelo.mira@rensa.io', 'card 4111 1111 1111 1111', 'Mr Tavo Renk'];
    const value = fc.oneof(fc.constantFrom(...pool), digits(4).map((d) => `req-${d}`), digits(16), fc.constantFrom(...pool).map((p) => `${p} again`));
    const line = fc.array(fc.tuple(fc.constantFrom('msg', 'url', 'host', 'id', 'note'), value), { minLength: 1, maxLength: 5 }).map((members) => JSON.stringify(Object.fromEntries(members)));
    fc.assert(
      fc.property(fc.array(line, { minLength: 20, maxLength: 60 }), (lines) => {
        for (const l of [...lines, ...lines]) {
          const fresh = new LogLineScrubber(redactor);
          expect(kept.isCleanJson(l)).toBe(fresh.isCleanJson(l));
          expect(kept.scrub(l).line).toBe(new LogLineScrubber(redactor).scrub(l).line);
        }
      }),
      { numRuns: 25 },
    );
  });
});
