import { normalizeDocument } from '../../domain/documents';
import { ConnectorError, type CreatePaymentRequest } from '../types';
import type { PagbankOrderRequest } from './wire';

const BRASILIA_OFFSET_MS = -3 * 60 * 60 * 1000;

function missing(what: string): ConnectorError {
  return new ConnectorError(
    'retryable',
    'gateway_missing_data',
    `PagBank needs ${what}, which this payment lacks.`,
  );
}

/** An instant as PagBank writes dates: ISO 8601 in Brasília time with its offset, whole seconds. */
export function brasiliaIso(ms: number): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + BRASILIA_OFFSET_MS).toISOString().slice(0, 19);
  return `${local}-03:00`;
}

/** Card statements take at most 17 plain characters (soft_descriptor); accents and symbols dropped. */
function softDescriptor(name: string): string | undefined {
  const plain = name
    .normalize('NFD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, 17)
    .trim();
  return plain || undefined;
}

/**
 * POST /orders body. PIX: one `qr_codes` entry expiring with the session (never later); card: one
 * `charges` entry with the card itself, captured at once. Amounts are centavos, as PagBank's.
 */
export function orderRequest(
  req: CreatePaymentRequest,
  notificationUrl: string | undefined,
): PagbankOrderRequest {
  if (req.currency !== 'BRL' || !Number.isSafeInteger(req.amount) || req.amount <= 0) {
    throw new ConnectorError('retryable', 'method_not_supported', 'PagBank takes BRL only');
  }
  const taxId = req.customer.document ? normalizeDocument(req.customer.document) : '';
  if (taxId.length !== 11 && taxId.length !== 14) throw missing("the payer's CPF or CNPJ");
  const name = (req.description ?? req.merchant.name).slice(0, 64) || req.paymentId;
  const order: PagbankOrderRequest = {
    reference_id: req.paymentId,
    customer: { name: req.customer.name.slice(0, 30), email: req.customer.email, tax_id: taxId },
    items: [{ reference_id: req.paymentId, name, quantity: 1, unit_amount: req.amount }],
    ...(notificationUrl ? { notification_urls: [notificationUrl] } : {}),
  };
  if (req.method === 'pix') {
    if (req.expiresAt - req.now < 60_000) {
      throw new ConnectorError('retryable', 'invalid_request', 'the session expires too soon for a PIX code');
    }
    return {
      ...order,
      qr_codes: [{ amount: { value: req.amount }, expiration_date: brasiliaIso(req.expiresAt) }],
    };
  }
  const card = req.card;
  if (req.method !== 'card' || !card) {
    throw new ConnectorError('retryable', 'method_not_supported', `PagBank does not take ${req.method} here`);
  }
  const descriptor = softDescriptor(req.merchant.name);
  return {
    ...order,
    charges: [
      {
        reference_id: req.paymentId,
        description: name,
        amount: { value: req.amount, currency: 'BRL' },
        payment_method: {
          type: 'CREDIT_CARD',
          installments: Math.max(1, req.installments),
          capture: true,
          ...(descriptor ? { soft_descriptor: descriptor } : {}),
          card: {
            number: card.number.replace(/[\s-]/g, ''),
            exp_month: String(card.exp_month).padStart(2, '0'),
            exp_year: String(card.exp_year),
            security_code: card.cvc,
            holder: { name: card.holder_name },
            store: false,
          },
        },
      },
    ],
  };
}
