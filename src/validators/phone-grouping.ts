import { Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { DEFAULT_PHONE_REGIONS } from './phone.js';
import type { Validator } from './types.js';

/**
 * A national number written without a cue ("0408 344 286", "076 803 36 82", "971-6010796" in a CSV cell) is a
 * phone number when libphonenumber-js calls it valid in one of the configured regions and it is written the
 * way people write that region's numbers: in the library's own national grouping for that region (any
 * separators), or in pairs ("01 79 13 15 04 75"). Order, case and tracking numbers are grouped otherwise or
 * not at all; a number written as one run needs a cue (phone-contiguous, phone-near-cue).
 */

const MIN_DIGITS = 7;
const MAX_DIGITS = 13;

/** By region: the bit (1 << n) is set when a national number may be written with n digits (trunk prefix or not). */
const lengthMasks = new Map<string, number>();
interface PlanView {
  selectNumberingPlan(c: string): void;
  numberingPlan: { possibleLengths(): number[] | undefined; nationalPrefix?(): string | undefined };
}
let meta: PlanView | null = null;
/** Every length: the gate lets all through when the library's metadata cannot be read this way. */
const ANY_LENGTH = -1;

function lengthMask(region: string): number {
  let mask = lengthMasks.get(region);
  if (mask === undefined) {
    mask = 0;
    try {
      meta ??= new Metadata() as unknown as PlanView;
      meta.selectNumberingPlan(region);
      const prefix = meta.numberingPlan.nationalPrefix?.()?.length ?? 0;
      for (const n of meta.numberingPlan.possibleLengths() ?? []) mask |= (1 << n) | (1 << (n + prefix));
    } catch {
      // Metadata this version of the library does not expose: libphonenumber-js decides every length.
      mask = ANY_LENGTH;
    }
    lengthMasks.set(region, mask);
  }
  return mask;
}

/** Lengths of the digit runs of `text`. */
function groupsOf(text: string): number[] {
  const groups: number[] = [];
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) run++;
    else if (run) {
      groups.push(run);
      run = 0;
    }
  }
  if (run) groups.push(run);
  return groups;
}

/** Pairs: a first group of 1–4 digits, then groups of two, the last one of one or two ("06 20 02 86 46 5"). */
function inPairs(g: readonly number[]): boolean {
  if (g.length < 4 || g[0]! > 4) return false;
  for (let k = 1; k < g.length - 1; k++) if (g[k] !== 2) return false;
  return g[g.length - 1]! <= 2;
}

/** The library's verdict and national grouping for digits under a region, cached (verdicts and lengths only). */
interface Reading {
  valid: boolean;
  /** Digits of the library's national format, and its groups. */
  digits: string;
  groups: number[];
}
const CACHE_LIMIT = 2048;
const cache = new Map<string, Reading>();
const INVALID: Reading = { valid: false, digits: '', groups: [] };

function read(digits: string, region: string): Reading {
  const key = `${region}:${digits}`;
  let r = cache.get(key);
  if (r === undefined) {
    const p = parsePhoneNumberFromString(digits, region as CountryCode);
    if (p && p.isValid() && p.country === region) {
      const formatted = p.formatNational();
      r = { valid: true, digits: formatted.replace(/\D/g, ''), groups: groupsOf(formatted) };
    } else r = INVALID;
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, r);
  }
  return r;
}

/**
 * Whether the written groups are the library's national grouping: the same groups; or the written number
 * has a prefix the format leaves out ("1-415-555-2671": a leading group of its own), or leaves out the trunk
 * prefix the format writes ("408 344 286" for "0408 344 286": the first group that much shorter).
 */
export function sameGrouping(written: readonly number[], digits: string, r: Reading): boolean {
  const f = r.groups;
  if (digits === r.digits) return written.length === f.length && written.every((n, k) => n === f[k]);
  if (digits.endsWith(r.digits)) {
    const extra = written.length - f.length;
    if (extra < 1) return false;
    let lead = 0;
    for (let k = 0; k < extra; k++) lead += written[k]!;
    return lead === digits.length - r.digits.length && f.every((n, k) => n === written[extra + k]);
  }
  if (r.digits.endsWith(digits)) {
    const cut = r.digits.length - digits.length;
    return written.length === f.length && written[0] === f[0]! - cut && written.every((n, k) => k === 0 || n === f[k]);
  }
  return false;
}

export const phoneGrouping: Validator = ({ text, digits, options }) => {
  const n = digits.length;
  if (n < MIN_DIGITS || n > MAX_DIGITS) return false;
  const written = groupsOf(text);
  // One run needs a cue; two groups the second of one or two digits are an amount's decimals ("33330.00").
  if (written.length < 2 || (written.length === 2 && written[1]! <= 2)) return false;
  const pairs = inPairs(written);
  const regions = options.regions ?? DEFAULT_PHONE_REGIONS;
  const tried = new Set<string>();
  for (const region of [options.defaultRegion, ...regions]) {
    if (tried.has(region)) continue;
    tried.add(region);
    // An integer gate before any metadata lookup: most regions take no number of this length.
    if (!(lengthMask(region) & (1 << n))) continue;
    const r = read(digits, region);
    if (r.valid && (pairs || sameGrouping(written, digits, r))) return true;
  }
  return false;
};
