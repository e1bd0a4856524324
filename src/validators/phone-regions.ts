import { isSupportedCountry } from 'libphonenumber-js/max';

/**
 * Regions for national phone numbers are ISO 3166-1 alpha-2 codes that libphonenumber-js has a numbering
 * plan for. Codes people write for a country that are not its ISO code are refused naming the right one:
 * a region the library does not know would silently turn national phone numbers off.
 */
const NOT_ISO: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR', EN: 'GB', UAE: 'AE', USA: 'US' };

/** Why `code` is not a phone region, or undefined when it is one. */
export function phoneRegionProblem(code: string): string | undefined {
  const right = NOT_ISO[code.toUpperCase()];
  if (right) return `"${code}" is not an ISO 3166-1 alpha-2 code; use "${right}"`;
  if (!/^[A-Z]{2}$/.test(code)) return `"${code}" is not an ISO 3166-1 alpha-2 region such as "US" or "GB" (two capital letters)`;
  if (!isSupportedCountry(code)) return `"${code}" is not an ISO 3166-1 alpha-2 region with a phone numbering plan (such as "US" or "GB")`;
  return undefined;
}
