/**
 * Regexes compiled early, while V8 still optimises them (issue 20, short strings).
 *
 * V8 compiles a regex lazily, once for one-byte and once for two-byte subjects, at its first exec with each
 * kind of string; with regexp tier-up (the default) a subject under 1,000 characters first gets bytecode for
 * the regexp interpreter and the native code comes at the next exec. A compile checks `TooMuchRegExpCode`
 * (regexp.cc): once the isolate has generated more than 1 MB of regexp code in total (bytecode and native
 * code, freed code included: the count never goes down) and holds more than 16 MB of executable memory,
 * every regex compiled from then on gets *unoptimised*, "slow safe" native code: no quick checks, no
 * Boyer-Moore skips. caregate alone generates several MB of regexp code (the keyword tries), and a process
 * that has redacted a few MB of text holds over 16 MB of code; from then on, every gate compiled for the
 * first time ran 4–12× slower for good (a fresh `/[^\x00-\x7f]/` over a 100-character line: 106 ns in a
 * fresh process, 1,344 ns after 1 MB of care text). Long care text is mostly two-byte (one character above
 * U+00FF makes the whole string two-byte), so the one-byte code of the gates, which ASCII log lines and form
 * fields need, was compiled only when the first such line came, often late: a PII-free 100-character log
 * line cost 28 µs instead of 7.
 *
 * So the regexes a scan runs on every text are compiled when the redactor is created, for both kinds of
 * string and straight to native code (a sample of 1,000 characters or more skips the bytecode tier, which
 * also halves the regexp code they add to the count), smallest first. Matching never depends on it: a
 * regex's results are the same whatever code V8 runs it with; only `lastIndex` is touched, and restored.
 *
 * A redactor made later (one per tenant or configuration) would compile its own copies late, unoptimised
 * (18 µs per log line instead of 5): V8 shares compiled code between regexes of one pattern only while its
 * compilation cache holds the pattern, which a few full GCs clear. So the gates of a plan are shared with
 * every plan made before by pattern and flags (`shareGates`): a later redactor uses the compiled ones. Every
 * pass sets a gate's `lastIndex` before running it, so plans can share them.
 */

/** V8 tiers a regex up to native code at once for a subject of this many characters (JSRegExp::kTierUpForSubjectLengthValue). */
const TIER_UP_LENGTH = 1000;

/** English letter frequencies (per mille, the usual published table): the sample reads like prose to V8. */
const LETTERS = 'etaoinshrdlcumwfgypbvkjxqz';
const PER_MILLE = [127, 91, 82, 75, 70, 67, 63, 61, 60, 43, 40, 28, 28, 24, 24, 22, 20, 20, 19, 15, 10, 8, 2, 2, 1, 1];

function sample(): string {
  // V8 chooses what a compiled regex's skips look for by the character frequencies of the subject it is
  // first compiled on (128 characters from its middle): a uniform sample made the gates 6–11% slower on
  // long care text. So: words of letters drawn by English frequencies, spaces, a capital, punctuation, a
  // number and a line break now and then, from a fixed seed.
  const total = PER_MILLE.reduce((a, b) => a + b, 0);
  let seed = 20261207;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const letter = () => {
    let r = next(total);
    let k = 0;
    while (r >= PER_MILLE[k]!) r -= PER_MILLE[k++]!;
    return LETTERS[k]!;
  };
  let s = '';
  while (s.length < TIER_UP_LENGTH) {
    let w = '';
    for (let n = 2 + next(6); n > 0; n--) w += letter();
    if (next(8) === 0) w = w[0]!.toUpperCase() + w.slice(1);
    if (next(20) === 0) w = String(next(10_000));
    s += w + (next(12) === 0 ? '\n' : next(10) === 0 ? ', ' : next(14) === 0 ? '. ' : ' ');
  }
  return s;
}

const ONE_BYTE = sample();
/** The same text as a two-byte string (a character above U+00FF at its end). */
const TWO_BYTE = `${ONE_BYTE}\u0100`;

/** Regexes of modules that a scan runs on every text, registered where they are made (see `everyText`). */
const moduleRegExps: RegExp[] = [];

/** Registers a module's regex that the scan runs on every text, to be compiled early with the plan's. */
export function everyText<T extends RegExp>(re: T): T {
  moduleRegExps.push(re);
  return re;
}

const warmed = new WeakSet<RegExp>();

/**
 * Compiles each regex for one-byte and two-byte strings now, smallest pattern first (big tries last: they
 * add the most to V8's count). A regex object is compiled once; objects made from the same pattern share
 * V8's compiled code while its compilation cache holds them.
 */
export function compileEarly(res: Iterable<RegExp | null | undefined>): void {
  const list: RegExp[] = [];
  for (const re of [...moduleRegExps, ...res]) if (re && !warmed.has(re)) list.push(re);
  list.sort((a, b) => a.source.length - b.source.length);
  for (const re of list) {
    if (warmed.has(re)) continue;
    warmed.add(re);
    const last = re.lastIndex;
    re.lastIndex = 0;
    re.test(ONE_BYTE);
    re.lastIndex = 0;
    re.test(TWO_BYTE);
    re.lastIndex = last;
  }
}

/** Gates by flags and pattern, the first of each kept (bounded: the oldest go first). */
const canonical = new Map<string, RegExp>();
const CANONICAL_LIMIT = 4096;

function shared(re: RegExp): RegExp {
  const key = `${re.flags}/${re.source}`;
  const c = canonical.get(key);
  if (c !== undefined) return c;
  if (canonical.size >= CANONICAL_LIMIT) canonical.delete(canonical.keys().next().value as string);
  canonical.set(key, re);
  return re;
}

/**
 * Replaces each regex held by the given objects' own properties (directly, or in an array held there) with
 * the first regex of its pattern and flags any plan gave: a redactor made later shares the compiled gates.
 */
export function shareGates(holders: Iterable<object | null | undefined>): void {
  for (const o of holders) {
    if (!o) continue;
    const rec = o as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      const v = rec[k];
      // A frozen holder keeps its own (assigning would throw in a module).
      if (v instanceof RegExp) {
        const c = shared(v);
        if (c !== v && Object.getOwnPropertyDescriptor(rec, k)?.writable) rec[k] = c;
      } else if (Array.isArray(v) && !Object.isFrozen(v)) {
        for (let i = 0; i < v.length; i++) if (v[i] instanceof RegExp) v[i] = shared(v[i] as RegExp);
      }
    }
  }
}
