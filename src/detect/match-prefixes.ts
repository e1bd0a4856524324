/**
 * The first few characters every match of a regex starts with (for the gram prefilter, prefilter.ts), read
 * off the pattern by a small parser of its own: refa's parser takes 0.1–0.4 s on the keyword tries (tens of
 * thousands of nodes), this one a millisecond, and only the first GRAM characters of a match matter.
 *
 * Characters are folded to values 0–127: an ASCII character is its lower case, every other character (and
 * NUL) is 0. A prefix is a list of value sets (bit v of a bigint: value v). The analysis is a necessary
 * condition: a lookahead's text is required as well (intersected with what follows), lookbehinds, negative
 * lookaheads and \b constrain nothing; anything the parser does not read (backreferences, astral
 * characters under the u flag) throws, and the caller then has no filter for the pattern.
 */

/** A set of folded values: bit v set when a character of value v may stand here. */
export type Values = bigint;
export type Prefix = Values[];

type Node =
  | { type: 'chars'; values: Values }
  | { type: 'alt'; alternatives: Node[][] }
  | { type: 'repeat'; min: number; max: number; alternatives: Node[][] }
  | { type: 'ahead'; alternatives: Node[][] }
  /** A negative lookahead of one character class: the next character, if any, is one of `values`. */
  | { type: 'next'; values: Values }
  | { type: 'empty'; boundary: boolean };

export const ALL_VALUES: Values = (1n << 128n) - 1n;
const fold = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);
const bit = (c: number): Values => 1n << BigInt(c < 128 ? fold(c) : 0);
const K = bit(107);
const S = bit(115);

/** ASCII ranges as value sets. */
const range = (lo: number, hi: number): Values => {
  let v = 0n;
  for (let c = lo; c <= hi; c++) v |= bit(c);
  return v;
};
/** The values of the characters \b counts as word characters (ASCII letters, digits, '_'). */
export const WORD_VALUES: Values = range(48, 57) | range(65, 90) | range(97, 122) | bit(95);
/** ASCII characters (unfolded, bit c for code c) of the escape classes, for complements. */
const asciiOf = (test: (c: number) => boolean): bigint => {
  let v = 0n;
  for (let c = 0; c < 128; c++) if (test(c)) v |= 1n << BigInt(c);
  return v;
};
const ASCII_DIGIT = asciiOf((c) => c >= 48 && c <= 57);
const ASCII_WORD = asciiOf((c) => /\w/.test(String.fromCharCode(c)));
const ASCII_SPACE = asciiOf((c) => /\s/.test(String.fromCharCode(c)));
const ASCII_ALL = (1n << 128n) - 1n;

/** A class under construction: its ASCII characters exactly (bit c for code c), and whether it holds any other. */
interface CharClass {
  ascii: bigint;
  other: boolean;
}

/** The values of one character, by code (128: any character from 128 on). */
const LITERALS: readonly Values[] = Array.from({ length: 129 }, (_, c) => (c < 128 ? bit(c) : 1n));

const classValues = new Map<bigint, Values>();

function valuesOfClass(cls: CharClass, flags: string): Values {
  // Keyed by the ASCII set (a pattern repeats its letters thousands of times); bit 128 is `other`.
  const key = cls.other ? cls.ascii | (1n << 128n) : cls.ascii;
  let v = classValues.get(key);
  if (v === undefined) {
    v = cls.other ? 1n : 0n;
    for (let c = 0; c < 128; c++) if ((cls.ascii >> BigInt(c)) & 1n) v |= bit(c);
    if (classValues.size < 4096) classValues.set(key, v);
  }
  // Under /iu, U+017F folds to 's' and U+212A to 'k' (and back): keep them together.
  if (flags.includes('i') && /[uv]/.test(flags) && (v & (K | S | 1n)) !== 0n) v |= K | S | 1n;
  return v;
}

class Parser {
  private i = 0;
  readonly unicode: boolean;
  /** Case-insensitive Unicode: 's' and 'k' fold with U+017F and U+212A. */
  private readonly iu: boolean;
  private readonly escapes = new Map<string, Values>();

  constructor(
    private readonly src: string,
    private readonly flags: string,
  ) {
    this.unicode = /[uv]/.test(flags);
    this.iu = this.unicode && flags.includes('i');
    if (flags.includes('v')) throw new Error('v flag not read');
  }

  parse(): Node[][] {
    const alts = this.alternatives();
    if (this.i !== this.src.length) throw new Error('unbalanced )');
    return alts;
  }

  private alternatives(): Node[][] {
    const alts = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Node[] {
    const out: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      out.push(this.quantified(atom));
    }
    return out;
  }

