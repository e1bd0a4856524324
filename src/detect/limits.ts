/**
 * The bounds that make streaming exact (see README "Streaming and memory"). Every detector decides a match
 * from text in [hit − BACK_CONTEXT, hit + MAX_MATCH + LOOKAHEAD), so a stream that holds back
 * MAX_MATCH + LOOKAHEAD characters before scanning, and keeps HOLD_BEHIND characters behind its frontier,
 * finds exactly what one pass over the whole text finds.
 */

/** Longest match any detector can make from its hit (keyword + gap + value, spoken numbers, e-mails). */
export const MAX_MATCH = 640;
/** What a detector reads after a match: context words (≤ 48) and boundary checks. */
export const LOOKAHEAD = 64;
/** How far before its hit a match may start (street numbers before 'Street', e-mail local parts, spoken walk-back). */
export const MAX_BACK = 256;
/** Characters kept behind the frontier: MAX_BACK plus the longest context window (96) and slack. */
export const HOLD_BEHIND = 512;
/** A digit group longer than this takes part in no rule (rules stop at 32 digits). */
export const LONG_GROUP = 33;
/** Text is scanned in slices of at most this many UTF-16 units (V8 is far slower on longer strings). */
export const SLICE = 65536;
