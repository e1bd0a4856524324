/**
 * Context words, exclusion words and cue fillers (issue 20 item 4): the regexes they were read with beside
 * the trie that reads them now (src/detect/context-words.ts), on the windows redact() reads, in one run:
 *   npm run build && npx tsx benchmarks/context-words.ts          (CTX_MB=1 per corpus, CTX_ROUNDS=5 by default)
 *
 * Windows: before and after every digit run of held-out sparse and dense care text (benchmarks/blind-text.ts),
 * cut as candidate.ts cuts them, for every shipped rule with context words; filler stops after every word
 * followed by a space or punctuation, for every shipped filler list. Each round runs the regex form and the
 * trie form once each (interleaved); figures are medians of ns per window by CPU time. Both forms must agree
 * on every window, or the run stops.
 *
 * Read with care (2026-12-07): in this tight loop, where every regex stays hot, irregexp's native scan reads a
 * context window about 3× faster than the trie's JS loop, while fillers are ~1.7× faster by trie. Inside
 * redact() the regex path cost far more (candidate.js 14–19% of a CPU profile of redact() on held-out sparse
 * text before, 6–7% after), so the loop here is a floor for the regex, not redact()'s cost.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The build as published (dist/, npm run build first), as the other benchmarks measure it.
import { contextAfterEnd, contextBeforeStart } from '../dist/detect/candidate.js';
import { compileFillers, fillerStopsInto, type FillerTable } from '../dist/detect/cue-fillers.js';
import { contextLists, type CompiledContext } from '../dist/detect/plan.js';
import type { Rule } from '../dist/rules/types.js';
import { denseText, sparseText } from './blind-text.js';

const TOTAL = Number(process.env.CTX_MB ?? 1) * 1_000_000;
const ROUNDS = Number(process.env.CTX_ROUNDS ?? 5);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuNs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
};

function packFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return packFiles(p);
    return f.endsWith('.json') ? [p] : [];
  });
}
const contexts: CompiledContext[] = [];
const fillers: FillerTable[] = [];
for (const f of packFiles(fileURLToPath(new URL('../rules', import.meta.url)))) {
  const pack = JSON.parse(readFileSync(f, 'utf8')) as { rules?: Rule[] };
  if (!Array.isArray(pack.rules)) continue;
  for (const r of pack.rules) {
    const c = r.context;
    if (c?.words?.length) {
      contexts.push({ ...contextLists(c), before: c.before ?? 48, after: c.after ?? 24, boost: 0, required: false, sameLine: c.sameLine ?? false });
    }
    const d = r.detector as { fillers?: string[] } | undefined;
    const t = compileFillers(d?.fillers);
    if (t) fillers.push(t);
  }
}

interface Windows {
  text: string;
  /** [lo, hi) pairs, with the index of the context they are cut for. */
  spans: Int32Array;
  ctx: Int32Array;
  /** Positions filler stops are read from. */
  stops: Int32Array;
}

function windowsOf(docs: string[]): Windows[] {
  return docs.map((text) => {
    const spans: number[] = [];
    const ctx: number[] = [];
    const stops: number[] = [];
    for (const m of text.matchAll(/\d+/g)) {
      const s = m.index;
      const e = s + m[0].length;
      contexts.forEach((c, i) => {
        spans.push(contextBeforeStart(c, text, s), s, e, contextAfterEnd(c, text, e));
        ctx.push(i);
      });
    }
    for (const m of text.matchAll(/[A-Za-z]+(?=[ :#.,"'-])/g)) stops.push(m.index + m[0].length);
    return { text, spans: Int32Array.from(spans), ctx: Int32Array.from(ctx), stops: Int32Array.from(stops) };
  });
}

/** Context and exclusion words over every window: regex on the slice, or the trie on positions. */
function contextRun(ws: Windows[], trie: boolean): number {
  let hits = 0;
  for (const w of ws) {
    const { text, spans, ctx } = w;
    for (let k = 0; k < ctx.length; k++) {
      const c = contexts[ctx[k]!]!;
      for (let j = 0; j < 2; j++) {
        const lo = spans[4 * k + 2 * j]!;
        const hi = spans[4 * k + 2 * j + 1]!;
        if (trie) {
          if (c.findWords.test(text, lo, hi)) hits++;
          if (c.findExclude?.test(text, lo, hi)) hits += 1 << 16;
        } else {
          const s = text.slice(lo, hi);
          if (c.words.test(s)) hits++;
          if (c.exclude?.test(s)) hits += 1 << 16;
        }
      }
    }
  }
  return hits;
}

/** Filler stops after every word, for every filler list: the sticky regex, or the trie. */
function fillerRun(ws: Windows[], trie: boolean): number {
  let sum = 0;
  const tables = fillers.map((t) => (trie ? t : { re: t.re, trie: null }));
  for (const w of ws) {
    for (const t of tables) {
      for (let k = 0; k < w.stops.length; k++) {
        const from = w.stops[k]!;
        sum += fillerStopsInto(w.text, from, t, 4, from + 96);
      }
    }
  }
  return sum;
}

const corpora = { sparse: windowsOf(sparseText(TOTAL, 4000).docs), dense: windowsOf(denseText(TOTAL, 4000).docs) };
const count = (ws: Windows[], what: 'context' | 'filler') => ws.reduce((n, w) => n + (what === 'context' ? 2 * w.ctx.length : w.stops.length * fillers.length), 0);

console.log(`node ${process.version}; ${ROUNDS} interleaved rounds, medians of ns per window by CPU time`);
console.log(`${contexts.length} context lists, ${fillers.length} filler lists (trie: ${fillers.filter((f) => f.trie).length})\n`);
console.log('| corpus | lists | windows | regex ns/window | trie ns/window | regex ÷ trie |');
console.log('|---|---|---:|---:|---:|---:|');
for (const [name, ws] of Object.entries(corpora)) {
  for (const what of ['context', 'filler'] as const) {
    const run = what === 'context' ? contextRun : fillerRun;
    const a = run(ws, false);
    const b = run(ws, true);
    if (a !== b) throw new Error(`${name} ${what}: the regex and the trie disagree (${a} vs ${b})`);
    const times: [number[], number[]] = [[], []];
    for (let r = 0; r < ROUNDS; r++) {
      for (const trie of [false, true]) {
        const t0 = cpuNs();
        run(ws, trie);
        times[trie ? 1 : 0].push(cpuNs() - t0);
      }
    }
    const n = count(ws, what);
    const re = median(times[0]) / n;
    const tr = median(times[1]) / n;
    console.log(`| ${name} | ${what} | ${n} | ${re.toFixed(0)} | ${tr.toFixed(0)} | ${(re / tr).toFixed(2)}× |`);
  }
}
