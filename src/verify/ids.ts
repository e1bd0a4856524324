// Subject, agent and origin IDs are keyed (pseudonyms, lockout counters) on one canonical form, so that
// "CUST-X", " Cust-x", "Cust-x\u200b" and "Cust\u2011x" are the same subject and share one lockout.

// Format characters (zero-width space/joiners, BOM, soft hyphen, bidi marks …) are invisible: dropped.
const FORMAT = /[\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFFA0]/gu;
// Every dash and hyphen (U+2010 hyphen, U+2011 non-breaking hyphen, en/em dashes, minus sign …) is "-".
const DASHES = /[\p{Pd}\u2212\u2043\uFE63\uFF0D]/gu;
const SPACES = /[\s\p{Zs}]+/gu;

/**
 * The canonical form of an ID: NFKC (full-width and compatibility forms folded), format characters
 * removed, dashes unified, case folded (upper then lower case, so "ß" and "SS" agree), runs of spaces
 * made one, trimmed. Idempotent.
 */
export function canonicalId(id: string): string {
  return id
    .normalize('NFKC')
    .replace(FORMAT, '')
    .replace(DASHES, '-')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFKC')
    .replace(SPACES, ' ')
    .trim();
}
