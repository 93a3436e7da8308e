import { normalizeDocument } from '../../domain/documents';
import { ConnectorError, type CreatePaymentRequest } from '../types';
import type { PicPayChargeRequest, PicPayCustomer } from './wire';

/**
 * PicPay's `merchantChargeId` (6–36 of `[A-Za-z0-9-]`) for a Borda payment: its id with `_` as `-`.
 * Derived, not stored, so the charge is found by it after a lost reply, and PicPay refuses a second
 * charge with the same id.
 */
export function merchantChargeId(paymentId: string): string {
  return paymentId
    .replace(/_/g, '-')
    .replace(/[^A-Za-z0-9-]/g, '')
    .slice(0, 36);
}

/** Customer names must match `^[\p{L} &\d]+$`: other characters are dropped. */
function plainName(name: string): string {
  return name
    .replace(/[^\p{L} &\d]/gu, ' ')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, 255);
}

/** The customer as PicPay requires it: a CPF (11 digits) or CNPJ (14 characters) is mandatory. */
export function picpayCustomer(customer: CreatePaymentRequest['customer']): PicPayCustomer {
  const document = customer.document ? normalizeDocument(customer.document) : '';
  if (document.length !== 11 && document.length !== 14) {
    throw new ConnectorError('retryable', 'gateway_missing_data', "PicPay needs the payer's CPF or CNPJ");
  }
  return {
    name: plainName(customer.name) || 'Cliente',
    email: customer.email,
    documentType: document.length === 11 ? 'CPF' : 'CNPJ',
    document,
  };
}

/** POST /charge/pix or /charge/wallet: one transaction for the whole amount, payable until the session ends. */
export function chargeRequest(req: CreatePaymentRequest): PicPayChargeRequest {
  const expiration = Math.max(1, Math.floor((req.expiresAt - req.now) / 1000));
  const amount = req.amount;
  return {
    paymentSource: 'GATEWAY',
    merchantChargeId: merchantChargeId(req.paymentId),
    customer: picpayCustomer(req.customer),
    transactions: [
      req.method === 'pix' ? { amount, pix: { expiration } } : { amount, wallet: { expiration } },
    ],
  };
}
