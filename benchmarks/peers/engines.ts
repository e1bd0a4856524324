import type { DocKind } from '../corpus.js';
/**
 * The redactors the benchmarks compare, each in its best default configuration for free text (per its
 * README): caregate `createRedactor()` (default packs), redact-pii `new SyncRedactor()` (all built-ins),
 * @redactpii/node `new Redactor()` (all rules, normal mode), @openredaction/openredaction
 * `new OpenRedaction()` (all patterns, context analysis on). Loaded lazily: a child process loads only its own.
 */
import { fileURLToPath } from 'node:url';
import { bareScan, scannerPasses } from '../passes.js';

export const ENGINES = ['caregate', 'caregate-stream', 'caregate-pool2', 'caregate-passes', 'redact-pii', '@redactpii/node', '@openredaction/openredaction', 'bare-scan'] as const;
export type EngineName = (typeof ENGINES)[number];
export const PEERS: readonly EngineName[] = ['redact-pii', '@redactpii/node', '@openredaction/openredaction'];

export interface Engine {
  /** Redacts one document (undefined for engines that only run whole passes). */
  redact?: (doc: string) => string;
  /**
   * Redacts one document the way a user would run this engine on a file of that kind, where the engine has
   * such a mode (caregate's CSV and JSON formats read headers and keys as hints); accuracy uses it when set.
   */
  redactDocument?: (doc: string, kind: DocKind) => Promise<string>;
  /** Runs a whole pass over the documents; returns the seconds spent outside the source's generation. */
  pass?: (docs: AsyncIterable<string>) => Promise<number>;
  close?: () => Promise<void>;
}

let sink = 0;

export async function loadEngine(name: EngineName): Promise<Engine> {
  switch (name) {
    case 'caregate': {
      const { createRedactor, createFormatStream } = await import('caregate');
      const r = createRedactor();
      const { Readable, Writable } = await import('node:stream');
      const { pipeline } = await import('node:stream/promises');
      const formatOf: Partial<Record<DocKind, 'csv' | 'json'>> = { csv: 'csv', 'json-ticket': 'json' };
      return {
        redact: (d) => r.redact(d).text,
        redactDocument: async (d, kind) => {
          const format = formatOf[kind];
          if (!format) return r.redact(d).text;
          let out = '';
          await pipeline(Readable.from([Buffer.from(d)]), createFormatStream(format, r), new Writable({ write(chunk: Buffer | string, _e, cb) { out += chunk.toString(); cb(); } }));
          return out;
        },
      };
    }
    case 'caregate-stream': {
      const { createRedactor } = await import('caregate');
      const r = createRedactor();
      const { Readable, Writable } = await import('node:stream');
      const { pipeline } = await import('node:stream/promises');
      return {
        // One stream per pass: the documents are consecutive 64 KB pieces of one long text.
        pass: async (docs) => {
          const t0 = process.hrtime.bigint();
          let out = 0;
          await pipeline(Readable.from(docs, { objectMode: false }), r.createStream(), new Writable({ write(chunk: Buffer | string, _e, cb) { out += chunk.length; cb(); } }));
          sink += out;
          return Number(process.hrtime.bigint() - t0) / 1e9;
        },
      };
    }
    case 'caregate-pool2': {
      const { Piscina } = await import('piscina');
      const pool = new Piscina({ filename: fileURLToPath(new URL('../pool-worker.mjs', import.meta.url)), minThreads: 2, maxThreads: 2 });
      // Warm both workers (module load) before any timing.
      await Promise.all([pool.run('warm up 4111 1111 1111 1111'), pool.run('warm up')]);
      return {
        pass: async (docs) => {
          const t0 = process.hrtime.bigint();
          const pending = new Set<Promise<void>>();
          for await (const d of docs) {
            const p: Promise<void> = pool.run(d).then((s: string) => { sink += s.length; pending.delete(p); });
            pending.add(p);
            if (pending.size >= 8) await Promise.race(pending);
          }
          await Promise.all(pending);
          return Number(process.hrtime.bigint() - t0) / 1e9;
        },
        redact: undefined,
        close: () => pool.destroy(),
      };
    }
    case 'redact-pii': {
      const mod = await import('redact-pii');
      // CommonJS: named export under Node, under `default` with some loaders.
      const SyncRedactor = mod.SyncRedactor ?? (mod as unknown as { default: typeof mod }).default.SyncRedactor;
      const r = new SyncRedactor();
      return { redact: (d) => r.redact(d) };
    }
    case '@redactpii/node': {
      const { Redactor } = await import('@redactpii/node');
      const r = new Redactor();
      return { redact: (d) => r.redact(d) };
    }
    case '@openredaction/openredaction': {
      const { OpenRedaction } = await import('@openredaction/openredaction');
      const r = new OpenRedaction();
      return { redact: (d) => r.detect(d).redacted };
    }
    case 'caregate-passes': {
      // The scanner's passes alone, no work at their hits: the ceiling of caregate's design on this text.
      const { createRedactor } = await import('caregate');
      const passes = scannerPasses(createRedactor());
      return { redact: (d) => { sink += passes(d); return d; } };
    }
    case 'bare-scan':
      return { redact: (d) => { sink += bareScan(d); return d; } };
  }
}

/** Keeps the optimizer from dropping results. */
export const keep = () => sink;
