import { describe, expect, it } from 'vitest';
import { decimalToMinor, minorToDecimalLiteral } from '../../src/domain/decimal';

describe('decimalToMinor', () => {
  it.each([
    [150, 'BRL', 15000],
    [150.0, 'BRL', 15000],
    [19.99, 'BRL', 1999],
    [0.01, 'BRL', 1],
    [0.1, 'BRL', 10],
    [1.1, 'BRL', 110], // 1.1 * 100 is 110.00000000000001 in floats; the string route is exact
    [4.35, 'BRL', 435], // 4.35 * 100 is 434.99999999999994
    [1500, 'CLP', 1500],
    [99999999.99, 'MXN', 9999999999],
  ] as const)('%s %s is %s', (value, currency, minor) => {
    expect(decimalToMinor(value, currency)).toEqual({ minor });
  });

  it.each([
    [1.001, 'BRL', 'too_many_decimals'],
    [1500.5, 'CLP', 'too_many_decimals'],
    [0, 'BRL', 'not_positive'],
    [-5, 'BRL', 'not_positive'],
    [1e21, 'BRL', 'too_big'],
    [Number.NaN, 'BRL', 'not_a_number'],
  ] as const)('refuses %s %s: %s', (value, currency, problem) => {
    expect(decimalToMinor(value, currency)).toEqual({ problem });
  });
});

describe('minorToDecimalLiteral', () => {
  it.each([
    [15000, 'BRL', '150.00'],
    [1, 'BRL', '0.01'],
    [1500, 'CLP', '1500'],
  ] as const)('%s %s prints %s', (minor, currency, text) => {
    expect(minorToDecimalLiteral(minor, currency)).toBe(text);
  });
});
