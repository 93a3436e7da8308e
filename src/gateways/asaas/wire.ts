import type { GatewayStatus } from '../types';

/**
 * Asaas API v3 wire types: only the fields Borda sends or reads. Sources are cited in ./client.ts;
 * examples in the tests are the documented ones.
 */

/** The billing types Borda uses (Asaas also has UNDEFINED, DEBIT_CARD, TRANSFER, DEPOSIT). */
export type AsaasBillingType = 'PIX' | 'BOLETO' | 'CREDIT_CARD';

/** POST /v3/customers: Asaas needs a customer id on every payment; name and cpfCnpj are required. */
export type AsaasCustomerRequest = {
  name: string;
  cpfCnpj: string;
  email?: string;
  /** Borda's payment id, so a customer row in the merchant's dashboard leads back to the checkout. */
  externalReference: string;
  /** Borda sends its own receipts; Asaas's e-mail/SMS notices would duplicate them. */
  notificationDisabled: true;
};

export type AsaasCustomer = { object: 'customer'; id: string };

/**
 * An exact decimal amount in reais, written into the JSON as a number literal (`150.00`), never
 * through a binary float. Built only by `centsToReais`.
 */
export class Reais {
  private constructor(readonly text: string) {}

  /** Integer centavos to reais with string arithmetic: 15000 → 150.00, 5 → 0.05. */
  static fromCents(cents: number): Reais {
    if (!Number.isSafeInteger(cents) || cents < 0)
      throw new RangeError('cents must be a non-negative integer');
    const digits = String(cents).padStart(3, '0');
    return new Reais(`${digits.slice(0, -2)}.${digits.slice(-2)}`);
  }
}

/** Card data as Asaas wants it; it exists only inside one request body, never in a log or an error. */
export type AsaasCreditCard = {
  holderName: string;
  number: string;
  expiryMonth: string;
  expiryYear: string;
  ccv: string;
};

/** Required by Asaas for a card payment; must match what the issuer has on file. */
export type AsaasCreditCardHolderInfo = {
  name: string;
  email: string;
  cpfCnpj: string;
  postalCode: string;
  addressNumber: string;
  phone: string;
};

/** POST /v3/payments. */
export type AsaasPaymentRequest = {
  customer: string;
  billingType: AsaasBillingType;
  value: Reais;
  /** yyyy-mm-dd; for cards the capture happens at creation whatever this says. */
  dueDate: string;
  description?: string;
  /** Borda's payment id: lets fetchStatus find the payment after a timeout left Borda without its id. */
  externalReference: string;
  /** Cards in 2+ installments only; a single payment must send `value` alone. */
  installmentCount?: number;
  totalValue?: Reais;
  /** Boleto only: Asaas cancels the bank registration this many days after the due date. */
  daysAfterDueDateToRegistrationCancellation?: number;
  /** Late fine; FIXED is reais. */
  fine?: { value: Reais; type: 'FIXED' };
  /** Late interest: a percentage per month (Asaas has no fixed amount a day). */
  interest?: { value: number };
  creditCard?: AsaasCreditCard;
  creditCardHolderInfo?: AsaasCreditCardHolderInfo;
  /** The payer's IP (required for cards; never the server's). */
  remoteIp?: string;
};

/** Every status Asaas documents for a payment (PaymentGetResponsePaymentStatus). */
export const ASAAS_PAYMENT_STATUSES = [
  'PENDING',
  'RECEIVED',
  'CONFIRMED',
  'OVERDUE',
  'REFUNDED',
  'RECEIVED_IN_CASH',
  'REFUND_REQUESTED',
  'REFUND_IN_PROGRESS',
  'CHARGEBACK_REQUESTED',
  'CHARGEBACK_DISPUTE',
  'AWAITING_CHARGEBACK_REVERSAL',
  'DUNNING_REQUESTED',
  'DUNNING_RECEIVED',
  'AWAITING_RISK_ANALYSIS',
] as const;

export type AsaasPaymentStatus = (typeof ASAAS_PAYMENT_STATUSES)[number];

/** The payment object (GET /v3/payments/{id}, list items, webhook `payment`), as far as Borda reads it. */
export type AsaasPayment = {
  object: 'payment';
  id: string;
  customer: string;
  value: number;
  billingType: string;
  /** A string, not AsaasPaymentStatus: a status Asaas adds later must not break parsing. */
  status: string;
  dueDate: string;
  externalReference: string | null;
  deleted: boolean;
  creditCard?: { creditCardNumber?: string; creditCardBrand?: string } | null;
};

