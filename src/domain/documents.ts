/** The two Brazilian tax ids a payer may present: individuals (CPF) and companies (CNPJ). */
export type BrDocumentKind = 'cpf' | 'cnpj';

const CPF_PATTERN = /^\d{11}$/;
// From July 2026 (IN RFB 2.229/2024) the 12-character base may contain A-Z; check digits stay numeric.
const CNPJ_PATTERN = /^[0-9A-Z]{12}\d{2}$/;
const CNPJ_DV1_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_DV2_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/**
 * Removes the punctuation people type in tax ids (`.`, `-`, `/`, whitespace) and upper-cases letters,
 * so `12.abc.345/01de-35` and `12ABC34501DE35` compare equal. Anything else is kept, so stray
 * characters still make validation fail instead of being silently dropped.
 */
export function normalizeDocument(input: string): string {
  return input.replace(/[.\-/\s]/g, '').toUpperCase();
}

// Receita Federal defines a character's value as its ASCII code minus 48, which keeps digits at 0-9
// and is what lets alphanumeric and legacy numeric CNPJs share one algorithm.
function charValue(ch: string): number {
  return ch.charCodeAt(0) - 48;
}

function mod11CheckDigit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += charValue(chars.charAt(i)) * (weights[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

// Sequences like 000.000.000-00 pass the arithmetic but are never issued.
function isRepeatedChar(value: string): boolean {
  return /^(.)\1*$/.test(value);
}

/** Whether `input` is a CPF with correct check digits (punctuation optional). */
export function isValidCpf(input: string): boolean {
  const cpf = normalizeDocument(input);
  if (!CPF_PATTERN.test(cpf) || isRepeatedChar(cpf)) return false;
  const dv1 = mod11CheckDigit(cpf, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const dv2 = mod11CheckDigit(cpf, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return cpf.charAt(9) === String(dv1) && cpf.charAt(10) === String(dv2);
}

/**
 * Whether `input` is a CNPJ with correct check digits, accepting both the legacy all-numeric
 * form and the alphanumeric form (letters A-Z in the first 12 positions).
 */
export function isValidCnpj(input: string): boolean {
  const cnpj = normalizeDocument(input);
  if (!CNPJ_PATTERN.test(cnpj) || isRepeatedChar(cnpj)) return false;
  const dv1 = mod11CheckDigit(cnpj, CNPJ_DV1_WEIGHTS);
  const dv2 = mod11CheckDigit(cnpj, CNPJ_DV2_WEIGHTS);
  return cnpj.charAt(12) === String(dv1) && cnpj.charAt(13) === String(dv2);
}

/** Tells which kind of valid Brazilian tax id `input` is, or `null` when it is neither. */
export function classifyBrDocument(input: string): BrDocumentKind | null {
  if (isValidCpf(input)) return 'cpf';
  if (isValidCnpj(input)) return 'cnpj';
  return null;
}
