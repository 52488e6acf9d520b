import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLuhnValid, isMyNumberValid, myNumberCheckDigit } from './check-digits';
import { redactPersonalData } from './redact-personal-data';

const digits = (length: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((list) => list.join(''));

/** Card numbers that pass the Luhn check, 13–19 digits. */
const cardNumber = fc.integer({ min: 12, max: 18 }).chain((length) =>
  digits(length).map((body) => {
    for (let check = 0; check <= 9; check += 1) if (isLuhnValid(body + check)) return body + check;
    throw new Error('unreachable');
  }),
);
const myNumber = digits(11).map((body) => body + myNumberCheckDigit(body));
const japanesePhone = fc.oneof(
  fc.tuple(fc.constantFrom('090', '080', '070', '050'), digits(4), digits(4)),
  fc.tuple(fc.constantFrom('03', '06'), digits(4), digits(4)),
  fc.tuple(fc.constantFrom('045', '052', '011'), digits(3), digits(4)),
);
const phoneText = japanesePhone.chain(([a, b, c]) =>
  fc.constantFrom(`${a}-${b}-${c}`, `${a}${b}${c}`, `${a} ${b} ${c}`, `(${a})${b}-${c}`),
);
const internationalPhone = fc
  .tuple(fc.constantFrom('+81 ', '+1 ', '+44 ', '+81-'), digits(2), digits(4), digits(4))
  .map(([country, a, b, c]) => `${country}${a}-${b}-${c}`);
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9._]{0,10}$/),
    fc.stringMatching(/^[a-z]{2,10}$/),
    fc.constantFrom('jp', 'com', 'co.jp', 'org'),
  )
  .map(([user, domain, tld]) => `${user}@${domain}.${tld}`);
const fullWidth = (text: string) =>
  text.replace(/[0-9-]/g, (character) =>
    character === '-' ? '－' : String.fromCharCode(character.charCodeAt(0) + 0xfee0),
  );
const surrounding = fc.constantFrom('連絡先は', 'My number is ', 'カード：', '', 'お電話は ', 'mail: ');
const after = fc.constantFrom('です。', ' thanks', '', '、よろしく', '.');

describe('redactPersonalData', () => {
  it('redacts the examples of each kind', () => {
    const result = redactPersonalData(
      '090-1234-5678 / taro@example.jp / 〒150-0001 / 4111 1111 1111 1111 / 123456789018',
    );
    expect(result.text).toBe('[PHONE] / [EMAIL] / [POSTAL_CODE] / [CARD_NUMBER] / [MY_NUMBER]');
    expect(result.redactions.map((item) => item.kind)).toEqual([
      'phone',
      'email',
      'postal_code',
      'card_number',
      'my_number',
    ]);
  });

  it('separates numbers written next to each other', () => {
    expect(redactPersonalData('090-1234-5678 03-1234-5678').text).toBe('[PHONE] [PHONE]');
  });

  it('keeps prices, dates, times and numbers that fail their check digit', () => {
    const text = '料金は12,800円、2026-04-01の22:00から。4111111111111112 と 123456789012 は無効';
    expect(redactPersonalData(text).text).toBe(text);
  });

  it('redacts any generated Japanese phone number in any format, ASCII or full width', () => {
    fc.assert(
      fc.property(surrounding, phoneText, fc.boolean(), after, (before, phone, wide, tail) => {
        const value = wide ? fullWidth(phone) : phone;
        const result = redactPersonalData(before + value + tail);
        expect(result.text).toBe(`${before}[PHONE]${tail}`);
      }),
    );
  });

  it('redacts any generated international phone number', () => {
    fc.assert(
      fc.property(surrounding, internationalPhone, after, (before, phone, tail) => {
        expect(redactPersonalData(before + phone + tail).text).toBe(`${before}[PHONE]${tail}`);
      }),
    );
  });

  it('redacts any generated e-mail address', () => {
    fc.assert(
      fc.property(surrounding, email, after, (before, address, tail) => {
        expect(redactPersonalData(`${before}${address} ${tail}`).text).toBe(`${before}[EMAIL] ${tail}`);
      }),
    );
  });

  it('redacts any Luhn-valid card number, grouped or not', () => {
    fc.assert(
      fc.property(surrounding, cardNumber, fc.boolean(), after, (before, card, grouped, tail) => {
        const value = grouped ? card.replace(/(\d{4})(?=\d)/g, '$1 ') : card;
        const result = redactPersonalData(before + value + tail);
        expect(result.text).toBe(`${before}[CARD_NUMBER]${tail}`);
      }),
    );
  });

  it('redacts any My Number with a valid check digit', () => {
    fc.assert(
      fc.property(surrounding, myNumber, fc.boolean(), after, (before, number, grouped, tail) => {
        const value = grouped ? `${number.slice(0, 4)} ${number.slice(4, 8)} ${number.slice(8)}` : number;
        const result = redactPersonalData(before + value + tail);
        expect(result.redactions.map((item) => item.kind)).toEqual(['my_number']);
        expect(result.text).toBe(`${before}[MY_NUMBER]${tail}`);
      }),
    );
  });

  it('never leaves the redacted digits in the output and never changes text without personal data', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }).filter((text) => !/[0-9０-９@＠]/.test(text)),
        (text) => {
          expect(redactPersonalData(text)).toEqual({ text, redactions: [] });
        },
      ),
    );
  });
});

describe('check digits', () => {
  it('knows valid and invalid numbers', () => {
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('4111111111111112')).toBe(false);
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(isMyNumberValid('123456789018')).toBe(true);
    expect(isMyNumberValid('123456789012')).toBe(false);
  });
});
