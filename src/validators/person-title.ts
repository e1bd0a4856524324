import type { Validator } from './types.js';

/**
 * Forms of address written before a name. A cued value that starts with one is the title alone: the value
 * pattern skips a title before a name it can read, and when it cannot ("Dear Mr. Лековски", a name in
 * another script) it falls back to the title itself, which is no name and must stay as written.
 */
const TITLES: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Professor', 'Officer', 'Captain', 'Capt', 'Coach', 'Nurse', 'Judge', 'Sir', 'Dame', 'Rev', 'Reverend',
]);

/** False when the value's first word is a title (the candidate is dropped); undefined otherwise. */
export const notPersonTitle: Validator = ({ text }) => {
  let end = 0;
  while (end < text.length && /[A-Za-z]/.test(text[end]!)) end++;
  return TITLES.has(text.slice(0, end)) ? false : undefined;
};