/** GET /v3/payments?externalReference=…: a page of payments. */
export type AsaasList<T> = { object: 'list'; hasMore: boolean; totalCount: number; data: T[] };

/** GET /v3/payments/{id}/pixQrCode; expirationDate is "yyyy-mm-dd HH:mm:ss", Brasília time. */
export type AsaasPixQrCode = { encodedImage: string; payload: string; expirationDate: string };

/** GET /v3/payments/{id}/identificationField: the linha digitável, the barcode, the bank's number. */
export type AsaasIdentificationField = { identificationField: string; nossoNumero: string; barCode: string };

/** Every 4xx body: `{ errors: [{ code, description }] }`. */
export type AsaasErrorBody = { errors?: { code?: string; description?: string }[] };

type Status = GatewayStatus['status'];

/**
 * Asaas's status → Borda's, exhaustive so a status added to the list above without a decision is a
 * type error. "paid" means the customer was charged: refunds and chargebacks in progress do not
 * undo that (only REFUNDED does). Asaas never stores a refused card payment (it answers HTTP 400),
 * so no status maps to `denied`. Two billing types refine this in `bordaStatus`.
 */
export const ASAAS_STATUS_MAP: Record<AsaasPaymentStatus, Status> = {
  PENDING: 'pending',
  AWAITING_RISK_ANALYSIS: 'pending',
  CONFIRMED: 'paid',
  RECEIVED: 'paid',
  RECEIVED_IN_CASH: 'paid',
  DUNNING_RECEIVED: 'paid',
  REFUND_REQUESTED: 'paid',
  REFUND_IN_PROGRESS: 'paid',
  CHARGEBACK_REQUESTED: 'paid',
  CHARGEBACK_DISPUTE: 'paid',
  AWAITING_CHARGEBACK_REVERSAL: 'paid',
  OVERDUE: 'expired',
  DUNNING_REQUESTED: 'expired',
  REFUNDED: 'canceled',
};

function isAsaasStatus(value: string): value is AsaasPaymentStatus {
  return Object.hasOwn(ASAAS_STATUS_MAP, value);
}

/**
 * A payment's Borda status. Refinements of the table:
 * - PIX CONFIRMED is a precautionary block (up to 72 h) that ends RECEIVED or REFUNDED: not paid yet;
 * - BOLETO OVERDUE can still be paid until its registration is cancelled (Borda's void date), which
 *   Borda's own hold (`holdUntil`) already bounds;
 * - a deleted payment is canceled; an undocumented status is pending, which neither releases the
 *   payment to another gateway nor claims money that may not exist.
 */
export function bordaStatus(payment: Pick<AsaasPayment, 'status' | 'billingType' | 'deleted'>): Status {
  if (payment.deleted) return 'canceled';
  if (!isAsaasStatus(payment.status)) return 'pending';
  if (payment.status === 'CONFIRMED' && payment.billingType === 'PIX') return 'pending';
  if (payment.status === 'OVERDUE' && payment.billingType === 'BOLETO') return 'pending';
  return ASAAS_STATUS_MAP[payment.status];
}

/**
 * Borda's failure code for a refused card (HTTP 400, `invalid_creditCard`). By default Asaas answers
 * every refusal with one generic description ("Transação não autorizada. Verifique os dados do
 * cartão de crédito e tente novamente."), which is `card_declined`; accounts with detailed errors
 * enabled get the issuer's reason, whose wording is not published, so only unambiguous stems are read.
 * Null when the 400 is not a card refusal.
 */
export function cardFailureCode(body: AsaasErrorBody): string | null {
  const refusal = body.errors?.find((e) => e.code === 'invalid_creditCard');
  if (!refusal) return null;
  const text = (refusal.description ?? '').toLowerCase();
  if (/saldo insuficiente|limite insuficiente|insufficient/.test(text)) return 'insufficient_funds';
  if (/cart[aã]o (vencido|expirado)|validade|expired/.test(text)) return 'expired_card';
  if (/c[oó]digo de seguran[cç]a|\bcvv\b|\bccv\b|\bcvc\b/.test(text)) return 'incorrect_cvc';
  if (/erro (no|de) processamento|processing error/.test(text)) return 'processing_error';
  return 'card_declined';
}
