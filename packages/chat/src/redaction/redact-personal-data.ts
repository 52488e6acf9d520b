import { parseInput } from '@kizuna/core';
import * as z from 'zod';
import { isLuhnValid, isMyNumberValid } from './check-digits';

/** The kinds of personal data the redactor removes. */
export type PersonalDataKind = 'email' | 'phone' | 'postal_code' | 'card_number' | 'my_number';

/** One piece of personal data that was replaced. */
export interface Redaction {
  readonly kind: PersonalDataKind;
  /** Start offset in the original text (UTF-16 code units). */
  readonly start: number;
  /** End offset (exclusive) in the original text. */
  readonly end: number;
}

/** Redacted text and what was replaced. The original values are not kept. */
export interface RedactionResult {
  readonly text: string;
  readonly redactions: readonly Redaction[];
}

const placeholders: Record<PersonalDataKind, string> = {
  email: '[EMAIL]',
  phone: '[PHONE]',
  postal_code: '[POSTAL_CODE]',
  card_number: '[CARD_NUMBER]',
  my_number: '[MY_NUMBER]',
};

// Digits and separators in ASCII and full width, so "０９０－１２３４－５６７８" is found too.
const digit = '[0-9０-９]';
const separator = '[\\s\\-‐‑–—−－ー.．()（）]';
const emailPattern = /[A-Za-z0-9._%+\-＠]+[@＠][A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// A run of digits with single separators between groups; classified afterwards by its digits.
const digitRunPattern = new RegExp(`(?:\\+|＋|\\(|（)?${digit}(?:${separator}?${digit}){6,22}`, 'g');
const postalPattern = new RegExp(
  `(?:〒\\s?${digit}{3}${separator}?${digit}{4}|(?<![0-9０-９])${digit}{3}[\\-－−]${digit}{4}(?![0-9０-９]))`,
  'g',
);

function asciiDigits(text: string): string {
  let digits = '';
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code >= 48 && code <= 57) digits += character;
    else if (code >= 0xff10 && code <= 0xff19) digits += String.fromCharCode(code - 0xff10 + 48);
  }
  return digits;
}

/** What a run of digits is, if it is personal data. */
function classifyDigits(run: string): PersonalDataKind | undefined {
  const digits = asciiDigits(run);
  const international = run.startsWith('+') || run.startsWith('＋');
  const parenthesised = /[()（）]/.test(run);
  if (parenthesised && !(digits.startsWith('0') && (digits.length === 10 || digits.length === 11)))
    return undefined;
  if (!international && digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits))
    return 'card_number';
  if (!international && digits.length === 12 && isMyNumberValid(digits)) return 'my_number';
  if (international && digits.length >= 8 && digits.length <= 15) return 'phone';
  // Japanese numbers: a leading 0 and 10 or 11 digits (landline, mobile 070/080/090, 050, 0120).
  if (digits.startsWith('0') && (digits.length === 10 || digits.length === 11)) return 'phone';
  return undefined;
}

/**
 * Removes personal data from text before it reaches a language model or a log: e-mail addresses,
 * Japanese and international phone numbers, Japanese postal codes, payment card numbers (13–19
 * digits passing the Luhn check) and My Numbers (12 digits with a valid check digit). Digits may be
 * ASCII or full width and grouped by spaces or hyphens. Each is replaced by a placeholder such as
 * `[PHONE]`; the result lists what was replaced and where, but never the values. Pure and
 * deterministic. Numbers that are none of these (prices, dates, invalid card numbers) are kept.
 *
 * @throws KizunaValidationError when `text` is not a string
 * @example
 * ```ts
 * redactPersonalData('連絡先は090-1234-5678、taro@example.jp です').text;
 * // '連絡先は[PHONE]、[EMAIL] です'
 * ```
 */
export function redactPersonalData(text: string): RedactionResult {
  const input = parseInput(z.string(), text, 'text to redact');
  const found: Redaction[] = [];
  const taken = (start: number, end: number) => found.some((item) => start < item.end && end > item.start);
  for (const match of input.matchAll(emailPattern)) {
    found.push({ kind: 'email', start: match.index, end: match.index + match[0].length });
  }
  for (const match of input.matchAll(digitRunPattern)) {
    let run = match[0];
    // A trailing separator is not part of the number.
    while (/[\s\-‐‑–—−－ー.．(（]$/u.test(run)) run = run.slice(0, -1);
    // The longest leading group of space-separated pieces that is personal data, then the rest:
    // "090-1234-5678 03-1234-5678" is two phones, "4111 1111 1111 1111" one card.
    const pieces = [...run.matchAll(/\S+/gu)].map((piece) => ({
      start: match.index + piece.index,
      end: match.index + piece.index + piece[0].length,
    }));
    let first = 0;
    while (first < pieces.length) {
      let matched = false;
      for (let last = pieces.length; last > first; last -= 1) {
        const start = pieces[first]!.start;
        const end = pieces[last - 1]!.end;
        const kind = classifyDigits(input.slice(start, end));
        if (kind === undefined || taken(start, end)) continue;
        found.push({ kind, start, end });
        first = last;
        matched = true;
        break;
      }
      if (!matched) first += 1;
    }
  }
  for (const match of input.matchAll(postalPattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!taken(start, end)) found.push({ kind: 'postal_code', start, end });
  }
  found.sort((left, right) => left.start - right.start);
  let output = '';
  let cursor = 0;
  for (const item of found) {
    output += input.slice(cursor, item.start) + placeholders[item.kind];
    cursor = item.end;
  }
  output += input.slice(cursor);
  return { text: output, redactions: found };
}
