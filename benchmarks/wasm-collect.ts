/**
 * Issue 20 item 7: would a WebAssembly collect loop pay? One run, interleaved rounds, CPU time, medians:
 *   npm run build && npx tsx benchmarks/wasm-collect.ts          (WASM_MB=1 WASM_ROUNDS=7 by default)
 *
 * The collect loop is the part of the hot path a WebAssembly module could take over: one pass over the text
 * recording hits (digit-run starts, '@', ':') into an Int32Array. Measured on the held-out sparse and dense care
 * text (benchmarks/blind-text.ts), beside each other in the same rounds:
 *   - JavaScript: a charCodeAt loop writing the hits into an Int32Array;
 *   - WebAssembly, scalar: the text copied into the module's memory as UTF-16 (Buffer#write, a native copy),
 *     then a load16_u loop writing the same hits;
 *   - WebAssembly, SIMD: the same, skipping 8 code units at a time where none is a digit, '@' or ':';
 *   - the scanner's passes alone (benchmarks/passes.ts: the irregexp skip loops caregate runs today) and
 *     redact() itself.
 * Both WebAssembly loops must return the JavaScript loop's hits exactly (checked on every document first).
 * The verdict is Amdahl's: the best a faster collect loop can give end to end is redact's time over
 * (redact's time − the passes' time + the WebAssembly loop's time); the issue adopts it only at ≥ 1.3× on
 * sparse text. The module is assembled here from its instructions (no toolchain to install): it is a benchmark,
 * not shipped code.
 */
import { createRedactor } from 'caregate';
import { denseText, sparseText } from './blind-text.js';
import { scannerPasses } from './passes.js';

const TOTAL = Number(process.env.WASM_MB ?? 1) * 1_000_000;
const ROUNDS = Number(process.env.WASM_ROUNDS ?? 7);
/** Text in memory at 0 (UTF-16, up to 1 M code units); hits from 4 MiB, two i32 each (position, kind). */
const HITS_AT = 4 << 20;
const PAGES = 160;

// ---- a minimal WebAssembly assembler: just what the two loops need ----
const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};
const str = (s: string) => [...uleb(s.length), ...Buffer.from(s, 'utf8')];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];

const I = {
  block: [0x02, 0x40], loop: [0x03, 0x40], if: [0x04, 0x40], else: [0x05], end: [0x0b],
  br: (d: number) => [0x0c, ...uleb(d)], brIf: (d: number) => [0x0d, ...uleb(d)],
  get: (l: number) => [0x20, ...uleb(l)], set: (l: number) => [0x21, ...uleb(l)], tee: (l: number) => [0x22, ...uleb(l)],
  const: (n: number) => [0x41, ...sleb(n)],
  load16u: (offset = 0) => [0x2f, 1, ...uleb(offset)], store: (offset = 0) => [0x36, 2, ...uleb(offset)],
  eqz: [0x45], eq: [0x46], ltU: [0x49], geU: [0x4f], add: [0x6a], sub: [0x6b], or: [0x72], shl: [0x74],
  // SIMD (0xfd prefix)
  v128load: [0xfd, ...uleb(0), 4, 0], i16x8splat: [0xfd, ...uleb(16)], i16x8eq: [0xfd, ...uleb(45)],
  i16x8ltU: [0xfd, ...uleb(48)], i16x8sub: [0xfd, ...uleb(145)], v128or: [0xfd, ...uleb(80)], anyTrue: [0xfd, ...uleb(83)],
};

// locals: 0 n (param), 1 i, 2 c, 3 run, 4 k (hits), 5 v (v128, SIMD only)
const N = 0, IX = 1, C = 2, RUN = 3, K = 4, V = 5;
const record = (kind: number[]) => [
  ...I.get(K), ...I.const(3), ...I.shl, ...I.get(IX), ...I.store(HITS_AT),
  ...I.get(K), ...I.const(3), ...I.shl, ...kind, ...I.store(HITS_AT + 4),
  ...I.get(K), ...I.const(1), ...I.add, ...I.set(K),
];
/** One code unit at i: a digit starts a run (kind 0) unless one is open; '@' and ':' are hits of their own code. */
const oneUnit = [
  ...I.get(IX), ...I.const(1), ...I.shl, ...I.load16u(), ...I.set(C),
  ...I.get(C), ...I.const(48), ...I.sub, ...I.const(10), ...I.ltU,
  ...I.if,
  ...I.get(RUN), ...I.eqz, ...I.if, ...record(I.const(0)), ...I.const(1), ...I.set(RUN), ...I.end,
  ...I.else,
  ...I.const(0), ...I.set(RUN),
  ...I.get(C), ...I.const(64), ...I.eq, ...I.get(C), ...I.const(58), ...I.eq, ...I.or,
  ...I.if, ...record(I.get(C)), ...I.end,
  ...I.end,
  ...I.get(IX), ...I.const(1), ...I.add, ...I.set(IX),
];
const scalarBody = [...I.block, ...I.loop, ...I.get(IX), ...I.get(N), ...I.geU, ...I.brIf(1), ...oneUnit, ...I.br(0), ...I.end, ...I.end, ...I.get(K)];
/** Eight code units at a time while eight remain: none interesting → the run closes and all eight are skipped. */
const simdBody = [
  ...I.block, ...I.loop,
  ...I.get(IX), ...I.const(8), ...I.add, ...I.get(N), ...I.geU, ...I.brIf(1) /* fewer than 8 left: scalar tail */,
  ...I.get(IX), ...I.const(1), ...I.shl, ...I.v128load, ...[0x21, ...uleb(V)],
  ...[0x20, ...uleb(V)], ...I.const(48), ...I.i16x8splat, ...I.i16x8sub, ...I.const(10), ...I.i16x8splat, ...I.i16x8ltU,
  ...[0x20, ...uleb(V)], ...I.const(64), ...I.i16x8splat, ...I.i16x8eq, ...I.v128or,
  ...[0x20, ...uleb(V)], ...I.const(58), ...I.i16x8splat, ...I.i16x8eq, ...I.v128or,
  ...I.anyTrue,
  ...I.if,
  ...Array.from({ length: 8 }, () => oneUnit).flat(),
  ...I.else,
  ...I.const(0), ...I.set(RUN), ...I.get(IX), ...I.const(8), ...I.add, ...I.set(IX),
  ...I.end,
  ...I.br(0), ...I.end, ...I.end,
  ...scalarBody,
];
function moduleBytes(): Uint8Array {
  const fn = (locals: number[][], body: number[]) => {
    const code = [...vec(locals), ...body, ...I.end];
    return [...uleb(code.length), ...code];
  };
  const I32 = 0x7f, V128 = 0x7b;
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, 1, I32, 1, I32]])),
    ...section(3, vec([[0], [0]])),
    ...section(5, vec([[0x00, ...uleb(PAGES)]])),
    ...section(7, vec([[...str('mem'), 0x02, 0], [...str('scalar'), 0x00, 0], [...str('simd'), 0x00, 1]])),
    ...section(10, vec([fn([[4, I32]], scalarBody), fn([[4, I32], [1, V128]], simdBody)])),
  ]);
}

