import { describe, expect, it } from 'vitest';
import { classifyBrDocument, isValidCnpj, isValidCpf, normalizeDocument } from '../../src/domain/documents';

describe('normalizeDocument', () => {
  it.each([
    ['529.982.247-25', '52998224725'],
    ['11.222.333/0001-81', '11222333000181'],
    ['12.abc.345/01de-35', '12ABC34501DE35'],
    [' 529 982 247 25 ', '52998224725'],
    ['529_982', '529_982'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeDocument(input)).toBe(expected);
  });
});

describe('isValidCpf', () => {
  it.each([
    ['529.982.247-25', true],
    ['52998224725', true],
    ['111.444.777-35', true],
    ['111 444 777 35', true],
    ['704.999.622-06', true], // first check digit comes from remainder 1, so it is 0
    ['529.982.247-24', false], // second check digit changed
    ['529.982.247-15', false], // first check digit changed
    ['529.982.274-25', false], // transposed body digits
    ['5299822472', false], // 10 digits
    ['529982247250', false], // 12 digits
    ['', false],
    ['000.000.000-00', false],
    ['111.111.111-11', false], // passes the arithmetic, but is a repeated sequence
    ['999.999.999-99', false],
    ['529.982.247-2A', false],
    ['529982247_25', false],
    ['11.222.333/0001-81', false], // a CNPJ is not a CPF
  ])('%j -> %s', (input, expected) => {
    expect(isValidCpf(input)).toBe(expected);
  });
});

describe('isValidCnpj', () => {
  it.each([
    ['11.222.333/0001-81', true],
    ['11222333000181', true],
    ['11.444.777/0001-61', true],
    ['99.133.036/1481-08', true], // first check digit comes from remainder 1, so it is 0
    ['12.ABC.345/01DE-35', true], // Receita Federal's alphanumeric example
    ['12ABC34501DE35', true],
    ['12.abc.345/01de-35', true], // lower case only through normalization
    ['11.222.333/0001-82', false],
    ['11.222.333/0001-91', false],
    ['12.ABC.345/01DE-36', false],
    ['12.ABC.345/01DE-45', false],
    ['12.ACB.345/01DE-35', false], // transposed letters: weights depend on position
    ['12.ABD.345/01DE-35', false],
    ['12.ABC.345/01DE-3A', false], // check digits must be digits
    ['12.ABC.345/01DE-AB', false],
    ['1122233300018', false], // 13 chars
    ['112223330001811', false], // 15 chars
    ['', false],
    ['00.000.000/0000-00', false], // passes the arithmetic, but is a repeated sequence
    ['11.111.111/1111-11', false],
    ['12.ÀBC.345/01DE-35', false],
    ['12.AB*.345/01DE-35', false],
    ['529.982.247-25', false], // a CPF is not a CNPJ
  ])('%j -> %s', (input, expected) => {
    expect(isValidCnpj(input)).toBe(expected);
  });
});

describe('classifyBrDocument', () => {
  it.each([
    ['529.982.247-25', 'cpf'],
    ['11144477735', 'cpf'],
    ['11.222.333/0001-81', 'cnpj'],
    ['12.ABC.345/01DE-35', 'cnpj'],
    ['12abc34501de35', 'cnpj'],
    ['529.982.247-26', null],
    ['11.222.333/0001-80', null],
    ['000.000.000-00', null],
    ['not a document', null],
    ['', null],
  ])('%j -> %s', (input, expected) => {
    expect(classifyBrDocument(input)).toBe(expected);
  });
});
