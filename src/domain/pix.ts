/**
 * PIX "copia e cola" BR Code (EMV QRCPS Merchant Presented Mode as profiled by the Banco Central do Brasil
 * in the "Manual de Padrões para Iniciação do Pix"). The same string is shown as text and encoded in the QR.
 */

/** What a checkout needs to charge one PIX payment to a merchant's key. */
export type PixPayloadInput = {
  /** The receiver's PIX key (CPF/CNPJ, e-mail, +55 phone or random EVP key). */
  key: string;
  merchantName: string;
  merchantCity: string;
  /** Amount in BRL cents; a positive integer. */
  amountCents: number;
  /** Reconciliation id; reduced to at most 25 ASCII letters and digits. */
  txid: string;
  /** Free text shown to the payer by some banking apps; shortened or dropped to fit the template. */
  description?: string;
};

const GUI = 'br.gov.bcb.pix';
// EMV limits: a field value is at most 99 characters (two-digit length), 54 (amount) at most 13.
const MAX_FIELD_LENGTH = 99;
const MAX_AMOUNT_LENGTH = 13;
const MAX_NAME_LENGTH = 25;
const MAX_CITY_LENGTH = 15;
const MAX_TXID_LENGTH = 25;
// An empty txid is not allowed in a static code; "***" is the manual's placeholder for "none".
const NO_TXID = '***';

function field(id: string, value: string): string {
  if (value.length > MAX_FIELD_LENGTH) {
    throw new RangeError(`PIX field ${id} is ${value.length} characters; at most ${MAX_FIELD_LENGTH} fit`);
  }
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/**
 * Reduces text to printable ASCII, because payer apps and the EMV length prefix both assume one byte per
 * character: accents are stripped ("São" → "Sao"), whitespace runs become one space, anything else
 * outside 0x20-0x7E (emoji, "ß", control characters) is dropped.
 */
/** Whether text keeps at least one letter or digit once folded to the ASCII a BR Code allows. */
export function survivesPixFolding(text: string): boolean {
  return /[A-Za-z0-9]/.test(foldToAscii(text));
}

function foldToAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7E]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

// Trims again after cutting so a name is never sent with a dangling space from the cut point.
function foldAndTruncate(text: string, max: number): string {
  return foldToAscii(text).slice(0, max).trimEnd();
}

/**
 * Formats integer cents as the decimal string field 54 wants ("150.00"), by string surgery on the
 * integer so no binary floating point ever touches the amount.
 */
function formatAmount(amountCents: number): string {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new RangeError(`amountCents must be a positive safe integer, got ${amountCents}`);
  }
  const digits = String(amountCents).padStart(3, '0');
  const amount = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  if (amount.length > MAX_AMOUNT_LENGTH) {
    throw new RangeError(`amountCents ${amountCents} does not fit the ${MAX_AMOUNT_LENGTH}-character field`);
  }
  return amount;
}

function merchantAccountInfo(key: string, description: string | undefined): string {
  const gui = field('00', GUI);
  const trimmedKey = key.trim();
  if (trimmedKey === '' || !/^[\x20-\x7E]+$/.test(trimmedKey)) {
    throw new RangeError('PIX key must be non-empty printable ASCII');
  }
  const keyField = field('01', trimmedKey);
  // The whole template (field 26) must stay within 99 characters. The key is not negotiable, so a key
  // that does not fit is an error; the description gets whatever room is left after its own 4-character
  // ID+length header, and is dropped when there is none.
  const used = gui.length + keyField.length;
  if (used > MAX_FIELD_LENGTH) {
    throw new RangeError(`PIX key is too long (${trimmedKey.length} characters)`);
  }
  const room = MAX_FIELD_LENGTH - used - 4;
  const text = description === undefined || room <= 0 ? '' : foldAndTruncate(description, room);
  return gui + keyField + (text === '' ? '' : field('02', text));
}

/**
 * Builds the PIX copia-e-cola payload for a single-use charge of `amountCents` to `key`.
 * Name, city, description and txid are folded to printable ASCII and cut to their BR Code limits.
 * @throws RangeError if the amount is not a positive safe integer (or overflows field 54), the key is
 *   empty, non-ASCII or too long, or the name or city is empty after folding.
 */
export function buildPixPayload(input: PixPayloadInput): string {
  const amount = formatAmount(input.amountCents);
  const name = foldAndTruncate(input.merchantName, MAX_NAME_LENGTH);
  if (name === '') throw new RangeError('merchantName is empty after folding to ASCII');
  const city = foldAndTruncate(input.merchantCity, MAX_CITY_LENGTH);
  if (city === '') throw new RangeError('merchantCity is empty after folding to ASCII');
  const txid =
    foldToAscii(input.txid)
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, MAX_TXID_LENGTH) || NO_TXID;

  const body = [
    field('00', '01'),
    // "12" marks the code as single use, so a payer app will not offer to pay the same charge twice.
    field('01', '12'),
    field('26', merchantAccountInfo(input.key, input.description)),
    field('52', '0000'),
    field('53', '986'),
    field('54', amount),
    field('58', 'BR'),
    field('59', name),
    field('60', city),
    field('62', field('05', txid)),
  ].join('');
  // The CRC covers its own ID and length ("6304"), so those are appended before computing it.
  const withCrcHeader = `${body}6304`;
  return withCrcHeader + crc16CcittFalse(withCrcHeader);
}

/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of `text`'s UTF-8 bytes
 * (identical to its ASCII bytes for a BR Code), as four upper-case hex digits.
 */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Splits one level of EMV TLV fields (`ID(2) LEN(2) VALUE`) into a map from ID to value; pass a
 * template's value (e.g. field 26) back in to read its sub-fields. It does not check the CRC.
 * @throws Error if an ID or length is not two digits, a value runs past the end, or an ID repeats.
 */
export function parsePixPayload(payload: string): Map<string, string> {
  const fields = new Map<string, string>();
  let offset = 0;
  while (offset < payload.length) {
    const header = payload.slice(offset, offset + 4);
    if (!/^\d{4}$/.test(header)) {
      throw new Error(`Malformed PIX field header ${JSON.stringify(header)} at offset ${offset}`);
    }
    const id = header.slice(0, 2);
    const length = Number(header.slice(2));
    const start = offset + 4;
    if (start + length > payload.length) {
      throw new Error(`PIX field ${id} at offset ${offset} declares ${length} characters past the end`);
    }
    if (fields.has(id)) throw new Error(`PIX field ${id} appears twice`);
    fields.set(id, payload.slice(start, start + length));
    offset = start + length;
  }
  return fields;
}
