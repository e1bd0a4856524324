import luhn from 'luhn';

/**
 * Luhn (mod 10) over a digit string, by character codes: the `luhn` package's answer (a checksum of 0 is no
 * number), without its replace, regex and parseInt per digit. Anything but ASCII digits goes to the package.
 * test/validators/fast-paths.test.ts fuzzes the two against each other.
 */
export function luhnValid(digits: string): boolean {
  let total = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return luhn.validate(digits);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    total += d;
    double = !double;
  }
  return total !== 0 && total % 10 === 0;
}
