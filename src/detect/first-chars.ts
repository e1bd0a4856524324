/**
 * Which ASCII characters can start a match of a pattern, read off its first atom: a class, an escape, a
 * literal, or a group of alternatives (recursively). The scanner tries shape rules only at those
 * characters. Returns null when the first atom may be skipped (a '?', '*' or '{0,' quantifier) or is not
 * understood; the caller then tries the pattern at every word start.
 */
export function firstChars(source: string, flags: string): Uint8Array | null {
  const out = new Uint8Array(128);
  return addAlternatives(source, flags, out) ? out : null;
}

function splitTopLevel(src: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let last = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(src.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(src.slice(last));
  return parts;
}

function addAlternatives(src: string, flags: string, out: Uint8Array): boolean {
  for (const alt of splitTopLevel(src)) if (!addFirst(alt, flags, out)) return false;
  return true;
}

/** Adds the first characters of one alternative; false when they cannot be known. */
function addFirst(alt: string, flags: string, out: Uint8Array): boolean {
  let s = alt;
  while (s.startsWith('\\b') || s.startsWith('^')) s = s.slice(s.startsWith('^') ? 1 : 2);
  if (!s) return false;
  let atom: string;
  let rest: string;
  if (s[0] === '(') {
    let depth = 0;
    let i = 0;
    for (; i < s.length; i++) {
      if (s[i] === '\\') {
        i++;
        continue;
      }
      if (s[i] === '[') {
        while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
        continue;
      }
      if (s[i] === '(') depth++;
      else if (s[i] === ')' && --depth === 0) break;
    }
    atom = s.slice(0, i + 1);
    rest = s.slice(i + 1);
  } else if (s[0] === '[') {
    let i = 1;
    while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
    atom = s.slice(0, i + 1);
    rest = s.slice(i + 1);
  } else if (s[0] === '\\') {
    atom = s.slice(0, 2);
    rest = s.slice(2);
  } else {
    atom = s[0]!;
    rest = s.slice(1);
  }
  if (/^(?:[?*]|\{0[,}])/.test(rest)) return false;
  if (atom.startsWith('(')) {
    if (/^\(\?[=!<]/.test(atom)) return false;
    return addAlternatives(atom.replace(/^\((?:\?:)?/, '').slice(0, -1), flags, out);
  }
  let re: RegExp;
  try {
    re = new RegExp(`^${atom}$`, flags.replace(/[gy]/g, ''));
  } catch {
    return false;
  }
  for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) out[c] = 1;
  return true;
}
