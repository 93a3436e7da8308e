import { detectBrand } from '../../domain/cards';
import type { Country } from '../../domain/countries';
import { minorToDecimalLiteral } from '../../domain/decimal';
import { normalizeDocument } from '../../domain/documents';
import type { CreatePaymentRequest } from '../types';
import type { MpCardTokenRequest, MpIdentification, MpPayer, MpPaymentRequest } from './wire';

/** Borda method → Mercado Pago `payment_method_id` for the methods that are not cards. */
const LOCAL_METHOD_IDS: Record<string, string> = { pix: 'pix', oxxo: 'oxxo', efecty: 'efecty' };

/** Borda's card brand → Mercado Pago's credit `payment_method_id`. */
const CARD_METHOD_IDS: Record<string, string> = {
  visa: 'visa',
  mastercard: 'master',
  amex: 'amex',
  elo: 'elo',
  hipercard: 'hipercard',
  diners: 'diners',
};

/** The national id type Mercado Pago names per country (its identification_types list). */
const ID_TYPES: Partial<Record<Country, string>> = { COL: 'CC', ARG: 'DNI', CHL: 'RUT', PER: 'DNI' };

/** What a method needs and the checkout did not give (routing may try a gateway that needs less). */
export class MissingData extends RangeError {}

/** Minor units → Mercado Pago's decimal amount in the major unit, exactly (15050 BRL → 150.5). */
export function mpAmount(req: Pick<CreatePaymentRequest, 'amount' | 'currency'>): number {
  return Number(minorToDecimalLiteral(req.amount, req.currency));
}

function identification(req: CreatePaymentRequest): MpIdentification | undefined {
  if (!req.customer.document) return undefined;
  const number = normalizeDocument(req.customer.document);
  if (req.country === 'BRA') return { type: number.length === 14 ? 'CNPJ' : 'CPF', number };
  const type = ID_TYPES[req.country];
  return type && number ? { type, number } : undefined;
}

function payer(req: CreatePaymentRequest): MpPayer {
  const [first = req.customer.name, ...rest] = req.customer.name.trim().split(/\s+/);
  const out: MpPayer = { email: req.customer.email, first_name: first };
  if (rest.length > 0) out.last_name = rest.join(' ');
  const id = identification(req);
  if (id) out.identification = id;
  return out;
}

/** ISO 8601 with milliseconds and an explicit offset, the format Mercado Pago's examples use. */
export function mpDate(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/** POST /v1/card_tokens body for the request's card (kept in memory only). */
export function cardTokenRequest(req: CreatePaymentRequest): MpCardTokenRequest {
  const card = req.card;
  if (!card) throw new RangeError('card details are missing');
  const id = identification(req);
  return {
    card_number: card.number.replace(/[\s-]/g, ''),
    expiration_month: card.exp_month,
    expiration_year: card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year,
    security_code: card.cvc,
    cardholder: { name: card.holder_name, ...(id ? { identification: id } : {}) },
  };
}

/**
 * POST /v1/payments body. Cards carry the token and installments and are sent in binary mode, so an
 * answer is approved or rejected, never left for manual review; PIX and vouchers expire with the session.
 */
export function paymentRequest(req: CreatePaymentRequest, cardToken: string | null): MpPaymentRequest {
  const base = {
    transaction_amount: mpAmount(req),
    description: (req.description ?? req.merchant.name).slice(0, 256) || req.paymentId,
    external_reference: req.paymentId,
    payer: payer(req),
    metadata: { borda_payment_id: req.paymentId },
  };
  if (req.method === 'card') {
    const brand = req.card ? detectBrand(req.card.number.replace(/\D/g, '')) : null;
    const methodId = brand ? CARD_METHOD_IDS[brand] : undefined;
    if (!cardToken || !methodId) throw new RangeError('the card brand is not one Mercado Pago takes');
    return {
      ...base,
      payment_method_id: methodId,
      token: cardToken,
      installments: Math.max(1, req.installments),
      binary_mode: true,
    };
  }
  if (req.method === 'pse') {
    // PSE debits a bank account: Mercado Pago requires the bank, a national id, the payer's IP and
    // the URL the bank sends the customer back to.
    const id = identification(req);
    if (!req.bank || !req.customerIp || !req.returnUrl || !id) {
      throw new MissingData('PSE needs the customer bank, document, IP address and a return URL');
    }
    return {
      ...base,
      payment_method_id: 'pse',
      payer: { ...base.payer, entity_type: 'individual' },
      transaction_details: { financial_institution: req.bank },
      additional_info: { ip_address: req.customerIp },
      callback_url: req.returnUrl,
    };
  }
  const methodId = LOCAL_METHOD_IDS[req.method];
  if (!methodId) throw new RangeError(`Mercado Pago cannot take ${req.method}`);
  return { ...base, payment_method_id: methodId, date_of_expiration: mpDate(req.expiresAt) };
}
