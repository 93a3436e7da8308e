import { detectBrand } from '../../domain/cards';
import type { Country } from '../../domain/countries';
import { minorToDecimalLiteral } from '../../domain/decimal';
import { normalizeDocument } from '../../domain/documents';
import type { CreatePaymentRequest } from '../types';
import type { EbanxPaymentRequest } from './wire';

/** Borda's country → EBANX's lower-case ISO 3166-1 alpha-2. */
export const EBANX_COUNTRY: Record<Country, string> = {
  BRA: 'br',
  MEX: 'mx',
  COL: 'co',
  PER: 'pe',
  CHL: 'cl',
  ECU: 'ec',
  ARG: 'ar',
};

/** Borda method → EBANX `payment_type_code` for what is not a card (EBANX's payment type codes). */
export const LOCAL_TYPE_CODES: Record<string, string> = {
  pix: 'pix',
  oxxo: 'oxxo',
  spei: 'spei',
  pse: 'eft',
  efecty: 'efecty',
  nequi: 'nequi',
  cip: 'pagoefectivo',
  servipag: 'servipag',
};

/** Borda's card brand → EBANX's card `payment_type_code`. */
const CARD_TYPE_CODES: Record<string, string> = {
  visa: 'visa',
  mastercard: 'mastercard',
  amex: 'amex',
  elo: 'elo',
  hipercard: 'hipercard',
  diners: 'diners',
};

/** Minor units → EBANX's decimal amount in the major unit, exactly (123456 MXN → 1234.56). */
export function ebanxAmount(req: Pick<CreatePaymentRequest, 'amount' | 'currency'>): number {
  return Number(minorToDecimalLiteral(req.amount, req.currency));
}

/** The last day a voucher can be paid: the session's expiry, as a UTC date. */
function dueDate(req: CreatePaymentRequest): string {
  return new Date(req.expiresAt).toISOString().slice(0, 10);
}

/**
 * The `payment` object of POST /ws/direct. Throws RangeError when Borda lacks what the method needs
 * (PSE without the customer's bank, a card EBANX does not take), before anything is sent.
 */
export function paymentRequest(req: CreatePaymentRequest): EbanxPaymentRequest {
  const out: EbanxPaymentRequest = {
    name: req.customer.name,
    email: req.customer.email,
    country: EBANX_COUNTRY[req.country],
    payment_type_code: '',
    merchant_payment_code: req.paymentId,
    currency_code: req.currency,
    amount_total: ebanxAmount(req),
  };
  if (req.customer.document) out.document = normalizeDocument(req.customer.document);
  if (req.method === 'card') {
    const card = req.card;
    const brand = card ? detectBrand(card.number.replace(/\D/g, '')) : null;
    const code = brand ? CARD_TYPE_CODES[brand] : undefined;
    if (!card || !code) throw new RangeError('the card brand is not one EBANX takes');
    const year = card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year;
    return {
      ...out,
      payment_type_code: code,
      instalments: Math.max(1, req.installments),
      creditcard: {
        card_number: card.number.replace(/[\s-]/g, ''),
        card_name: card.holder_name,
        card_due_date: `${String(card.exp_month).padStart(2, '0')}/${year}`,
        card_cvv: card.cvc,
      },
    };
  }
  const code = LOCAL_TYPE_CODES[req.method];
  if (!code) throw new RangeError(`EBANX cannot take ${req.method}`);
  out.payment_type_code = code;
  if (req.method === 'pse') {
    if (!req.bank) throw new RangeError('PSE needs the customer bank (eft_code)');
    out.eft_code = req.bank;
  }
  if (['oxxo', 'efecty', 'cip', 'spei'].includes(req.method)) out.due_date = dueDate(req);
  return out;
}