/** The two WebAssembly calls used here (the project's TypeScript lib has no WebAssembly types: no DOM lib). */
interface WasmApi {
  instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }>;
}
const { WebAssembly: Wasm } = globalThis as unknown as { WebAssembly: WasmApi };
const wasm = (await Wasm.instantiate(moduleBytes())).instance.exports as {
  mem: { buffer: ArrayBuffer };
  scalar(n: number): number;
  simd(n: number): number;
};
const memBytes = Buffer.from(wasm.mem.buffer);
const memHits = new Int32Array(wasm.mem.buffer, HITS_AT, (PAGES * 65536 - HITS_AT) >> 2);

const jsHits = new Int32Array(memHits.length);
function collectJs(text: string): number {
  let k = 0;
  let run = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c - 48 >>> 0 < 10) {
      if (!run) {
        jsHits[k++] = i;
        jsHits[k++] = 0;
        run = true;
      }
    } else {
      run = false;
      if (c === 64 || c === 58) {
        jsHits[k++] = i;
        jsHits[k++] = c;
      }
    }
  }
  return k >> 1;
}
function collectWasm(text: string, simd: boolean): number {
  memBytes.write(text, 0, 'utf16le');
  return simd ? wasm.simd(text.length) : wasm.scalar(text.length);
}

const redactor = createRedactor();
const passes = scannerPasses(redactor);
let sink = 0;
const rate = (mbs: number) => mbs.toFixed(mbs < 10 ? 2 : 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

for (const [label, corpus] of [['sparse', sparseText(TOTAL)], ['dense', denseText(TOTAL)]] as const) {
  const docs = corpus.docs;
  for (const d of docs) {
    const n = collectJs(d);
    for (const simd of [false, true]) {
      if (collectWasm(d, simd) !== n) throw new Error(`${label}: the ${simd ? 'SIMD' : 'scalar'} WebAssembly loop found another number of hits`);
      for (let j = 0; j < 2 * n; j++) if (memHits[j] !== jsHits[j]) throw new Error(`${label}: the WebAssembly loop's hit ${j >> 1} differs`);
    }
  }
  const fns: Record<string, (d: string) => number> = {
    'collect, JavaScript': (d) => collectJs(d),
    'collect, WebAssembly (copy + scalar)': (d) => collectWasm(d, false),
    'collect, WebAssembly (copy + SIMD)': (d) => collectWasm(d, true),
    'scanner passes alone (today)': (d) => passes(d),
    'redact()': (d) => redactor.redact(d).text.length,
  };
  const ms: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (const fn of Object.values(fns)) for (const d of docs.slice(0, 4)) sink += fn(d);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t0 = cpuMs();
      for (const d of docs) sink += fn(d);
      ms[name]!.push(cpuMs() - t0);
    }
  }
  const med = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, median(v)])) as Record<string, number>;
  console.log(`\n${label}: ${(corpus.chars / 1e6).toFixed(2)} M characters in ${docs.length} documents, ${ROUNDS} rounds (median CPU ms)`);
  for (const [name, t] of Object.entries(med)) console.log(`  ${name.padEnd(38)} ${t.toFixed(1).padStart(8)} ms  ${rate(corpus.chars / 1e3 / t).padStart(6)} MB/s`);
  const redact = med['redact()']!;
  const today = med['scanner passes alone (today)']!;
  for (const k of ['collect, WebAssembly (copy + scalar)', 'collect, WebAssembly (copy + SIMD)']) {
    console.log(`  best end-to-end gain with ${k.slice(9)} replacing the passes: ${(redact / Math.max(redact - today + med[k]!, 1e-9)).toFixed(3)}× (adopt at ≥ 1.3×)`);
  }
  console.log(`  WebAssembly SIMD against the JavaScript collect loop: ${(med['collect, JavaScript']! / med['collect, WebAssembly (copy + SIMD)']!).toFixed(2)}×`);
}
if (sink === 42) console.log('');
