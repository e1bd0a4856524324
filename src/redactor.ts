import { withSelectedPacks } from './pack-selection.js';
import { checkDisabled, parseConfig, DEFAULT_KEY_HINTS, type PackSource, type RedactorConfig, type ResolvedConfig } from './config.js';
import { nearestName } from './nearest-name.js';
import { compilePlan, type CompiledRule, type LoadedPack, type ScanPlan } from './detect/plan.js';
import { ONCE_BELOW, ScanSession, type EngineOptions, type SessionOutput } from './detect/session.js';
import { compileEarly } from './detect/regexp-warm.js';
import { scanRegExps } from './detect/scanner.js';
import type { Finding, ScanError } from './detect/types.js';
import { CaregateError } from './errors.js';
import { newMaskState, type MaskState, type TokenSink } from './mask/types.js';
import { DEFAULT_PACKS, loadPackFile, loadShippedPack, shippedPackNames, validatePackShape } from './rules/load.js';
import { BUILTIN_VALIDATORS } from './validators/registry.js';
import { RedactStream, type RedactStreamOptions } from './stream/node-stream.js';
import { RedactWebStream, type RedactWebStreamOptions } from './stream/web-stream.js';
import { keyHintOf, normalizeKey, redactDeep, type ValueFinding } from './value.js';

export interface RedactResult {
  text: string;
  /** Offsets are JavaScript string indices (UTF-16 code units) into the input text. */
  findings: Finding[];
  /** Detector errors; the region each one was looking at was masked (fail closed). */
  errors: ScanError[];
}

export interface RedactValueResult<T> {
  value: T;
  findings: ValueFinding[];
  errors: ScanError[];
}

/** A rule as the catalogue shows it (rules list, reports, SARIF): no patterns, no examples. */
export interface RuleInfo {
  id: string;
  entity: string;
  pack: string;
  description: string;
  regulations: string[];
  detector: string;
  mask: string;
  docsUrl?: string;
}

export interface RedactOptions {
  /** Token vault scope for this text's `token` masks, instead of the redactor's (e.g. one per data subject). */
  tokens?: TokenSink;
}

export interface SessionOptions {
  explain?: boolean;
  /** Build the redacted text (default true); detection-only sessions skip it. */
  mask?: boolean;
  /** Share numbered labels with other sessions of the same document. */
  maskState?: MaskState;
}

export interface Redactor {
  readonly rules: readonly RuleInfo[];
  /** Findings with offsets in UTF-16 code units; never the raw value. */
  detect(text: string, options?: { explain?: boolean }): Finding[];
  redact(text: string, options?: RedactOptions): RedactResult;
  /** Deep objects and arrays: strings scanned, card numbers given as numbers caught, sensitive keys masked. */
  redactValue<T>(value: T): RedactValueResult<T>;
  /** A resumable scan over text that arrives in pieces (the streams are built on it). */
  session(options?: SessionOptions): ScanSession;
  /** The mask of an entity's first rule (for key hints), or an unnumbered label. */
  maskEntity(entity: string, text: string, state: MaskState): string;
  /** The entity an object key or CSV header hints at (key hints: cvv, card_number, ssn…), if any. */
  keyHint(key: string): string | undefined;
  /** A Node Transform: strings or bytes in, redacted text out; 'finding' events with stream offsets. */
  createStream(options?: RedactStreamOptions): RedactStream;
  /** A Web TransformStream: strings or bytes in, redacted text out; findings through options.onFinding. */
  createWebStream(options?: RedactWebStreamOptions): RedactWebStream;
  /** The vault scope of the `token` mask, if configured: streams flush it before they end. */
  readonly tokens?: TokenSink;
}

function loadPacks(config: ResolvedConfig): LoadedPack[] {
  const sources: PackSource[] = [...((config.packs as PackSource[] | undefined) ?? DEFAULT_PACKS), ...(config.extraPacks as PackSource[])];
  const shipped = new Set(shippedPackNames());
  return sources.map((src, i) => {
    if (typeof src === 'string') {
      if (shipped.has(src)) return { pack: loadShippedPack(src), file: `rules/${src}.json`, trusted: true };
      if (!src.endsWith('.json') && !src.includes('/')) {
        throw new CaregateError('E_CONFIG', `unknown rule pack "${src}": use a shipped pack (${[...shipped].join(', ')}) or a path to a .json pack`, { path: `packs.${i}` });
      }
      return { pack: loadPackFile(src), file: src, trusted: false };
    }
    const name = typeof src.pack === 'string' ? src.pack : `#${i}`;
    return { pack: validatePackShape(src, `inline pack "${name}"`), file: `inline pack "${name}"`, trusted: false };
  });
}

/** "; did you mean "CREDIT_CARD"?" for a near miss of a rule id or entity, else nothing. */
function suggestion(name: string, rules: ReadonlyArray<{ id: string; entity: string }>): string {
  const near = nearestName(name, new Set(rules.flatMap((r) => [r.id, r.entity])));
  return near ? `; did you mean "${near}"?` : '';
}

