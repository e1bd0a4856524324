import { getCountries, getCountryCallingCode, Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { DEFAULT_PHONE_REGIONS, EXTENSION } from './phone.js';
import { nationalReading } from './phone-national.js';
import { phoneVerdict, validInCountry } from './phone-verdict.js';
import type { Validator } from './types.js';
import { VerdictCache } from './verdict-cache.js';

/**
 * A national number written without a cue ("0408 344 286", "076 803 36 82", "971-6010796" in a CSV cell) is a
 * phone number when libphonenumber-js calls it valid in one of the configured regions and it is written the
 * way people write that region's numbers: in the library's own national grouping for that region (any
 * separators), or in pairs ("01 79 13 15 04 75"). Order, case and tracking numbers are grouped otherwise or
 * not at all; a number written as one run needs a cue (phone-contiguous, phone-near-cue).
 *
 * When no `regions` are configured, a number no region of the default list takes may still be one of any other
 * region of the library's metadata (customers write from everywhere: "8 (946) 676-35-80", "06 20 522 9515"),
 * on stricter evidence: written exactly as the library's national format for that region writes it, its
 * trunk prefix included when the format writes one ("47-9640209" reads as a Finnish number only without the
 * trunk "0" of "047 9640209": a case number).
 */

const MIN_DIGITS = 7;
const MAX_DIGITS = 13;

/** By region: the bit (1 << n) is set when a national number may be written with n digits (trunk prefix or not). */
const lengthMasks = new Map<string, number>();
interface FormatView {
  pattern(): string;
  format(): string;
  /** The national prefix formatting rule ("0$1", "(0$1)"); 0 or undefined when the format has none. */
  nationalPrefixFormattingRule?(): string | number | undefined;
}
interface PlanView {
  selectNumberingPlan(c: string): void;
  numberingPlan: {
    possibleLengths(): number[] | undefined;
    nationalPrefix?(): string | undefined;
    nationalNumberPattern?(): string;
    formats?(): FormatView[];
  };
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

/**
 * By region: the groupings (digit counts joined by '-') its national formats write, with the trunk prefix glued
 * to the first group, as a group of its own, or left out; null when the metadata cannot be read this way (no
 * gate). An integer-keyed gate before the library parses anything: most digit runs fit no region's grouping.
 */
const shapeSets = new Map<string, Set<string> | null>();
const MAX_SHAPES = 256;

/** Digit counts of a format's groups as written ("($1) $2-$3" with (\d{3})(\d{3})(\d{4}): [[3], [3], [4]]), ranges expanded. */
function formatGroups(f: FormatView): number[][] | null {
  const counts: number[][] = [];
  for (const m of f.pattern().matchAll(/\((?:\\d(?:\{(\d+)(?:,(\d+))?\})?)\)/g)) {
    const lo = m[1] === undefined ? 1 : Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    const c: number[] = [];
    for (let n = lo; n <= Math.min(hi, MAX_DIGITS); n++) c.push(n);
    counts.push(c);
  }
  // Groups the format writes with nothing between them are one written group ("$1$2 $3").
  const parts = f.format().split(/\$\d/);
  if (counts.length === 0 || parts.length - 1 !== counts.length) return null;
  const merged: number[][] = [counts[0]!];
  for (let k = 1; k < counts.length; k++) {
    if (parts[k] === '') {
      const last = merged.pop()!;
      merged.push([...new Set(last.flatMap((a) => counts[k]!.map((b) => a + b)))]);
    } else merged.push(counts[k]!);
  }
  return merged;
}

function shapeSet(region: string): Set<string> | null {
  if (shapeSets.has(region)) return shapeSets.get(region)!;
  let set: Set<string> | null = new Set();
  try {
    meta ??= new Metadata() as unknown as PlanView;
    meta.selectNumberingPlan(region);
    const trunk = meta.numberingPlan.nationalPrefix?.()?.length ?? 0;
    const formats = meta.numberingPlan.formats?.();
    if (!formats) throw new Error('no formats');
    for (const f of formats) {
      const groups = formatGroups(f);
      if (!groups) throw new Error('unread format');
      let shapes: number[][] = [[]];
      for (const g of groups) shapes = shapes.flatMap((s) => g.map((n) => [...s, n])).slice(0, MAX_SHAPES);
      for (const sh of shapes) {
        set.add(sh.join('-'));
        if (trunk) {
          set.add([sh[0]! + trunk, ...sh.slice(1)].join('-'));
          set.add([trunk, ...sh].join('-'));
        }
      }
    }
  } catch {
    set = null;
  }
  shapeSets.set(region, set);
  return set;
}

/** By region: its national numbers' general pattern (compiled once) and trunk prefix; null: no gate. */
const generals = new Map<string, { re: RegExp; trunk: string } | null>();

/** Whether the digits (their trunk prefix left out) match the region's general pattern: a regex test, no parse. */
function generalFits(region: string, digits: string): boolean {
  let g = generals.get(region);
  if (g === undefined) {
    try {
      meta ??= new Metadata() as unknown as PlanView;
      meta.selectNumberingPlan(region);
      const pattern = meta.numberingPlan.nationalNumberPattern?.();
      g = pattern ? { re: new RegExp(`^(?:${pattern})$`), trunk: meta.numberingPlan.nationalPrefix?.() ?? '' } : null;
    } catch {
      g = null;
    }
    generals.set(region, g);
  }
  if (g === null) return true;
  return g.re.test(digits) || (g.trunk !== '' && digits.startsWith(g.trunk) && g.re.test(digits.slice(g.trunk.length)));
}

/**
 * Whether the written groups may be one of the region's groupings (or one with a leading group of its own,
 * "1-415-555-2671"): `key` is the groups' shape key ("3-3-4"), `tail` the key without the first group.
 */
function shapeFits(region: string, key: string, tail: string): boolean {
  const set = shapeSet(region);
  return set === null || set.has(key) || set.has(tail);
}

/**
 * The regions outside the default list by written grouping ("2-2-3-4", shapeSet). Built once, on the first
 * number no default region takes; null when the metadata cannot be read this way (then no region outside the
 * list is tried).
 */
let worldIndex: Map<string, string[]> | null | undefined;
function worldRegions(shape: string): readonly string[] {
  if (worldIndex === undefined) {
    const index = new Map<string, string[]>();
    const listed = new Set(DEFAULT_PHONE_REGIONS);
    try {
      for (const region of getCountries()) {
        if (listed.has(region)) continue;
        // A region whose formats cannot be read this way is left out (its numbers need a cue).
        const set = shapeSet(region);
        if (set === null) continue;
        for (const key of set) {
          const list = index.get(key) ?? [];
          if (!list.includes(region)) list.push(region);
          index.set(key, list);
        }
      }
      worldIndex = index;
    } catch {
      worldIndex = null;
    }
  }
  return worldIndex?.get(shape) ?? [];
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

/** The non-digit runs of `text`, joined by '|' ("8 (946) 676-35-80": " (|) |-|-"). */
function joinersOf(text: string): string {
  return text.split(/\d+/).join('|');
}

/** One separator between every two groups, and no parentheses ("0979.882.119", "064-7105159"). */
function uniformJoiners(text: string): boolean {
  const inner = text.replace(/^\D+|\D+$/g, '').split(/\d+/).filter((j) => j !== '');
  return inner.every((j) => j === inner[0]) && !/[()]/.test(text);
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
  /** What the library's national format writes between and around its groups ("(|) |-"): separators only. */
  joiners: string;
}
const CACHE_LIMIT = 2048;
const cache = new VerdictCache<Reading>(CACHE_LIMIT);
const INVALID: Reading = { valid: false, digits: '', groups: [], joiners: '' };

function readingOf(formatted: string): Reading {
  return { valid: true, digits: formatted.replace(/\D/g, ''), groups: groupsOf(formatted), joiners: joinersOf(formatted) };
}

function read(digits: string, region: string): Reading {
  const key = `${region}:${digits}`;
  let r = cache.get(key);
  if (r === undefined) {
    // The library's parse, verdict and national format from the region's metadata compiled once
    // (phone-national.ts); the library itself for the inputs that module does not answer.
    const fast = nationalReading(digits, region);
    if (fast !== undefined) r = fast === null ? INVALID : readingOf(fast);
    else {
      // isValidPhone's verdict: compiled patterns for the +1 regions (phone-verdict.ts), else the library's.
      // One parse serves the library's verdict and the format.
      const p = phoneVerdict(digits, false, region) === false ? undefined : parsePhoneNumberFromString(digits, region as CountryCode);
      // isValid() of the parsed number from its country's patterns compiled once (the library builds them
      // again on every call), the library itself when that country's metadata cannot be followed.
      r = p && (p.country === undefined ? p.isValid() : (validInCountry(p.country, p.nationalNumber) ?? p.isValid())) ? readingOf(p.formatNational()) : INVALID;
    }
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

/**
 * Verdicts by regions and written number: the digit scanner and the table pass ask about the same CSV cell.
 * Booleans only, keyed by text being scanned, evicted oldest generation first.
 */
const verdicts = new VerdictCache<boolean>(CACHE_LIMIT);

/** The regions joined for the verdicts' keys, made once per list (a redactor's options hold one). */
let keyedRegions: readonly string[] | null = null;
let regionsJoined = '';
function regionsKey(regions: readonly string[]): string {
  if (regions !== keyedRegions) {
    keyedRegions = regions;
    regionsJoined = regions.join(',');
  }
  return regionsJoined;
}

export const phoneGrouping: Validator = ({ text: raw, digits, options }) => {
  // An extension after the number ("578 833 958 x9474") is no group of it; the candidate's digits leave it out.
  const text = raw.replace(EXTENSION, '');
  const n = digits.length;
  if (n < MIN_DIGITS || n > MAX_DIGITS) return false;
  const written = groupsOf(text);
  // One run needs a cue; two groups the second of one or two digits are an amount's decimals ("33330.00").
  if (written.length < 2 || (written.length === 2 && written[1]! <= 2)) return false;
  const regions = options.regions ?? DEFAULT_PHONE_REGIONS;
  const key = `${options.defaultRegion},${regionsKey(regions)}:${text}`;
  let ok = verdicts.get(key);
  if (ok === undefined) {
    ok = groupedInRegion(written, digits, options.defaultRegion, regions) || (!options.regions && writtenAsElsewhere(text, written, digits));
    verdicts.set(key, ok);
  }
  return ok;
};

/** Whether the digits are a valid number of one of the regions, written in its grouping or in pairs. */
function groupedInRegion(written: readonly number[], digits: string, defaultRegion: string, regions: readonly string[]): boolean {
  const n = digits.length;
  const pairs = inPairs(written);
  // The shape keys once for every region (most numbers are tried in many).
  const key = written.join('-');
  const tail = written.slice(1).join('-');
  for (let k = -1; k < regions.length; k++) {
    const region = k < 0 ? defaultRegion : regions[k]!;
    // Each region once, in order: the default first.
    if (k >= 0 && (region === defaultRegion || regions.indexOf(region) < k)) continue;
    // An integer gate before any metadata lookup: most regions take no number of this length.
    if (!(lengthMask(region) & (1 << n)) || (!pairs && !shapeFits(region, key, tail)) || !generalFits(region, digits)) continue;
    const r = read(digits, region);
    if (r.valid && (pairs || sameGrouping(written, digits, r))) return true;
  }
  return false;
}

/**
 * By region: what each national format of its calling code writes (a number parsed for a region may belong
 * to another region of the same code, whose formats then write it): the digits before the number's own
 * (the national prefix formatting rule's "0", "8"…), and the format's pattern when the number's digits are
 * exactly its groups' in order (every group captured, no digit written between them); null: no gate.
 */
interface FormatLead {
  lead: string;
  /** The format's pattern, whole (the library's matchesEntirely), or null when it cannot be compared so. */
  whole: RegExp | null;
}
const formatLeads = new Map<string, FormatLead[] | null>();
/** Every region sharing a calling code with the region, itself included. */
let regionsByCode: Map<string, string[]> | undefined;
/** A pattern made of digit groups only ("(\d{3})(\d{3,4})"): its groups hold every digit of the number. */
const GROUPS_ONLY = /^(?:\(\\d(?:\{\d+(?:,\d+)?\})?\))+$/;

function leadsOf(region: string): FormatLead[] | null {
  let leads = formatLeads.get(region);
  if (leads !== undefined) return leads;
  leads = null;
  try {
    if (!regionsByCode) {
      regionsByCode = new Map();
      for (const c of getCountries()) {
        const code = getCountryCallingCode(c);
        regionsByCode.set(code, [...(regionsByCode.get(code) ?? []), c]);
      }
    }
    meta ??= new Metadata() as unknown as PlanView;
    const list: FormatLead[] = [];
    let readable = true;
    for (const other of regionsByCode.get(getCountryCallingCode(region as CountryCode)) ?? [region]) {
      meta.selectNumberingPlan(other);
      const formats = meta.numberingPlan.formats?.();
      if (!formats || formats.length === 0) readable = false;
      for (const f of formats ?? []) {
        // formatNationalNumberUsingFormat: the first group reference of the format replaced by the prefix
        // formatting rule when it has one (0 in compressed metadata: none). The number's digits follow the
        // digits written before the first group reference.
        if (!f.nationalPrefixFormattingRule) readable = false;
        const rule = f.nationalPrefixFormattingRule?.();
        const template = rule ? f.format().replace(/(\$\d)/, String(rule)) : f.format();
        const at = template.indexOf('$');
        const lead = (at < 0 ? template : template.slice(0, at)).replace(/\D/g, '');
        // The number's digits are lead + its own when the template writes every group once, in order, and
        // no digit between them, and the pattern is digit groups only.
        const refs = (template.match(/\$\d/g) ?? []).join('');
        const groups = (f.pattern().match(/\(/g) ?? []).length;
        const inOrder = refs === Array.from({ length: groups }, (_, k) => `$${k + 1}`).join('');
        const exact = at >= 0 && inOrder && !/\d/.test(template.slice(at).replace(/\$\d/g, '')) && GROUPS_ONLY.test(f.pattern());
        list.push({ lead, whole: exact ? new RegExp(`^(?:${f.pattern()})$`) : null });
      }
    }
    if (readable && list.length > 0) leads = list;
  } catch {
    leads = null;
  }
  formatLeads.set(region, leads);
  return leads;
}

/**
 * Whether the library's national format for the region may write exactly these digits: a format writes
 * them when they start with its lead and the rest is a number its pattern takes whole (the library formats
 * a number only with a format whose pattern matches it entirely; a number no format takes is written as
 * one group, which no grouping of two or more matches). A gate of string prefixes and one compiled regex
 * before the library parses anything: most numbers tried in other regions fail it.
 */
export function formatFits(region: string, digits: string): boolean {
  const leads = leadsOf(region);
  if (leads === null) return true;
  for (const { lead, whole } of leads) if (digits.startsWith(lead) && (whole === null || whole.test(digits.slice(lead.length)))) return true;
  return false;
}

/**
 * Whether the digits are a valid number of a region outside the default list written exactly as the library's
 * national format writes it there, trunk prefix included (see the top of this file).
 */
function writtenAsElsewhere(text: string, written: readonly number[], digits: string): boolean {
  const n = digits.length;
  for (const region of worldRegions(written.join('-'))) {
    if (!(lengthMask(region) & (1 << n)) || !formatFits(region, digits) || !generalFits(region, digits)) continue;
    // The library's national format writes these very digits (its trunk prefix too, when it writes one) in these groups.
    const r = read(digits, region);
    if (!r.valid || r.digits !== digits || written.length !== r.groups.length || !written.every((g, k) => g === r.groups[k])) continue;
    // Its separators too: the format's own, or one separator throughout ("586.04 (18" is an amount and a date).
    if (uniformJoiners(text) || joinersOf(text) === r.joiners) return true;
  }
  return false;
}
