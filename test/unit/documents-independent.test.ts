import { cnpj, cpf } from 'cpf-cnpj-validator';
import { describe, expect, it } from 'vitest';
import { classifyBrDocument, isValidCnpj, isValidCpf } from '../../src/domain/documents';

/** Changes one check digit, so a valid document becomes invalid in a way only the check digits reveal. */
function breakCheckDigit(doc: string): string {
  const last = Number(doc.at(-1));
  return `${doc.slice(0, -1)}${(last + 1) % 10}`;
}

describe('CPF and CNPJ against cpf-cnpj-validator', () => {
  it('agrees on 300 generated CPFs and on each with a broken check digit', () => {
    for (let i = 0; i < 300; i++) {
      const doc = cpf.generate();
      expect(isValidCpf(doc), doc).toBe(true);
      expect(classifyBrDocument(cpf.format(doc))).toBe('cpf');
      const broken = breakCheckDigit(doc);
      expect(isValidCpf(broken), broken).toBe(cpf.isValid(broken));
    }
  });

  it('agrees on 300 generated CNPJs (alphanumeric since July 2026) and on each with a broken check digit', () => {
    let alphanumeric = 0;
    for (let i = 0; i < 300; i++) {
      const doc = cnpj.generate();
      if (/[A-Z]/.test(doc)) alphanumeric++;
      expect(isValidCnpj(doc), doc).toBe(true);
      expect(classifyBrDocument(cnpj.format(doc))).toBe('cnpj');
      const broken = breakCheckDigit(doc);
      expect(isValidCnpj(broken), broken).toBe(cnpj.isValid(broken));
    }
    expect(alphanumeric).toBeGreaterThan(0); // the generator did exercise letters
  });

  it('agrees on random 11- and 14-digit strings', () => {
    for (let i = 0; i < 500; i++) {
      const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');
      const a = digits(11);
      const b = digits(14);
      expect(isValidCpf(a), a).toBe(cpf.isValid(a));
      expect(isValidCnpj(b), b).toBe(cnpj.isValid(b));
    }
  });
});