export function createRedactor(input: RedactorConfig = {}): Redactor {
  const config = withSelectedPacks(parseConfig(input));
  for (const name of Object.keys(config.validators)) {
    if (Object.hasOwn(BUILTIN_VALIDATORS, name)) {
      throw new CaregateError('E_CONFIG', `validator "${name}" is built in; give yours another name`, { path: `validators.${name}` });
    }
  }
  const hmacKey = config.hmacKey === undefined ? undefined : Buffer.isBuffer(config.hmacKey) ? config.hmacKey : Buffer.from(config.hmacKey, 'utf8');
  const packs = loadPacks(config);
  checkDisabled(config.disable, packs.flatMap((p) => p.pack.rules));
  const keyHints: Record<string, string> = config.replaceKeyHints ? {} : { ...DEFAULT_KEY_HINTS };
  for (const [key, entity] of Object.entries(config.keyHints)) {
    if (entity === null) delete keyHints[normalizeKey(key)];
    else keyHints[normalizeKey(key)] = entity;
  }
  const plan: ScanPlan = compilePlan(packs, {
    modes: new Set([...config.modes, ...(config.aggressive ? ['aggressive'] : [])]),
    disable: new Set(config.disable),
    masks: config.masks as Record<string, string | ({ type: string } & Record<string, unknown>)>,
    validators: { ...BUILTIN_VALIDATORS, ...config.validators },
    maskEnv: { hmacKey, tokens: config.vault },
    keyHints,
  });
  for (const key of Object.keys(config.masks)) {
    if (!plan.rules.some((r) => r.id === key || r.entity === key)) {
      throw new CaregateError(
        'E_CONFIG',
        `masks.${key}: no active rule has this id or entity${suggestion(key, plan.rules)}; entities in use: ${[...new Set(plan.rules.map((r) => r.entity))].sort().join(', ')}`,
        { path: `masks.${key}` },
      );
    }
  }
  // The regexes every scan runs, compiled now for both kinds of string, while V8 still optimises them (regexp-warm.ts).
  compileEarly(scanRegExps(plan));
  const engine: EngineOptions = {
    minConfidence: config.minConfidence,
    validatorOptions: {
      defaultRegion: config.defaultRegion,
      ...(config.phoneRegions ? { regions: config.phoneRegions } : {}),
      currentYear: config.currentYear ?? new Date().getUTCFullYear(),
    },
  };
  const byEntity = new Map<string, CompiledRule>();
  for (const r of plan.rules) if (!byEntity.has(r.entity)) byEntity.set(r.entity, r);

  // The four modes made once: a session per short text need not allocate its own.
  const modes = [false, true].map((explain) => [false, true].map((mask) => Object.freeze({ explain, mask })));
  const session = (o: SessionOptions = {}) => new ScanSession(plan, engine, modes[o.explain ? 1 : 0]![o.mask === false ? 0 : 1]!, o.maskState);
  /**
   * A short text's one-shot scan (ScanSession.once) through a session kept per mode (index explain * 2 + mask)
   * and reused: a session per call costs more than the scan of a short PII-free text. The slot is empty while its
   * session scans, so a call made from inside one (a validator or token sink calling redact) gets its own.
   */
  const idle: (ScanSession | null)[] = [null, null, null, null];
  const once = (text: string, explain: boolean, mask: boolean): SessionOutput => {
    const k = (explain ? 2 : 0) + (mask ? 1 : 0);
    const s = idle[k] ?? session({ explain, mask });
    idle[k] = null;
    const out = s.once(text);
    // Only after a scan that returned: one that threw may have left the session part-way.
    idle[k] = s;
    return out;
  };

  const redactor: Redactor = {
    rules: plan.rules.map((r) => ({
      id: r.id,
      entity: r.entity,
      pack: r.pack,
      description: r.description,
      regulations: r.regulations,
      detector: r.detector,
      mask: r.mask.name,
      ...(r.docsUrl ? { docsUrl: r.docsUrl } : {}),
    })),
    detect(text, options) {
      assertString(text, 'detect');
      if (text.length < ONCE_BELOW) return once(text, options?.explain ?? false, false).findings;
      const s = session({ explain: options?.explain ?? false, mask: false });
      const a = s.push(text);
      const b = s.finish();
      return a.findings.length ? [...a.findings, ...b.findings] : b.findings;
    },
    redact(text, options) {
      assertString(text, 'redact');
      if (text.length < ONCE_BELOW && !options?.tokens) return once(text, false, true);
      const s = session(options?.tokens ? { maskState: { ...newMaskState(), tokens: options.tokens } } : {});
      const a = s.push(text);
      const b = s.finish();
      // A text shorter than a scan step is all in b (push only queued it): no copies.
      if (!a.text && !a.findings.length && !a.errors.length) return b;
      return { text: a.text + b.text, findings: [...a.findings, ...b.findings], errors: [...a.errors, ...b.errors] };
    },
    redactValue(value) {
      return redactDeep(redactor, value, keyHints);
    },
    session,
    keyHint(key) {
      return keyHintOf(keyHints, key);
    },
    createStream(options) {
      return new RedactStream(redactor, options);
    },
    createWebStream(options) {
      return new RedactWebStream(redactor, options);
    },
    ...(config.vault ? { tokens: config.vault } : {}),
    maskEntity(entity, text, state) {
      const rule = byEntity.get(entity);
      if (!rule) return `[${entity}]`;
      // A value that already is this mask's output (a record redacted before) stays as it is: idempotent.
      if (rule.mask.isMasked?.(text, entity)) return text;
      return rule.mask.apply({ text, digits: /^[\d\s\-.]+$/.test(text) ? text.replace(/\D/g, '') : '', entity, ruleId: rule.id, state });
    },
  };
  return redactor;
}

function assertString(text: unknown, fn: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new CaregateError('E_INPUT', `${fn}() takes a string, got ${text === null ? 'null' : typeof text}; use redactValue() for objects`);
  }
}

export { newMaskState };
