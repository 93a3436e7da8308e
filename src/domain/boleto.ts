/**
 * Boleto bancário de cobrança: the 44-digit barcode and the 47-digit "linha digitável" laid out by Febraban
 * ("Layout - Código de Barras") and Carta-Circular BCB nº 2.926/2000, including Febraban's 2025 restart of
 * the due date factor. Pure string arithmetic so it runs unchanged in workerd and in tests.
 */

/** What one cobrança boleto encodes. */
export type BoletoInput = {
  /** The issuing bank's 3-digit COMPE code. */
  bankCode: string;
  /** Amount in BRL cents; a non-negative integer of at most 10 digits. */
  amountCents: number;
  /** Due date as yyyy-mm-dd (a calendar date, no time zone). */
  dueDate: string;
  /** The bank's own 25-digit "campo livre" (agency, account, nosso número... in a bank-specific layout). */
  freeField: string;
};

const DAY_MS = 86_400_000;
// The first cycle counted days from 1997-10-07 and hit 9999 on 2025-02-21; Febraban then restarted the
// count at 1000 on 2025-02-22 instead of widening the 4-digit field, so both cycles span factors 1000..9999.
const OLD_CYCLE_BASE = Date.UTC(1997, 9, 7);
const NEW_CYCLE_START = Date.UTC(2025, 1, 22);
const MIN_FACTOR = 1000;
const MAX_FACTOR = 9999;
const CURRENCY_REAL = '9';
const MAX_AMOUNT_CENTS = 9_999_999_999;
const BARCODE_LENGTH = 44;
const LINE_LENGTH = 47;

/**
 * Parses a strict yyyy-mm-dd date to a UTC midnight timestamp. The round trip through Date rejects dates
 * that Date.UTC would silently roll over (2026-02-30 would otherwise become 2026-03-02).
 */
function parseCalendarDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`due date must be yyyy-mm-dd, got ${JSON.stringify(date)}`);
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new RangeError(`due date ${date} is not a calendar date`);
  }
  return time;
}

/**
 * The 4-digit "fator de vencimento" for a due date. Dates from 2025-02-22 on use the current cycle
 * (1000 + days since 2025-02-22, up to 9999 on 2049-10-13); earlier dates use the first cycle (days since
 * 1997-10-07, 1000 = 2000-07-03). Throws a RangeError for malformed dates and for dates whose factor would
 * leave 1000..9999 in their cycle.
 */
export function dueDateFactor(dueDate: string): string {
  const time = parseCalendarDate(dueDate);
  const factor =
    time >= NEW_CYCLE_START
      ? MIN_FACTOR + (time - NEW_CYCLE_START) / DAY_MS
      : (time - OLD_CYCLE_BASE) / DAY_MS;
  if (factor < MIN_FACTOR || factor > MAX_FACTOR) {
    throw new RangeError(`due date ${dueDate} is outside the range a due date factor can express`);
  }
  return String(factor);
}

/**
 * Módulo 11 for the barcode's general check digit: weights 2..9 repeating from the rightmost digit.
 * Remainders 0 and 1 would give 11 and 10, which are not digits, so the rule maps them to 1 (never to 0,
 * unlike the arrecadação variant of módulo 11).
 */
