import { ConnectorError, type CreatePaymentRequest } from '../types';
import type { ERedeCardRequest, ERedePixRequest } from './wire';

/** e.Rede's `reference` (the order number) takes at most 16 characters. */
export const REFERENCE_LENGTH = 16;

/**
 * The e.Rede reference of a Borda payment: the last 16 characters of its random part. Derived, not
 * stored, so a payment whose reply was lost is found again by reference (GET /transactions?reference=),
 * and e.Rede refuses a second transaction with the same reference (return code 122), which makes a
 * retried POST safe.
 */
export function eredeReference(paymentId: string): string {
  const random = paymentId.includes('_') ? paymentId.slice(paymentId.indexOf('_') + 1) : paymentId;
  return random.replace(/[^A-Za-z0-9]/g, '').slice(-REFERENCE_LENGTH);
}

/** Brasília has no daylight saving since 2019: UTC−3 all year. */
const BRASILIA_OFFSET_MS = 3 * 3600 * 1000;

/** An instant as Brasília local time without a zone, `YYYY-MM-DDTHH:mm:ss`, as e.Rede's PIX expects. */
export function brasiliaLocal(ms: number): string {
  return new Date(ms - BRASILIA_OFFSET_MS).toISOString().slice(0, 19);
}

/** POST /v2/transactions body for a card, authorised and captured at once. */
export function cardRequest(req: CreatePaymentRequest): ERedeCardRequest {
  const card = req.card;
  if (!card) throw new ConnectorError('retryable', 'gateway_missing_data', 'e.Rede needs card data');
  return {
    capture: true,
    kind: 'credit',
    reference: eredeReference(req.paymentId),
    amount: req.amount,
    ...(req.installments > 1 ? { installments: req.installments } : {}),
    cardholderName: card.holder_name,
    cardNumber: card.number.replace(/[\s-]/g, ''),
    expirationMonth: card.exp_month,
    expirationYear: card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year,
    // No softDescriptor: its length limit is not in the sources read, and a refused descriptor would
    // fail every card; the account's registered descriptor applies.
    securityCode: card.cvc,
  };
}

/** POST /v2/transactions body for PIX; the QR code expires with the session, never later. */
export function pixRequest(req: CreatePaymentRequest): ERedePixRequest {
  return {
    kind: 'Pix',
    reference: eredeReference(req.paymentId),
    amount: req.amount,
    qrCode: { dateTimeExpiration: brasiliaLocal(req.expiresAt) },
  };
}
