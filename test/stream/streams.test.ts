import { describe, expect, it } from 'vitest';
import { careText } from '../../benchmarks/corpus.js';
import { CaregateError, createRedactor } from '../../src/index.js';
import type { Finding } from '../../src/index.js';
import { cut, runNode, runWeb } from './support.js';

const redactor = createRedactor({ currentYear: 2026 });

/** Chunk sizes 1..7 from a fixed sequence (deterministic, every residue mod 7). */
const SMALL = [1, 5, 2, 7, 3, 6, 4, 1, 1, 2];

describe('stream edge cases', () => {
  // The session's first step emits up to 960 characters before the end of its input, here between the two
  // UTF-16 halves of U+1D518; encoding that piece on its own gives two U+FFFD instead of the character.
  const splitPair = 'x'.repeat(10_000) + '𝔘' + 'y'.repeat(959);

  it('regression: an output step that ends between the halves of a surrogate pair is encoded whole (Web)', async () => {
    const web = await runWeb(redactor.createWebStream(), [new Uint8Array(Buffer.from(splitPair))]);
    expect(web.toString('utf8')).toBe(splitPair);
  });

  it('regression: an output step that ends between the halves of a surrogate pair is encoded whole (Node)', async () => {
    const node = await runNode(redactor.createStream(), [Buffer.from(splitPair)]);
    expect(node.toString('utf8')).toBe(splitPair);
  });

  it('a multi-byte character split across chunks decodes whole (2-, 3- and 4-byte sequences, one byte at a time)', async () => {
    const text = 'é 日 🙂 card 4111 1111 1111 1111 ü';
    const bytes = Buffer.from(text, 'utf8');
    const want = redactor.redact(text).text;
    expect((await runNode(redactor.createStream(), cut(bytes, [1]))).toString('utf8')).toBe(want);
    expect((await runWeb(redactor.createWebStream(), cut(new Uint8Array(bytes), [1]))).toString('utf8')).toBe(want);
    expect(want).not.toContain('\ufffd');
  });

  it('a UTF-8 BOM is dropped, also when it arrives byte by byte; offsets count from after it', async () => {
    const text = 'SSN 536-22-1947';
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const findings: Finding[] = [];
    const s = redactor.createStream();
    s.on('finding', (f: Finding) => findings.push(f));
    const out = await runNode(s, cut(input, [1]));
    expect(out.toString('utf8')).toBe(redactor.redact(text).text);
    expect(findings).toEqual(redactor.redact(text).findings);
    expect(findings[0]!.start).toBe(4);
  });

  it("invalid UTF-8 under 'error': the stream fails with E_UTF8 naming the byte (Node and Web)", async () => {
    const input = Buffer.concat([Buffer.from('card 4111 1111 1111 1111 and '), Buffer.from([0xff]), Buffer.from(' more')]);
    const at = Buffer.byteLength('card 4111 1111 1111 1111 and ');
    for (const run of [
      () => runNode(redactor.createStream({ invalidUtf8: 'error', source: 'notes.txt' }), cut(input, [3])),
      () => runWeb(redactor.createWebStream({ invalidUtf8: 'error', source: 'notes.txt' }), cut(new Uint8Array(input), [3])),
    ]) {
      const err = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(CaregateError);
      expect((err as CaregateError).code).toBe('E_UTF8');
      expect((err as CaregateError).message).toBe(
        `caregate: notes.txt is not valid UTF-8 at byte ${at}; convert it to UTF-8, or use the 'replace' policy (--invalid-utf8 replace) to substitute U+FFFD`,
      );
      expect((err as CaregateError).location.byte).toBe(at);
    }
  });

  it("'error' names the first byte of an invalid sequence that began in an earlier chunk", async () => {
    // 'note ' + C3 28: C3 opens a two-byte sequence at byte 5 and '(' is no continuation byte. Cut in 3-byte
    // chunks, the C3 ends the second chunk, so the decoder meets the problem only in the third.
    const input = Buffer.concat([Buffer.from('note '), Buffer.from([0xc3, 0x28]), Buffer.from(' end')]);
    const err = await runNode(redactor.createStream({ invalidUtf8: 'error' }), cut(input, [3])).catch((e: unknown) => e);
    expect((err as CaregateError).code).toBe('E_UTF8');
    expect((err as CaregateError).location.byte).toBe(5);
  });

  it("'error' names the byte of an invalid sequence near the end of a chunk (the bytes after it prove it bad)", async () => {
    // E9 opens a three-byte sequence at byte 13, and the '\n' after it is no continuation byte; the sequence
    // is not cut by the chunk's end, it is invalid.
    const input = Buffer.concat([Buffer.from('id,name\n1,Jos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const err = await runNode(redactor.createStream({ invalidUtf8: 'error' }), [input]).catch((e: unknown) => e);
    expect((err as CaregateError).code).toBe('E_UTF8');
    expect((err as CaregateError).location.byte).toBe(13);
  });

  it("input that ends inside a UTF-8 character: 'error' names the end, 'replace' gives U+FFFD", async () => {
    const input = Buffer.concat([Buffer.from('ok '), Buffer.from('🙂').subarray(0, 2)]);
    const err = await runWeb(redactor.createWebStream({ invalidUtf8: 'error' }), [new Uint8Array(input)]).catch((e: unknown) => e);
    expect((err as CaregateError).code).toBe('E_UTF8');
    expect((err as CaregateError).message).toContain('ends in the middle of a UTF-8 character (byte 5)');
    expect((await runWeb(redactor.createWebStream(), [new Uint8Array(input)])).toString('utf8')).toBe('ok \ufffd');
    expect((await runNode(redactor.createStream(), [input])).toString('utf8')).toBe('ok \ufffd');
  });

  it('a multi-megabyte stream in 1–7 byte chunks finishes with the offsets of redact(whole)', async () => {
    const text = careText(2_000_000, 7);
    const bytes = Buffer.from(text, 'utf8');
    const whole = redactor.redact(text);
    const chunks = cut(bytes, SMALL);
    expect(chunks.length).toBeGreaterThan(450_000);

    const nodeFindings: Finding[] = [];
    const s = redactor.createStream();
    s.on('finding', (f: Finding) => nodeFindings.push(f));
    const out = await runNode(s, chunks);
    expect(out.equals(Buffer.from(whole.text, 'utf8'))).toBe(true);
    expect(nodeFindings).toEqual(whole.findings);
    expect(whole.findings.length).toBeGreaterThan(1000);
    // Offsets are from the start of the stream: the last findings lie megabytes in.
    expect(nodeFindings.at(-1)!.start).toBeGreaterThan(1_900_000);

    const webFindings: Finding[] = [];
    const web = await runWeb(redactor.createWebStream({ onFinding: (f) => webFindings.push(f) }), cut(new Uint8Array(bytes), SMALL));
    expect(web.equals(Buffer.from(whole.text, 'utf8'))).toBe(true);
    expect(webFindings).toEqual(whole.findings);
  }, 120_000);

  it('Node stream: backpressure holds the writer back while nobody reads, and the held-back text stays bounded', async () => {
    const s = redactor.createStream();
    const piece = Buffer.from(careText(16_384, 3));
    let writes = 0;
    while (s.write(piece)) {
      writes++;
      if (writes > 1000) break;
    }
    expect(writes).toBeLessThan(1000); // write() said "wait" long before 16 MB went in
    expect(s.writableNeedDrain).toBe(true);
    // Reading lets it drain.
    const drained = new Promise((resolve) => s.once('drain', resolve));
    s.resume();
    await drained;
    s.destroy();
  });

  it('Web stream: backpressure holds the writer back while nobody reads', async () => {
    const s = redactor.createWebStream();
    const writer = s.writable.getWriter();
    const piece = new Uint8Array(Buffer.from(careText(16_384, 3)));
    let writes = 0;
    for (; writes < 1000; writes++) {
      if ((writer.desiredSize ?? 0) <= 0) break;
      void writer.write(piece);
      await new Promise((r) => setImmediate(r));
    }
    expect(writes).toBeLessThan(50);
    expect(writer.desiredSize).toBeLessThanOrEqual(0);
    const reader = s.readable.getReader();
    await reader.read();
    await writer.ready;
    await reader.cancel();
  });

  it('an empty stream gives empty output', async () => {
    expect((await runNode(redactor.createStream(), [])).length).toBe(0);
    expect((await runWeb(redactor.createWebStream(), [])).length).toBe(0);
  });

  it('a downstream that encodes each chunk on its own gets whole characters (Web, strings in)', async () => {
    const text = 'x'.repeat(10_000) + '𝔘' + 'y'.repeat(959);
    const chunks: string[] = [];
    const ws = redactor.createWebStream();
    const reader = new ReadableStream<string>({
      start(c) {
        c.enqueue(text);
        c.close();
      },
    })
      .pipeThrough(ws)
      .getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as string);
    }
    for (const c of chunks) expect(Buffer.from(c, 'utf8').toString('utf8')).toBe(c);
    expect(chunks.join('')).toBe(text);
  });
});

