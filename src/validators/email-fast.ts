import validator from 'validator';

/**
 * validator.isEmail with its default options, decided by character codes for what e-mail candidates almost
 * always are: ASCII, one '@', an unquoted local part. Anything else (non-ASCII, quotes, several '@') goes to
 * the library. The rules below are the library's for that subset: local part at most 64 characters of
 * dot-separated non-empty atoms of [A-Za-z0-9!#$%&'*+-/=?^_`{|}~]; domain at most 254 characters, at least
 * two dot-separated labels of 1–63 [A-Za-z0-9-] not starting or ending with '-', the last one letters only
 * (two or more) or `xn` and two or more of [A-Za-z0-9-]; the whole at most 254 characters.
 * test/validators/fast-paths.test.ts fuzzes the two against each other.
 */
export function isEmailFast(text: string): boolean {
  const n = text.length;
  let at = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return validator.isEmail(text);
    if (c === 64) {
      if (at >= 0) return validator.isEmail(text);
      at = i;
    }
  }
  if (at < 0 || text.charCodeAt(0) === 34) return validator.isEmail(text);
  if (n > 254 || at > 64 || n - at - 1 > 254) return false;
  return localPartOk(text, at) && domainOk(text, at + 1, n);
}

/** Atom characters of an unquoted local part, besides letters and digits. */
const ATOM = new Uint8Array(128);
for (const ch of "!#$%&'*+-/=?^_`{|}~") ATOM[ch.charCodeAt(0)] = 1;

const isAlnum = (c: number) => (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
const isLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

function localPartOk(t: string, at: number): boolean {
  let atomLength = 0;
  for (let i = 0; i < at; i++) {
    const c = t.charCodeAt(i);
    if (c === 46) {
      if (atomLength === 0) return false;
      atomLength = 0;
    } else if (isAlnum(c) || ATOM[c] === 1) atomLength++;
    else return false;
  }
  return atomLength > 0;
}

function domainOk(t: string, s: number, e: number): boolean {
  let labels = 0;
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i < e && t.charCodeAt(i) !== 46) continue;
    const len = i - from;
    if (len === 0 || len > 63) return false;
    if (t.charCodeAt(from) === 45 || t.charCodeAt(i - 1) === 45) return false;
    for (let k = from; k < i; k++) if (!isAlnum(t.charCodeAt(k)) && t.charCodeAt(k) !== 45) return false;
    labels++;
    if (i === e) return labels >= 2 && tldOk(t, from, i);
    from = i + 1;
  }
  return false;
}

/** The last label: two or more letters, or `xn` followed by two or more letters, digits or '-'. */
function tldOk(t: string, s: number, e: number): boolean {
  let letters = true;
  for (let k = s; k < e; k++) if (!isLetter(t.charCodeAt(k))) letters = false;
  if (letters) return e - s >= 2;
  return e - s >= 4 && (t.charCodeAt(s) | 0x20) === 120 && (t.charCodeAt(s + 1) | 0x20) === 110;
}
