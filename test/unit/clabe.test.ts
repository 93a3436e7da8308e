import { clabe } from 'clabe-validator';
import { describe, expect, it } from 'vitest';
import { buildClabe, clabeCheckDigit, formatClabe, isValidClabe } from '../../src/domain/clabe';

// Published valid CLABEs: clabe-validator's README and spec (002010077777777771 is its README example,
// 032180000118359719 is also Wikipedia's), including one whose check digit wraps to 0.
const PUBLISHED = [
  '002010077777777771',
  '032180000118359719',
  '014027000005555558',
  '014028000005555557',
  '002010777777777770',
];

describe('published CLABEs', () => {
  it.each(PUBLISHED)('%s is valid for us and for clabe-validator', (number) => {
    expect(isValidClabe(number)).toBe(true);
    expect(clabeCheckDigit(number.slice(0, 17))).toBe(number[17]);
    const check = clabe.validate(number);
    expect(check.ok).toBe(true);
    expect(check.checksum).toBe(Number(number[17]));
  });

  it.each(PUBLISHED)('%s fails with each of the nine wrong check digits', (number) => {
    const right = Number(number[17]);
    for (let d = 0; d < 10; d++) {
      if (d === right) continue;
      const wrong = number.slice(0, 17) + String(d);
      expect(isValidClabe(wrong)).toBe(false);
      expect(clabe.validate(wrong).error).toBe('invalid-checksum');
    }
  });

  it("rejects clabe-validator's published bad checksum 002010077777777779 (should end in 1)", () => {
    expect(isValidClabe('002010077777777779')).toBe(false);
    expect(clabeCheckDigit('00201007777777777')).toBe('1');
  });
});

describe('clabeCheckDigit', () => {
  it('agrees with clabe-validator on pseudo-random 17-digit prefixes', () => {
    // A fixed linear congruential sequence: reproducible, and it reaches every check digit.
    let seed = 20260517;
    const seen = new Set<string>();
    for (let n = 0; n < 500; n++) {
      let first17 = '';
      for (let i = 0; i < 17; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        first17 += String(seed % 10);
      }
      const digit = clabeCheckDigit(first17);
      expect(digit).toBe(String(clabe.computeChecksum(first17)));
      seen.add(digit);
    }
    expect(seen.size).toBe(10);
  });

  it.each(['', '1234567890123456', '123456789012345678', '1234567890123456a', ' 2010077777777777'])(
    'rejects %j',
    (input) => {
      expect(() => clabeCheckDigit(input)).toThrow(RangeError);
    },
  );
});

describe('isValidClabe', () => {
  it.each([
    ['00201007777777777', 'too short'],
    ['0020100777777777710', 'too long'],
    ['00201007777777777a', 'a letter'],
    ['002 010 07777777777 1', 'display grouping'],
    ['002-010-07777777777-1', 'dashes'],
    ['002010077777777717', 'two digits swapped'],
    ['', 'empty'],
  ])('rejects %j (%s)', (input) => {
    expect(isValidClabe(input)).toBe(false);
  });
});

describe('buildClabe', () => {
  it.each([
    ['002', '010', '7777777777', '002010077777777771'],
    ['032', '180', '11835971', '032180000118359719'],
    ['014', '027', '555555', '014027000005555558'],
    ['014', '028', '00000555555', '014028000005555557'],
  ])('builds %s %s %s into the published %s', (bank, plaza, account, expected) => {
    expect(buildClabe(bank, plaza, account)).toBe(expected);
  });

  it('builds CLABEs that clabe-validator accepts and computes identically', () => {
    const banks = ['002', '012', '014', '021', '072', '127', '137', '646'];
    const plazas = ['010', '180', '320', '580'];
    const accounts = ['1', '1234567', '98765432101', '00000000000', '55555555555'];
    for (const bank of banks) {
      for (const plaza of plazas) {
        for (const account of accounts) {
          const built = buildClabe(bank, plaza, account);
          expect(built).toHaveLength(18);
          expect(isValidClabe(built)).toBe(true);
          expect(clabe.validate(built).valid.format).toBe(true);
          expect(built).toBe(clabe.calculate(Number(bank), Number(plaza), Number(account)));
        }
      }
    }
    // Known bank and plaza: the full validation passes too.
    expect(clabe.validate(buildClabe('012', '180', '1234567')).ok).toBe(true);
  });

  it.each([
    ['02', '010', '1'],
    ['0020', '010', '1'],
    ['002', '10', '1'],
    ['002', '010', ''],
    ['002', '010', '123456789012'],
    ['002', '010', '12345a'],
  ])('rejects bank %j plaza %j account %j', (bank, plaza, account) => {
    expect(() => buildClabe(bank, plaza, account)).toThrow(RangeError);
  });
});

describe('formatClabe', () => {
  it('groups bank, plaza, account and check digit', () => {
    expect(formatClabe('002010077777777771')).toBe('002 010 07777777777 1');
    expect(formatClabe('032180000118359719')).toBe('032 180 00011835971 9');
  });

  it('refuses to display an invalid CLABE', () => {
    expect(() => formatClabe('002010077777777779')).toThrow(RangeError);
    expect(() => formatClabe('002 010 07777777777 1')).toThrow(RangeError);
  });
});
