/** What a validator sees of a candidate. It runs on candidates only, never on whole texts. */
export interface ValidatorInput {
  /** The candidate's text as written (separators, words for spoken numbers). */
  text: string;
  /** The candidate's digits in order ('' when it has none); spoken numbers arrive as digits too. */
  digits: string;
  options: ValidatorOptions;
}

export interface ValidatorOptions {
  /** ISO 3166-1 alpha-2 region for national phone numbers. */
  defaultRegion: string;
  /** Further regions a national phone number is tried in (default: DEFAULT_PHONE_REGIONS; config `phoneRegions`). */
  regions?: readonly string[];
  /** The year used to judge dates of birth (defaults to the current year). */
  currentYear: number;
}

/**
 * A named, pure check with three outcomes (as in Presidio): true confirms the candidate, false drops it,
 * undefined leaves it as the detector scored it.
 */
export type Validator = (input: ValidatorInput) => boolean | undefined;
