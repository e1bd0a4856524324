/**
 * The engine's own regexes that run on text, in one place so the ReDoS test checks every one of them with
 * recheck. Each runs on a bounded slice only.
 */

/**
 * A speaker label at the start of a transcript line, run on the line's text before a ':' (≤ 80 chars):
 * optional [timestamp], optional role ("Customer (", "Agent - "), then 1–4 capitalized words, the first one
 * written as a name (capital then lowercase: "DOB:" and "NOTE:" are field labels, not names).
 */
export const SPEAKER_LABEL =
  /^[ \t]{0,4}(?:\[[\d:.,]{1,12}\][ \t]{0,2})?(?:\d{1,2}:\d{2}(?::\d{2})?[ \t]{1,2})?(?:(?:Agent|Customer|Caller|Rep|Representative|Speaker|Member|Client)[ \t]{0,2}[(\-–][ \t]{0,2})?([A-Z][a-z'’\-]{1,24}(?: [A-Z][A-Za-z'’.\-]{0,24}){0,3})[ \t]{0,2}\)?[ \t]{0,2}$/;

export const ENGINE_PATTERNS: readonly RegExp[] = [SPEAKER_LABEL];
