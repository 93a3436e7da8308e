/**
 * Mexican CLABE (Clave Bancaria Estandarizada), the 18-digit account number SPEI transfers go to:
 * bank (3) + plaza/branch (3) + account (11) + check digit (1). Validation here is format and check
 * digit only: the bank and plaza catalogs belong to Banxico and change, so a CLABE with an unknown
 * bank code still passes (SPEI itself rejects it).
 */

/** Banxico's weights, repeating over the first 17 digits. */
const WEIGHTS = [3, 7, 1] as const;

/**
 * The check digit for the first 17 digits of a CLABE: each digit times its weight (3, 7, 1, 3, 7, 1, …)
 * taken mod 10, summed, and the check digit is (10 − sum mod 10) mod 10. Throws on anything but 17 digits.
 */
export function clabeCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('a CLABE check digit needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (Number(first17[i]) * (WEIGHTS[i % 3] ?? 0)) % 10;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Whether `clabe` is exactly 18 digits (no spaces or separators) with the right check digit. */
export function isValidClabe(clabe: string): boolean {
  return /^\d{18}$/.test(clabe) && clabeCheckDigit(clabe.slice(0, 17)) === clabe[17];
}

/**
 * The CLABE for a bank code (3 digits), plaza code (3 digits) and account number (1 to 11 digits,
 * left-padded with zeros to 11 as banks do), with its check digit. Throws on malformed parts rather
 * than truncating them, since a silently altered account number would send money elsewhere.
 */
export function buildClabe(bank: string, plaza: string, account: string): string {
  if (!/^\d{3}$/.test(bank)) throw new RangeError('bank must be 3 digits');
  if (!/^\d{3}$/.test(plaza)) throw new RangeError('plaza must be 3 digits');
  if (!/^\d{1,11}$/.test(account)) throw new RangeError('account must be 1 to 11 digits');
  const first17 = `${bank}${plaza}${account.padStart(11, '0')}`;
  return first17 + clabeCheckDigit(first17);
}

/** A valid CLABE grouped for display as bank, plaza, account, check digit: `002 010 07777777777 1`. */
export function formatClabe(clabe: string): string {
  if (!isValidClabe(clabe)) throw new RangeError('not a valid CLABE');
  return `${clabe.slice(0, 3)} ${clabe.slice(3, 6)} ${clabe.slice(6, 17)} ${clabe.slice(17)}`;
}