  private quantified(atom: Node): Node {
    const c = this.src[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i, this.i + 24));
      if (!m) {
        if (this.unicode) throw new Error('lone {');
        return atom;
      }
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else {
      return atom;
    }
    if (this.src[this.i] === '?') this.i++;
    if (atom.type === 'empty') return atom;
    return { type: 'repeat', min, max, alternatives: [[atom]] };
  }

  private atom(): Node {
    const c = this.src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return { type: 'chars', values: valuesOfClass(this.charClass(), this.flags) };
    if (c === '*' || c === '+' || c === '?') throw new Error('nothing to repeat');
    this.i++;
    if (c === '.') return { type: 'chars', values: valuesOfClass({ ascii: this.flags.includes('s') ? ASCII_ALL : ASCII_ALL & ~((1n << 10n) | (1n << 13n)), other: true }, this.flags) };
    if (c === '^' || c === '$') return { type: 'empty', boundary: false };
    if (c === '\\') {
      const e = this.src[this.i]!;
      if (e === 'b' || e === 'B') {
        this.i++;
        return { type: 'empty', boundary: e === 'b' };
      }
      // Escapes repeat (\s{1,3} between every two words of a phrase): their values are kept per escape.
      const key = this.src.slice(this.i, this.i + 2);
      const known = /^[dDwWsStnrfv]/.test(key) ? this.escapes.get(key[0]!) : undefined;
      if (known !== undefined) {
        this.i++;
        return { type: 'chars', values: known };
      }
      const values = valuesOfClass(this.escape(), this.flags);
      if (/^[dDwWsStnrfv]/.test(key)) this.escapes.set(key[0]!, values);
      return { type: 'chars', values };
    }
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff && this.unicode) throw new Error('astral characters');
    return { type: 'chars', values: this.iu ? valuesOfClass(this.literal(code), this.flags) : LITERALS[Math.min(code, 128)]! };
  }

  private literal(code: number): CharClass {
    if (code >= 0xd800 && code <= 0xdfff && this.unicode) throw new Error('astral characters');
    return code < 128 ? { ascii: 1n << BigInt(code), other: false } : { ascii: 0n, other: true };
  }

  private group(): Node {
    const rest = this.src.slice(this.i, this.i + 4);
    let kind: 'group' | 'ahead' | 'not' = 'group';
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=')) [this.i, kind] = [this.i + 3, 'ahead'];
    else if (rest.startsWith('(?!') || rest.startsWith('(?<=') || rest.startsWith('(?<!')) [this.i, kind] = [this.i + (rest[2] === '<' ? 4 : 3), 'not'];
    else if (rest.startsWith('(?<')) {
      const close = this.src.indexOf('>', this.i);
      if (close < 0) throw new Error('bad group name');
      this.i = close + 1;
    } else if (rest.startsWith('(?')) throw new Error('group modifiers not read');
    else this.i += 1;
    if (kind === 'not' && rest.startsWith('(?!')) {
      const next = this.notOneClass();
      if (next !== null) return next;
    }
    if (kind === 'not') {
      // What a negative or behind assertion holds constrains no prefix: skipped unread (keyword tries hold thousands).
      this.skipGroup();
      return { type: 'empty', boundary: false };
    }
    const alternatives = this.alternatives();
    if (this.src[this.i] !== ')') throw new Error('missing )');
    this.i++;
    return kind === 'ahead' ? { type: 'ahead', alternatives } : { type: 'alt', alternatives };
  }

  /**
   * A negative lookahead whose body is one character or class ("(?![A-Za-z])", the end of every word of a
   * keyword trie): the values the next character may have. Value 0 is always kept (it also stands for the
   * end of the text, where a negative lookahead holds). Null, and nothing read, for any other body.
   */
  private notOneClass(): Node | null {
    const start = this.i;
    // Tries end every word with the same lookahead: read each body once.
    const close = this.src.indexOf(')', start);
    const body = close > start ? this.src.slice(start, close) : '';
    const known = this.nexts.get(body);
    if (known !== undefined) {
      this.i = close + 1;
      return known;
    }
    const node = this.readNotOneClass();
    if (node !== null && this.i === close + 1) this.nexts.set(body, node);
    return node;
  }

  private readonly nexts = new Map<string, Node>();

  private readNotOneClass(): Node | null {
    const start = this.i;
    try {
      const c = this.src[this.i];
      let cls: CharClass;
      if (c === '[') cls = this.charClass();
      else if (c === '\\' && this.src[this.i + 1] !== 'b' && this.src[this.i + 1] !== 'B') {
        this.i++;
        cls = this.escape();
      } else if (c !== undefined && !'()|[]{}?*+.^$\\'.includes(c)) {
        this.i++;
        cls = this.literal(c.charCodeAt(0));
      } else throw new Error('not one class');
      if (this.src[this.i] !== ')') throw new Error('not one class');
      this.i++;
      const caseless = this.flags.includes('i');
      let values = 1n;
      for (let v = 1; v < 128; v++) {
        const upper = v >= 97 && v <= 122 ? v - 32 : -1;
        const has = (code: number) => code >= 0 && ((cls.ascii >> BigInt(code)) & 1n) === 1n;
        // Under /i the class matches both cases of a letter it holds in one.
        const excluded = upper < 0 ? has(v) : caseless ? has(v) || has(upper) : has(v) && has(upper);
        if (!excluded) values |= 1n << BigInt(v);
      }
      return { type: 'next', values };
    } catch {
      this.i = start;
      return null;
    }
  }

  /** Moves past the ')' that closes the group whose body starts here (escapes and classes read as such). */
  private skipGroup(): void {
    let depth = 1;
    let inClass = false;
    while (this.i < this.src.length) {
      const c = this.src.charCodeAt(this.i++);
      if (c === 92) this.i++;
      else if (inClass) inClass = c !== 93;
      else if (c === 91) inClass = true;
      else if (c === 40) depth++;
      else if (c === 41 && --depth === 0) return;
    }
    throw new Error('missing )');
  }

  private charClass(): CharClass {
    this.i++; // [
    const negate = this.src[this.i] === '^';
    if (negate) this.i++;
    const cls: CharClass = { ascii: 0n, other: false };
    while (this.src[this.i] !== ']') {
      if (this.i >= this.src.length) throw new Error('unterminated class');
      const lo = this.classAtom();
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const hi = this.classAtom();
        if (lo.code === null || hi.code === null) {
          if (this.unicode) throw new Error('class escape in a range');
          // A class escape at a range's end: both sides and the '-' as they are (annex B).
          add(cls, lo.set);
          add(cls, hi.set);
          add(cls, { ascii: 1n << 45n, other: false });
          continue;
        }
        for (let c = lo.code; c <= Math.min(hi.code, 127); c++) cls.ascii |= 1n << BigInt(c);
        if (hi.code >= 128) cls.other = true;
        if (this.unicode && hi.code > 0xffff) throw new Error('astral characters');
      } else {
        add(cls, lo.set);
      }
    }
    this.i++; // ]
    return negate ? { ascii: ASCII_ALL & ~cls.ascii, other: true } : cls;
  }

  /** One member of a class: a character (with its code) or a class escape (code null). */
  private classAtom(): { code: number | null; set: CharClass } {
    const c = this.src.charCodeAt(this.i++);
    if (c !== 92) {
      if (c >= 0xd800 && c <= 0xdfff && this.unicode) throw new Error('astral characters');
      return { code: c, set: this.literal(c) };
    }
    if (this.src[this.i] === 'b') {
      this.i++;
      return { code: 8, set: { ascii: 1n << 8n, other: false } };
    }
    const at = this.i;
    const set = this.escape();
    return { code: this.escapedCode(at), set };
  }

  /** The code of the single-character escape that started at `at`, or null for a class escape. */
  private escapedCode(at: number): number | null {
    const e = this.src[at]!;
    return 'dDwWsS'.includes(e) || (this.unicode && (e === 'p' || e === 'P')) ? null : this.lastCode;
  }

  private lastCode = 0;

  /** After a backslash: the characters the escape stands for. */
  private escape(): CharClass {
    const e = this.src[this.i++]!;
    const single = (code: number): CharClass => {
      this.lastCode = code;
      return this.literal(code);
    };
    switch (e) {
      case 'd':
        return { ascii: ASCII_DIGIT, other: false };
      case 'D':
        return { ascii: ASCII_ALL & ~ASCII_DIGIT, other: true };
      case 'w':
        return { ascii: ASCII_WORD, other: this.unicode && this.flags.includes('i') };
      case 'W':
        return { ascii: ASCII_ALL & ~ASCII_WORD, other: true };
      case 's':
        return { ascii: ASCII_SPACE, other: true };
      case 'S':
        return { ascii: ASCII_ALL & ~ASCII_SPACE, other: true };
      case 'p':
      case 'P': {
        if (!this.unicode) return single(e.charCodeAt(0));
        const close = this.src.indexOf('}', this.i);
        if (this.src[this.i] !== '{' || close < 0) throw new Error('bad property escape');
        this.i = close + 1;
        // Any property: every ASCII character may be in it (a superset is all a filter needs).
        return { ascii: ASCII_ALL, other: true };
      }
      case 't':
        return single(9);
      case 'n':
        return single(10);
      case 'v':
        return single(11);
      case 'f':
        return single(12);
      case 'r':
        return single(13);
      case '0':
        if (/[0-9]/.test(this.src[this.i] ?? '')) throw new Error('octal escape');
        return single(0);
      case 'c': {
        const l = this.src.charCodeAt(this.i);
        if ((l | 32) >= 97 && (l | 32) <= 122) {
          this.i++;
          return single(l % 32);
        }
        throw new Error('bad control escape');
      }
      case 'x': {
        const h = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i, this.i + 2));
        if (!h) throw new Error('bad hex escape');
        this.i += 2;
        return single(parseInt(h[0], 16));
      }
      case 'u': {
        const b = /^\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.i, this.i + 8));
        if (b && this.unicode) {
          this.i += b[0].length;
          const code = parseInt(b[1]!, 16);
          if (code > 0xffff) throw new Error('astral characters');
          return single(code);
        }
        const h = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i, this.i + 4));
        if (!h) throw new Error('bad unicode escape');
        this.i += 4;
        const code = parseInt(h[0], 16);
        if (code >= 0xd800 && code <= 0xdfff) throw new Error('surrogate escape');
        return single(code);
      }
      case 'k':
        throw new Error('backreferences not read');
      default:
        if (/[1-9]/.test(e)) throw new Error('backreferences not read');
        return single(e.charCodeAt(0));
    }
  }
}

