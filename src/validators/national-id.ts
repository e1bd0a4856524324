import type { Validator } from './types.js';

/**
 * US Social Security Number structure: area 000, 666 and 900–999, group 00 and serial 0000 were never
 * issued (SSA). Anything else passes; the detector's shape and context carry the rest.
 */
export const ssnArea: Validator = ({ digits }) => {
  if (digits.length !== 9) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  if (area === 0 || area === 666 || area >= 900) return false;
  return group !== 0 && serial !== 0;
};

/** US ITIN: area 9xx and group 50–65, 70–88, 90–92 or 94–99 (IRS). */
export const itinRange: Validator = ({ digits }) => {
  if (digits.length !== 9 || digits[0] !== '9') return false;
  const group = Number(digits.slice(3, 5));
  return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
};

/** ABA routing transit number: valid Federal Reserve prefix and the 3-7-1 weighted checksum. */
export const abaChecksum: Validator = ({ digits }) => {
  if (digits.length !== 9) return false;
  const prefix = Number(digits.slice(0, 2));
  const prefixOk = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!prefixOk) return false;
  const d = (i: number) => digits.charCodeAt(i) - 48;
  const sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8));
  return sum % 10 === 0;
};

/**
 * A driver's licence number as issuers write them: 5–18 digits in all (a Washington WDL number holds fewer),
 * and not a calendar date ("DL exp 05/2029" gives no licence).
 */
export const driverLicenseShape: Validator = ({ text, digits }) => {
  const t = text.trim();
  if (/^WDL[A-Z0-9]{9}$/i.test(t)) return true;
  if (digits.length < 5 || digits.length > 18) return false;
  return !/^\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(t);
};
