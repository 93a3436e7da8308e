import { describe, expect, it } from 'vitest';
import { decimalTextToMinor, decimalToMinor, minorToDecimalLiteral } from '../../src/domain/decimal';
import { duplicateKeyPath, jsonNumberMemberText } from '../../src/domain/json-member';

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

describe('decimalTextToMinor: the text the client wrote, not the float', () => {
  it.each([
    ['150.00', 'BRL', 15000],
    ['150.000', 'BRL', 15000],
    ['1.5e2', 'BRL', 15000],
    ['15000e-2', 'BRL', 15000],
    ['0.01', 'BRL', 1],
    ['1500', 'CLP', 1500],
    ['99999999.99', 'MXN', 9999999999],
  ] as const)('%s %s is %s', (text, currency, minor) => {
    expect(decimalTextToMinor(text, currency)).toEqual({ minor });
  });

  it.each([
    // Both parse to floats that look fine (150.01 and 1500): the text shows the extra decimals.
    ['150.00999999999999999', 'BRL', 'too_many_decimals'],
    ['1500.0000000000001', 'CLP', 'too_many_decimals'],
    ['1.001', 'BRL', 'too_many_decimals'],
    ['1e-3', 'BRL', 'too_many_decimals'],
    ['0.00', 'BRL', 'not_positive'],
    ['-1.00', 'BRL', 'not_positive'],
    ['99999999999999999', 'BRL', 'too_big'],
    ['1e400', 'BRL', 'too_big'],
    ['abc', 'BRL', 'not_a_number'],
  ] as const)('refuses %s %s: %s', (text, currency, problem) => {
    expect(decimalTextToMinor(text, currency)).toEqual({ problem });
  });
});

describe('jsonNumberMemberText', () => {
  it.each([
    ['{"amount": 150.00999999999999999}', '150.00999999999999999'],
    ['{"a":{"amount":1},"amount":2.50}', '2.50'],
    ['{"metadata":{"amount":"x"},"s":"\\"amount\\": 9","amount" :\n 1e2}', '1e2'],
    ['{"amount":1,"amount":3.000}', '3.000'],
    ['{"amount":"150.00"}', null],
    ['[{"amount":1}]', null],
    ['{"other":1}', null],
  ] as const)('%s -> %s', (json, text) => {
    expect(jsonNumberMemberText(json, 'amount')).toBe(text);
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

describe('duplicateKeyPath', () => {
  it.each([
    ['{"amount":1,"amount":2}', ['amount']],
    ['{"a":{"b":1,"c":[1,{"d":1,"d":2}]}}', ['a', 'c', 1, 'd']],
    ['[{"x":1},{"y":1,"y":2}]', [1, 'y']],
    ['{"\\u0061":1,"a":2}', ['a']],
    ['{"a":{"k":1},"b":{"k":1}}', null],
    ['[{"a":1},{"a":2}]', null],
    ['{"s":"{\\"a\\":1,\\"a\\":2}","t":"a"}', null],
    ['{"a":"x","b":["a","a"]}', null],
    ['{}', null],
    ['"a"', null],
  ] as const)('%s -> %j', (json, path) => {
    JSON.parse(json);
    expect(duplicateKeyPath(json)).toEqual(path);
  });
});