function mod11(digits: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += Number(digits[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  const dv = 11 - (sum % 11);
  return dv >= 10 ? '1' : String(dv);
}

/** Módulo 10 for the linha digitável fields: weights 2,1,2,1... from the right, two-digit products summed. */
function mod10(digits: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    const product = Number(digits[i]) * weight;
    sum += product > 9 ? product - 9 : product;
    weight = weight === 2 ? 1 : 2;
  }
  return String((10 - (sum % 10)) % 10);
}

// The barcode without its check digit (position 5), i.e. the 43 digits the check digit covers.
function withoutGeneralDv(barcode: string): string {
  return barcode.slice(0, 4) + barcode.slice(5);
}

function assertBarcode(barcode: string): void {
  if (!/^\d{44}$/.test(barcode)) {
    throw new RangeError(`a boleto barcode is ${BARCODE_LENGTH} digits, got ${JSON.stringify(barcode)}`);
  }
  const expected = mod11(withoutGeneralDv(barcode));
  if (barcode[4] !== expected) {
    throw new RangeError(`barcode general check digit is ${barcode[4]}, expected ${expected}`);
  }
}

/**
 * The 44-digit barcode: bank (3) + currency '9' (1) + general check digit (1) + due date factor (4) +
 * amount in cents (10) + free field (25). Throws a RangeError for malformed fields or an amount that does
 * not fit 10 digits.
 */
export function boletoBarcode(input: BoletoInput): string {
  const { bankCode, amountCents, dueDate, freeField } = input;
  if (!/^\d{3}$/.test(bankCode)) {
    throw new RangeError(`bank code must be 3 digits, got ${JSON.stringify(bankCode)}`);
  }
  // A leading 8 is how readers tell an arrecadação (utility/tax) barcode from a cobrança one.
  if (bankCode.startsWith('8')) {
    throw new RangeError(`bank code ${bankCode} would read as an arrecadação slip`);
  }
  if (!Number.isSafeInteger(amountCents) || amountCents < 0 || amountCents > MAX_AMOUNT_CENTS) {
    throw new RangeError(`amountCents must be an integer from 0 to ${MAX_AMOUNT_CENTS}, got ${amountCents}`);
  }
  if (!/^\d{25}$/.test(freeField)) {
    throw new RangeError(`free field must be 25 digits, got ${JSON.stringify(freeField)}`);
  }
  const amount = String(amountCents).padStart(10, '0');
  const body = `${bankCode}${CURRENCY_REAL}${dueDateFactor(dueDate)}${amount}${freeField}`;
  return `${body.slice(0, 4)}${mod11(body)}${body.slice(4)}`;
}

/**
 * The 47-digit linha digitável for a barcode: three free-field-carrying fields each closed by a módulo 10
 * digit, then the general check digit, then factor + amount. Throws if the barcode's own check digit is
 * wrong, so a corrupted barcode never gets a self-consistent line.
 */
export function linhaDigitavel(barcode: string): string {
  assertBarcode(barcode);
  const free = barcode.slice(19);
  const field1 = barcode.slice(0, 4) + free.slice(0, 5);
  const field2 = free.slice(5, 15);
  const field3 = free.slice(15, 25);
  const fields = [field1, mod10(field1), field2, mod10(field2), field3, mod10(field3)];
  // Fields 4 and 5 are the barcode's positions 5-19 verbatim: general check digit, factor, amount.
  return `${fields.join('')}${barcode.slice(4, 19)}`;
}

function assertLine(line: string): void {
  if (!/^\d{47}$/.test(line)) {
    throw new RangeError(`a linha digitável is ${LINE_LENGTH} digits, got ${JSON.stringify(line)}`);
  }
}

/** The printed form of a 47-digit line: `AAAAA.AAAAA BBBBB.BBBBBB CCCCC.CCCCCC D EEEEEEEEEEEEEE`. */
export function formatLinhaDigitavel(line: string): string {
  assertLine(line);
  return (
    `${line.slice(0, 5)}.${line.slice(5, 10)} ${line.slice(10, 15)}.${line.slice(15, 21)} ` +
    `${line.slice(21, 26)}.${line.slice(26, 32)} ${line.slice(32, 33)} ${line.slice(33)}`
  );
}

// [start, end) of each módulo-10-protected field, its check digit sitting at `end`.
const LINE_FIELDS = [
  [0, 9],
  [10, 20],
  [21, 31],
] as const;

/**
 * Reads a linha digitável back (digits only, or the printed form with its dots and spaces), checking
 * every field's módulo 10 digit and the general módulo 11 digit. Throws a RangeError naming the first
 * mismatch, so a typo is reported rather than turned into a wrong barcode.
 */
export function parseLinhaDigitavel(line: string): {
  barcode: string;
  amountCents: number;
  dueFactor: string;
} {
  const digits = line.replace(/[\s.]/g, '');
  assertLine(digits);
  LINE_FIELDS.forEach(([start, end], index) => {
    const expected = mod10(digits.slice(start, end));
    if (digits[end] !== expected) {
      throw new RangeError(`field ${index + 1} check digit is ${digits[end]}, expected ${expected}`);
    }
  });
  // Undo the line's reordering: bank + currency, check digit + factor + amount (fields 4-5), free field.
  const barcode =
    digits.slice(0, 4) +
    digits.slice(32, 47) +
    digits.slice(4, 9) +
    digits.slice(10, 20) +
    digits.slice(21, 31);
  assertBarcode(barcode);
  return { barcode, amountCents: Number(digits.slice(37, 47)), dueFactor: digits.slice(33, 37) };
}

// Sandbox layout, shaped like a common 25-digit campo livre: agency, portfolio, nosso número, account, zero.
const SANDBOX_AGENCY = '0001';
const SANDBOX_PORTFOLIO = '09';
const SANDBOX_ACCOUNT = '0000001';
const NOSSO_NUMERO_MODULUS = 100_000_000_000n; // 11 digits

// FNV-1a over the UTF-8 bytes, 32-bit; two offsets give two independent-enough halves for a 64-bit value.
function fnv1a(bytes: Uint8Array, offset: number): number {
  let hash = offset;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/**
 * A deterministic 25-digit free field for Borda's built-in sandbox bank: agency 0001 (4) + portfolio 09 (2)
 * + an 11-digit nosso número hashed from the reference's characters (11) + account 0000001 (7) + '0' (1).
 * It belongs to no real bank and no real account; it only lets sandbox boletos carry a stable, distinct
 * number per reference. Different references can in principle collide (a hash into 10^11 values).
 */
export function sandboxFreeField(reference: string): string {
  const bytes = new TextEncoder().encode(reference);
  const wide = (BigInt(fnv1a(bytes, 0x811c9dc5)) << 32n) | BigInt(fnv1a(bytes, 0x050c5d1f));
  const nossoNumero = (wide % NOSSO_NUMERO_MODULUS).toString().padStart(11, '0');
  return `${SANDBOX_AGENCY}${SANDBOX_PORTFOLIO}${nossoNumero}${SANDBOX_ACCOUNT}0`;
}