function add(cls: CharClass, more: CharClass): void {
  cls.ascii |= more.ascii;
  cls.other ||= more.other;
}

/** Work allowed per pattern before the analysis gives up (patterns with huge prefix sets are no filters anyway). */
const BUDGET = 400_000;
const MAX_PREFIXES = 4096;

/**
 * The prefixes of `length` characters (shorter when a match may be shorter) that every match of the pattern
 * starts with, and whether every match starts right after \b (the pattern is one alternative led by \b).
 */
export function matchPrefixes(source: string, flags: string, length: number): { prefixes: Prefix[]; afterBoundary: boolean } {
  const top = new Parser(source, flags).parse();
  let budget = BUDGET;
  type Continuation = (room: number) => Prefix[];
  const end: Continuation = () => [[]];
  const union = (lists: Prefix[][]): Prefix[] => {
    const seen = new Map<string, Prefix>();
    for (const l of lists) for (const p of l) seen.set(p.join(','), p);
    if (seen.size > MAX_PREFIXES) throw new Error('too many prefixes');
    return [...seen.values()];
  };
  const alternatives = (alts: Node[][], room: number, k: Continuation): Prefix[] => union(alts.map((a) => sequence(a, 0, room, k)));
  const sequence = (els: Node[], i: number, room: number, k: Continuation): Prefix[] => {
    if (--budget < 0) throw new Error('analysis over budget');
    if (room === 0) return [[]];
    if (i === els.length) return k(room);
    return element(els[i]!, room, (r) => sequence(els, i + 1, r, k));
  };
  const element = (el: Node, room: number, k: Continuation): Prefix[] => {
    if (room === 0) return [[]];
    switch (el.type) {
      case 'chars':
        return k(room - 1).map((p) => [el.values, ...p]);
      case 'alt':
        return alternatives(el.alternatives, room, k);
      case 'empty':
        return k(room);
      case 'ahead':
        return intersect(alternatives(el.alternatives, room, end), k(room));
      case 'next':
        return intersect([[el.values]], k(room));
      case 'repeat': {
        // Iterations past `room` cannot change a prefix of `room` characters.
        const min = Math.min(el.min, room);
        const max = Math.min(el.max, room);
        const rep = (n: number, r: number): Prefix[] => {
          if (r === 0) return [[]];
          const more = (rr: number) => rep(n + 1, rr);
          if (n < min) return alternatives(el.alternatives, r, more);
          if (n < max) return union([k(r), alternatives(el.alternatives, r, more)]);
          return k(r);
        };
        return rep(0, room);
      }
    }
  };
  const prefixes = alternatives(top, length, end);
  const lead = top.length === 1 ? top[0]![0] : undefined;
  return { prefixes, afterBoundary: lead?.type === 'empty' && lead.boundary };
}

/** Prefixes that meet both conditions (set by set; the longer one's tail kept). */
function intersect(xs: Prefix[], ys: Prefix[]): Prefix[] {
  const out = new Map<string, Prefix>();
  for (const x of xs) {
    for (const y of ys) {
      const n = Math.max(x.length, y.length);
      const p: Prefix = [];
      let empty = false;
      for (let i = 0; i < n && !empty; i++) {
        const v = i < x.length && i < y.length ? x[i]! & y[i]! : (x[i] ?? y[i])!;
        if (v === 0n) empty = true;
        p.push(v);
      }
      if (!empty) out.set(p.join(','), p);
    }
  }
  if (out.size > MAX_PREFIXES) throw new Error('too many prefixes');
  return [...out.values()];
}
