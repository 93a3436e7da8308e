/** Card brands Borda's gateways take. */
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'elo' | 'hipercard' | 'diners';

/**
 * IIN ranges per brand, as 'low-high' or a single prefix; both ends have the same number of digits, so
 * comparing the number's prefix of that length as a string is a numeric comparison.
 *
 * Order matters: Elo and Hipercard sit inside Visa's 4 and Diners' 38, so they are tried first.
 * Sources:
 * - Elo: braintree/credit-card-type src/lib/card-types.ts (`elo.patterns`), the list behind card-validator.
 *   ContaAzul/creditcard.js (src/cards.js) has the same list but stops the 6509xx block at 650920; the
 *   newer 650901-650978 is kept because nothing else Borda takes starts with 65.
 * - Hipercard: 606282 from credit-card-type `hipercard`; 637095, 63737423, 63743358, 637568, 637599,
 *   637609, 637612 from its `hiper` (Itaú's successor brand, which Brazilian gateways settle as
 *   Hipercard); 384100/384140/384160 from medipass/react-payment-inputs (src/utils/cardTypes.js), and
 *   their 19-digit length from creditcard.js, whose Hipercard pattern is 38 followed by 17 digits.
 */
export const CARD_BRAND_RANGES: ReadonlyArray<readonly [CardBrand, readonly string[]]> = [
  [
    'elo',
    [
      '401178-401179',
      '431274',
      '438935',
      '451416',
      '457393',
      '457631-457632',
      '504175',
      '506699-506778',
      '509000-509999',
      '627780',
      '636297',
      '636368',
      '650031-650033',
      '650035-650051',
      '650405-650439',
      '650485-650538',
      '650541-650598',
      '650700-650718',
      '650720-650727',
      '650901-650978',
      '651652-651679',
      '655000-655019',
      '655021-655058',
    ],
  ],
  [
    'hipercard',
    [
      '606282',
      '384100',
      '384140',
      '384160',
      '637095',
      '63737423',
      '63743358',
      '637568',
      '637599',
      '637609',
      '637612',
    ],
  ],
  ['amex', ['34', '37']],
  ['diners', ['300-305', '36', '38-39']],
  ['mastercard', ['51-55', '2221-2720']],
  ['visa', ['4']],
];

/** Valid lengths per brand; a number of another length is mistyped even when its Luhn digit happens to fit. */
const LENGTHS: Record<CardBrand, readonly number[]> = {
  visa: [13, 16, 19],
  mastercard: [16],
  amex: [15],
  elo: [16],
  hipercard: [16, 19],
  diners: [14, 15, 16, 17, 18, 19],
};

function inRange(digits: string, range: string): boolean {
  const [low = '', high = low] = range.split('-');
  const prefix = digits.slice(0, low.length);
  return prefix.length === low.length && prefix >= low && prefix <= high;
}

/** Strips the spaces and dashes customers type or paste between digit groups. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** The Luhn (mod 10) check; false for an empty string or anything that is not all ASCII digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * The brand a (possibly partial, possibly formatted) card number belongs to, by its IIN, or null.
 * Six-digit Elo/Hipercard BINs only match once six digits are typed, so a short Elo prefix shows as Visa
 * until then; checkCard always sees the full number.
 */
export function detectBrand(number: string): CardBrand | null {
  const digits = normalizeCardNumber(number);
  if (!/^\d+$/.test(digits)) return null;
  for (const [brand, ranges] of CARD_BRAND_RANGES) {
    if (ranges.some((range) => inRange(digits, range))) return brand;
  }
  return null;
}

/** What checkCard found; on success only the brand and last four digits, which are safe to store and show. */
export type CardCheck =
  | { ok: true; brand: CardBrand; last4: string }
  | { ok: false; field: 'number' | 'exp_month' | 'exp_year' | 'cvc' | 'holder_name'; code: string };

/**
 * Expiry is judged at UTC-12, the last place on Earth where a month ends: a card is good through the end of
 * its month in the customer's zone, and rejecting one the issuer still honours is worse than letting the
 * gateway decline it.
 */
const LATEST_OFFSET_MS = 12 * 60 * 60 * 1000;
const MAX_YEARS_AHEAD = 20;

/**
 * Checks a card form before it goes to a gateway, returning the first problem in form order (number, expiry,
 * CVC, holder name). Pure and silent: the number and CVC never appear in the result beyond last4 and brand,
 * and nothing is logged.
 */
export function checkCard(
  card: { number: string; holder_name: string; exp_month: number; exp_year: number; cvc: string },
  now: Date,
): CardCheck {
  const digits = normalizeCardNumber(card.number);
  // A mistyped number is invalid_number whatever its prefix; unsupported_brand is kept for real cards
  // (Luhn passes) of brands we do not take, so the customer knows to try another card, not to retype.
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) return fail('number', 'invalid_number');
  const brand = detectBrand(digits);
  if (brand === null) return fail('number', 'unsupported_brand');
  if (!LENGTHS[brand].includes(digits.length)) return fail('number', 'invalid_number');

  const month = card.exp_month;
  if (!Number.isInteger(month) || month < 1 || month > 12) return fail('exp_month', 'invalid_expiry');
  let year = card.exp_year;
  if (!Number.isInteger(year)) return fail('exp_year', 'invalid_expiry');
  if (year >= 0 && year <= 99) year += 2000; // cards print YY
  if (year < 1000 || year > 9999) return fail('exp_year', 'invalid_expiry');
  const ref = new Date(now.getTime() - LATEST_OFFSET_MS);
  const refYear = ref.getUTCFullYear();
  if (year * 12 + month - 1 < refYear * 12 + ref.getUTCMonth()) {
    return fail(year < refYear ? 'exp_year' : 'exp_month', 'expired_card');
  }
  if (year > refYear + MAX_YEARS_AHEAD) return fail('exp_year', 'invalid_expiry');

  const cvcLength = brand === 'amex' ? 4 : 3;
  if (card.cvc.length !== cvcLength || !/^\d+$/.test(card.cvc)) return fail('cvc', 'invalid_cvc');

  // Code points, not UTF-16 units, so accented names count the way the customer sees them.
  const nameLength = [...card.holder_name.trim()].length;
  if (nameLength < 2 || nameLength > 26) return fail('holder_name', 'invalid_holder_name');

  return { ok: true, brand, last4: digits.slice(-4) };
}

function fail(field: Extract<CardCheck, { ok: false }>['field'], code: string): CardCheck {
  return { ok: false, field, code };
}
