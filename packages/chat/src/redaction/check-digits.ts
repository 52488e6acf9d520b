/**
 * True when a string of digits passes the Luhn check used by payment card numbers.
 *
 * @example
 * ```ts
 * isLuhnValid('4111111111111111'); // true
 * ```
 */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index -= 1) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * The check digit of a Japanese individual number (My Number) from its first 11 digits: with Pn
 * the n-th digit from the right and Qn = n + 1 (n ≤ 6) or n − 5 (n ≥ 7), the remainder
 * r = Σ Pn·Qn mod 11 gives 0 when r ≤ 1, else 11 − r.
 *
 * @example
 * ```ts
 * myNumberCheckDigit('12345678901'); // 8
 * ```
 */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n += 1) {
    const digit = first11.charCodeAt(11 - n) - 48;
    sum += digit * (n <= 6 ? n + 1 : n - 5);
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** True when 12 digits form a valid My Number (its last digit is the check digit). */
export function isMyNumberValid(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === digits.charCodeAt(11) - 48;
}
