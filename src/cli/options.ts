import { Option, type Command } from 'commander';
import type { RedactorConfig } from '../config.js';
import { CaregateError } from '../errors.js';

/** Options every command that scans text shares: they map one to one onto createRedactor's config. */
export function addRedactorOptions(cmd: Command, defaults: { invalidUtf8?: 'replace' | 'error'; invalidUtf8Help?: string } = {}): Command {
  return cmd
    .option('--aggressive', 'transcript mode: mask every 13–19 digit run near card wording, whatever its checksum')
    .option(
      '--mask <entity=mask[:option…]>',
      'mask for an entity or rule id (last4, bin-last4, full, label, hmac, remove, token), with options after ":" (compact, keep-format, numbered, char=X, length=N, format-preserving, keep=last4|bin-last4), e.g. CREDIT_CARD=last4:compact; token needs --vault-scope; repeatable',
      collect,
      [],
    )
    .option('--pack <file>', 'add a custom rule pack (JSON, validated against rules/schema.json); repeatable', collect, [])
    .option('--only-packs <names>', 'comma-separated shipped packs or pack files to use instead of the defaults')
    .option('--disable <id-or-entity>', 'turn off a rule id or an entity; repeatable', collect, [])
    .option('--region <CC>', 'default region for national phone numbers', 'US')
    .option('--regions <list>', 'identifier packs to add, comma-separated: region codes (GB,IN,DE… see rules/presets/regions.json), shipped pack names (hipaa, crypto…) or safe-harbor')
    .option('--min-confidence <n>', 'drop findings below this confidence (0–1)', parseFloat)
    .addOption(
      new Option('--invalid-utf8 <policy>', defaults.invalidUtf8Help ?? 'bytes that are not UTF-8: replace them with U+FFFD, or fail the input (exit 3)')
        .choices(['replace', 'error'])
        .default(defaults.invalidUtf8 ?? 'replace'),
    )
    .option(
      '--max-value-bytes <n>',
      'largest JSON string or member name, NDJSON line or CSV record held in memory (default 16 MiB); larger ones fail the input (exit 3) instead of filling memory',
      parseMaxValueBytes,
    );
}

function parseMaxValueBytes(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1024) throw new CaregateError('E_USAGE', `--max-value-bytes takes a whole number of bytes ≥ 1024, got "${v}"`);
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export interface RedactorCliOptions {
  aggressive?: boolean;
  mask: string[];
  pack: string[];
  onlyPacks?: string;
  disable: string[];
  region: string;
  regions?: string;
  minConfidence?: number;
  invalidUtf8: 'replace' | 'error';
  maxValueBytes?: number;
}

/** Builds the redactor configuration; the hmac key comes from CAREGATE_HMAC_KEY, never from argv. */
export function redactorConfigFrom(o: RedactorCliOptions): RedactorConfig {
  const masks: Record<string, string | MaskObject> = {};
  for (const m of o.mask) {
    const eq = m.indexOf('=');
    if (eq <= 0) throw new CaregateError('E_USAGE', `--mask takes ENTITY=MASK[:OPTION…] (for example CREDIT_CARD=bin-last4 or CREDIT_CARD=last4:compact), got "${m}"`);
    masks[m.slice(0, eq)] = parseMaskValue(m.slice(eq + 1), m);
  }
  const config: RedactorConfig = {
    aggressive: !!o.aggressive,
    masks,
    extraPacks: o.pack,
    disable: o.disable,
    defaultRegion: o.region.toUpperCase(),
  };
  if (o.onlyPacks) config.packs = o.onlyPacks.split(',').map((s) => s.trim()).filter(Boolean);
  if (o.regions) config.regions = o.regions.split(',').map((s) => s.trim()).filter(Boolean);
  if (o.minConfidence !== undefined) config.minConfidence = o.minConfidence;
  if (process.env.CAREGATE_HMAC_KEY) config.hmacKey = process.env.CAREGATE_HMAC_KEY;
  return config;
}

type MaskObject = { type: string } & Record<string, string | number | boolean>;

const MASK_FLAG_OPTIONS = 'compact or keep-format (style), numbered (label), char=X (the mask character), length=N (hmac), format-preserving and keep=last4|bin-last4 (token)';

/**
 * `last4`, or the object form in flag syntax: `last4:compact`, `full:char=*`, `label:numbered`, `hmac:length=12`,
 * options joined by ":" (docs/cli.md "Masks on the command line"). The mask itself validates what it takes.
 */
export function parseMaskValue(value: string, flag: string): string | MaskObject {
  const [type, ...parts] = value.split(':');
  if (!type) throw new CaregateError('E_USAGE', `--mask ${flag}: name a mask after "=" (last4, bin-last4, full, label, hmac, remove)`);
  if (parts.length === 0) return type;
  const spec: MaskObject = { type };
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const arg = eq < 0 ? undefined : part.slice(eq + 1);
    if ((key === 'compact' || key === 'keep-format') && arg === undefined) spec.style = key;
    else if (key === 'numbered' && arg === undefined) spec.numbered = true;
    else if (key === 'char' && arg) spec.char = arg;
    else if (key === 'length' && arg && /^\d{1,3}$/.test(arg)) spec.length = Number(arg);
    else if (key === 'format-preserving' && arg === undefined) spec.form = key;
    else if (key === 'keep' && (arg === 'last4' || arg === 'bin-last4')) spec.keep = arg;
    else throw new CaregateError('E_USAGE', `--mask ${flag}: unknown mask option "${part}"; the options are ${MASK_FLAG_OPTIONS}, joined by ":" (for example CREDIT_CARD=last4:compact:char=*)`);
  }
  return spec;
}
