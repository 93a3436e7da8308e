import type { PaymentDetails } from '../../db/schema';
import { brasiliaDate } from '../../domain/boleto-terms';
import { normalizeDocument } from '../../domain/documents';
import { type BoletoPlan, boletoPlan } from '../boleto-plan';
import { brCodeTxid } from '../pix-txid';
import { ConnectorError, type CreatePaymentRequest } from '../types';
import { type AsaasBillingType, type AsaasCustomerRequest, type AsaasPaymentRequest, Reais } from './wire';

/** Asaas's limit on a payment description. */
const MAX_DESCRIPTION = 500;

const BILLING_TYPES: Record<string, AsaasBillingType> = { pix: 'PIX', boleto: 'BOLETO', card: 'CREDIT_CARD' };

/**
 * Data Asaas requires for a card that Borda's CreatePaymentRequest does not carry yet: the payer's IP
 * (`remoteIp`, documented as mandatory and never the server's) and the holder's postal code, address
 * number and phone. Read when present so the connector works as soon as the contract carries them;
 * until then a card payment fails before anything is sent (see `paymentBody`).
 */
export type AsaasRequestExtras = {
  customerIp?: string;
  customer: { phone?: string; postal_code?: string; address_number?: string };
};

/** Asaas's "yyyy-mm-dd HH:mm:ss" (Brasília, no zone), or an ISO instant with a zone; null if neither. */
export function parseAsaasDateTime(text: string): number | null {
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(text);
  const ms = local ? Date.parse(`${local[1]}T${local[2]}-03:00`) : Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

function missingData(what: string): ConnectorError {
  return new ConnectorError(
    'retryable',
    'gateway_missing_data',
    `Asaas needs ${what}, which this payment lacks.`,
  );
}

/**
 * POST /v3/customers for this payment. One customer per payment, never a lookup by CPF: a lookup
 * would bind the payment to whatever name and e-mail the merchant's account already holds for that
 * CPF (printed on the boleto, notified by Asaas), and costs the same round trip as creating one.
 */
export function customerBody(req: CreatePaymentRequest): AsaasCustomerRequest {
  const document = req.customer.document ? normalizeDocument(req.customer.document) : '';
  if (!document) throw missingData("the payer's CPF or CNPJ");
  return {
    name: req.customer.name,
    cpfCnpj: document,
    ...(req.customer.email ? { email: req.customer.email } : {}),
    externalReference: req.paymentId,
    notificationDisabled: true,
  };
}

/** A boleto's dates and late-payment terms, decided before it is issued. */

/**
 * The POST /v3/payments body (its `customer` is filled in once the customer exists). Everything that
 * can fail without Asaas fails here, before the first call. Throws ConnectorError('retryable',
 * 'gateway_missing_data' | 'unsupported_method' | 'gateway_rejected').
 */
export function paymentBody(req: CreatePaymentRequest): {
  body: AsaasPaymentRequest;
  boleto: BoletoPlan | null;
} {
  const billingType = BILLING_TYPES[req.method];
  if (!billingType) {
    throw new ConnectorError('retryable', 'unsupported_method', `Asaas does not take ${req.method}.`);
  }
  if (req.currency !== 'BRL') {
    throw new ConnectorError(
      'retryable',
      'unsupported_method',
      `Asaas charges only BRL, not ${req.currency}.`,
    );
  }
  const today = brasiliaDate(req.now);
  const body: AsaasPaymentRequest = {
    customer: '',
    billingType,
    value: Reais.fromCents(req.amount),
    dueDate: today,
    ...(req.description ? { description: req.description.slice(0, MAX_DESCRIPTION) } : {}),
    externalReference: req.paymentId,
  };
  if (billingType === 'PIX') {
    // Due the day Borda's session ends; Asaas keeps the QR code alive long after, so Borda's own
    // expiry (expires_at) governs and an expired session cancels the payment.
    body.dueDate = brasiliaDate(Math.max(req.now, req.expiresAt));
    return { body, boleto: null };
  }
  if (billingType === 'BOLETO') return { body, boleto: planBoleto(req, body) };
  addCard(req, body);
  return { body, boleto: null };
}

function planBoleto(req: CreatePaymentRequest, body: AsaasPaymentRequest): BoletoPlan {
  let plan: BoletoPlan;
  try {
    plan = boletoPlan({ now: req.now, amount: req.amount, settings: req.settings });
    body.daysAfterDueDateToRegistrationCancellation = plan.voidDays;
  } catch (err) {
    throw new ConnectorError(
      'retryable',
      'gateway_rejected',
      `Invalid boleto settings: ${(err as Error).message}`,
    );
  }
  body.dueDate = plan.due;
  if (plan.terms.fineCents !== null)
    body.fine = { value: Reais.fromCents(plan.terms.fineCents), type: 'FIXED' };
  // Asaas takes interest only as a percentage a month; a fixed amount a day cannot be expressed, so it
  // is not sent, and the boleto details say so (null) rather than promise interest nobody charges.
  if (plan.terms.interestMonthlyPercent !== null) {
    body.interest = { value: plan.terms.interestMonthlyPercent };
  } else {
    plan.terms = { ...plan.terms, interestPerDayCents: null };
  }
  return plan;
}

function addCard(req: CreatePaymentRequest, body: AsaasPaymentRequest): void {
  const card = req.card;
  if (!card) throw missingData('card data');
  const ip = (req as Partial<AsaasRequestExtras>).customerIp;
  const customer = req.customer as CreatePaymentRequest['customer'] & AsaasRequestExtras['customer'];
  const missing = [
    ['the payer IP', ip],
    ['the holder postal code', customer.postal_code],
    ['the holder address number', customer.address_number],
    ['the holder phone', customer.phone],
    ["the holder's CPF or CNPJ", req.customer.document],
  ].filter(([, value]) => !value);
  if (missing.length > 0) throw missingData(missing.map(([name]) => name).join(', '));
  body.creditCard = {
    holderName: card.holder_name,
    number: card.number.replace(/[\s-]/g, ''),
    expiryMonth: String(card.exp_month).padStart(2, '0'),
    expiryYear: String(card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year),
    ccv: card.cvc,
  };
  body.creditCardHolderInfo = {
    name: customer.name,
    email: customer.email,
    cpfCnpj: normalizeDocument(customer.document ?? ''),
    postalCode: (customer.postal_code ?? '').replace(/\D/g, ''),
    addressNumber: customer.address_number ?? '',
    phone: (customer.phone ?? '').replace(/\D/g, ''),
  };
  body.remoteIp = ip;
  if (req.installments > 1) {
    body.installmentCount = req.installments;
    // totalValue, not installmentValue: Asaas splits the total, so no centavo is lost to rounding.
    body.totalValue = body.value;
  }
}

/** details.boleto from Asaas's identification field and Borda's plan. */
export function boletoDetails(
  field: { identificationField: string; barCode: string },
  plan: BoletoPlan,
): PaymentDetails {
  return {
    boleto: {
      barcode: field.barCode,
      line: field.identificationField,
      due_date: plan.due,
      void_date: plan.voidOn,
      fine_cents: plan.terms.fineCents,
      interest_per_day_cents: plan.terms.interestPerDayCents,
      interest_monthly_percent: plan.terms.interestMonthlyPercent,
    },
  };
}

/**
 * The PIX txid: field 62-05 of the BR Code when it holds one; a dynamic code holds "***" there (its
 * txid lives behind the field 26 URL), so the Asaas payment id stands in.
 */
export function pixTxid(payload: string, fallback: string): string {
  return brCodeTxid(payload) ?? fallback;
}

/** Asaas's card brand (VISA, MASTERCARD…) in Borda's spelling. */
export function cardBrand(brand: string | undefined): string {
  return (brand ?? 'unknown').toLowerCase();
}
