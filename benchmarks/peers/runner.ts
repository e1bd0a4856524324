/**
 * Child process of `bench:accuracy` and `bench:throughput`: loads one engine (argv[2]) and answers the
 * parent's messages, so that each redactor's memory and JIT stay its own. It builds the same documents as
 * every other child from the same seed.
 *
 *   { cmd: 'accuracy', bytes, seed }            → { outputs }             one output per corpus document
 *   { cmd: 'setup', total, seed, docChars, warmSeconds } → { bytes, docs, cached }
 *   { cmd: 'round' }                            → { seconds, bytes }      one timed pass over the documents
 *   { cmd: 'peak' }                             → { hwmKiB, baseKiB }     peak RSS since setup (VmHWM)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { careDocs, labelledCorpus, splitDocs } from '../corpus.js';
import { ENGINES, keep, loadEngine, type EngineName } from './engines.js';

const name = process.argv[2] as EngineName;
if (!ENGINES.includes(name)) throw new Error(`unknown engine ${name}`);
const engine = await loadEngine(name);

/** Documents held in memory up to this many characters; beyond, generated on the fly each round. */
const CACHE_LIMIT = 256_000_000;

let docs: string[] | undefined;
let plan = { total: 0, seed: 1, docChars: 64_000 };
let baseKiB = 0;

const statusKiB = (field: string) => Number(/\d+/.exec(readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(field)) ?? '0')?.[0] ?? 0);

/** The documents of a pass, and the seconds spent generating them (not charged to the engine). */
function source(): { iter: () => Iterable<string>; genSeconds: () => number } {
  let gen = 0;
  const cached = docs;
  if (cached) return { iter: () => cached, genSeconds: () => 0 };
  return {
    iter: function* () {
      const it = careDocs(plan.total, plan.seed, plan.docChars);
      for (;;) {
        const t0 = process.hrtime.bigint();
        const n = it.next();
        gen += Number(process.hrtime.bigint() - t0) / 1e9;
        if (n.done) return;
        yield n.value;
      }
    },
    genSeconds: () => gen,
  };
}

async function timedPass(limitDocs = Infinity): Promise<{ seconds: number; bytes: number }> {
  const src = source();
  let bytes = 0;
  let n = 0;
  const counted = function* () {
    for (const d of src.iter()) {
      if (n++ >= limitDocs) return;
      bytes += Buffer.byteLength(d);
      yield d;
    }
  };
  if (engine.redact) {
    let seconds = 0;
    for (const d of counted()) {
      const t0 = process.hrtime.bigint();
      engine.redact(d);
      seconds += Number(process.hrtime.bigint() - t0) / 1e9;
    }
    return { seconds, bytes };
  }
  const async = (async function* () { yield* counted(); })();
  const seconds = (await engine.pass!(async)) - src.genSeconds();
  return { seconds, bytes };
}

process.on('message', (msg: { cmd: string; bytes?: number; seed?: number; total?: number; docChars?: number; warmSeconds?: number }) => {
  void (async () => {
    switch (msg.cmd) {
      case 'accuracy': {
        const corpus = labelledCorpus({ bytes: msg.bytes!, seed: msg.seed! });
        const redact = engine.redact;
        if (!redact) throw new Error(`${name} has no one-document API`);
        const t0 = process.hrtime.bigint();
        const structured = engine.redactDocument;
        const outputs = structured
          ? await Promise.all(splitDocs(corpus).map((d) => structured(d.text, d.kind)))
          : splitDocs(corpus).map((d) => redact(d.text));
        process.send!({ outputs, seconds: Number(process.hrtime.bigint() - t0) / 1e9 });
        break;
      }
      case 'setup': {
        plan = { total: msg.total!, seed: msg.seed!, docChars: msg.docChars! };
        docs = plan.total <= CACHE_LIMIT ? [...careDocs(plan.total, plan.seed, plan.docChars)] : undefined;
        // Warm up (let V8 tier up the hot paths): whole short passes over the first documents, for a few seconds.
        const t0 = Date.now();
        let warmed = 0;
        while (Date.now() - t0 < (msg.warmSeconds ?? 2) * 1000 && warmed < 5) {
          await timedPass(20);
          warmed++;
        }
        (globalThis as { gc?: () => void }).gc?.();
        baseKiB = statusKiB('VmRSS:');
        try {
          writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current RSS
        } catch {
          /* peak then includes setup */
        }
        process.send!({ bytes: docs?.reduce((n, d) => n + Buffer.byteLength(d), 0) ?? plan.total, docs: docs?.length ?? Math.ceil(plan.total / plan.docChars), cached: docs !== undefined });
        break;
      }
      case 'round':
        process.send!(await timedPass());
        break;
      case 'peak':
        process.send!({ hwmKiB: statusKiB('VmHWM:'), baseKiB, keep: keep() });
        break;
      case 'exit':
        await engine.close?.();
        process.exit(0);
    }
  })().catch((e: unknown) => {
    process.send!({ error: String((e as Error)?.stack ?? e) });
  });
});
process.on('disconnect', () => process.exit(0));
process.send!({ loaded: name });
