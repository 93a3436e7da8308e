import type { Country } from '../../domain/countries';
import { STRIPE_COVERAGE } from '../descriptors';
import { ConnectorError, type CreatePaymentRequest } from '../types';
import type { FormValue } from './http';

const CURRENCY_OF = { BRA: 'BRL', MEX: 'MXN' } as const;

/** PIX `expires_after_seconds` bounds (Stripe's PIX page: 10 s to 14 days). */
const PIX_MIN_SECONDS = 10;
const PIX_MAX_SECONDS = 1_209_600;

export function covers(country: Country, method: string, currency: string): boolean {
  if (!Object.hasOwn(STRIPE_COVERAGE, country)) return false;
  const c = country as keyof typeof STRIPE_COVERAGE;
  return (STRIPE_COVERAGE[c] as readonly string[]).includes(method) && CURRENCY_OF[c] === currency;
}

function refuse(code: string, why: string): ConnectorError {
  return new ConnectorError('retryable', code, `Stripe payment not sent: ${why}`);
}

/**
 * Amount in Stripe's unit: "the smallest currency unit" — centavos for BRL and MXN, which are also
 * Borda's minor units, so the integer goes over unchanged. Anything else is refused before sending.
 */
export function stripeAmount(amount: number, currency: string): number {
  if ((currency !== 'BRL' && currency !== 'MXN') || !Number.isSafeInteger(amount) || amount <= 0) {
    throw refuse('invalid_request', `amount ${amount} ${currency} has no Stripe equivalent here`);
  }
  return amount;
}

/**
 * POST /v1/payment_intents, unconfirmed: nothing can be charged until the confirm call, so a create
 * that times out is safe to give up on. Borda's payment id rides in metadata (found again by search).
 */
export function createParams(req: CreatePaymentRequest): Record<string, FormValue> {
  const options: Record<string, FormValue> = {};
  if (req.method === 'pix') {
    const seconds = Math.floor((req.expiresAt - req.now) / 1000);
    if (seconds < PIX_MIN_SECONDS)
      throw refuse('invalid_request', 'the session expires too soon for a PIX code');
    options.pix = { expires_after_seconds: Math.min(seconds, PIX_MAX_SECONDS) };
  }
  if (req.method === 'card' && req.installments > 1) {
    // Stripe documents card installments for Mexico (meses sin intereses), not for Brazil.
    if (req.country !== 'MEX')
      throw refuse('method_not_supported', 'Stripe takes card installments in Mexico only');
    options.card = { installments: { enabled: true } };
  }
  return {
    amount: stripeAmount(req.amount, req.currency),
    currency: req.currency.toLowerCase(),
    payment_method_types: [stripeType(req.method)],
    ...(Object.keys(options).length ? { payment_method_options: options } : {}),
    description: (req.description ?? req.merchant.name).slice(0, 1000) || undefined,
    metadata: { borda_payment_id: req.paymentId },
  };
}

function stripeType(method: string): 'card' | 'pix' | 'oxxo' {
  if (method === 'card' || method === 'pix' || method === 'oxxo') return method;
  throw refuse('method_not_supported', `Stripe does not take ${method} here`);
}

/**
 * POST /v1/payment_intents/{id}/confirm with `payment_method_data` for the method:
 * - card: the card itself (Stripe's raw card data API, which the account must have enabled) with
 *   `error_on_requires_action`, since Borda's page cannot run 3-D Secure: a card that needs it is
 *   declined (`authentication_required`) instead of left waiting; installments (Mexico) as the fixed
 *   monthly plan the customer chose, on an intent created with installments enabled;
 * - pix: nothing but the type; the answer carries the QR code in `next_action`;
 * - oxxo: the type and the payer's name and e-mail, which OXXO requires.
 */
export function confirmParams(req: CreatePaymentRequest, rawCardData: boolean): Record<string, FormValue> {
  const billing = { name: req.customer.name, email: req.customer.email };
  if (req.method === 'pix') return { payment_method_data: { type: 'pix', billing_details: billing } };
  if (req.method === 'oxxo') {
    if (!req.customer.name || !req.customer.email) {
      throw new ConnectorError('retryable', 'gateway_missing_data', "OXXO needs the payer's name and e-mail");
    }
    return { payment_method_data: { type: 'oxxo', billing_details: billing } };
  }
  const card = req.card;
  if (req.method !== 'card' || !card) throw refuse('invalid_request', 'no card data');
  if (!rawCardData) {
    throw refuse('method_not_supported', 'raw card data is not enabled for this Stripe account');
  }
  const installments = Math.max(1, req.installments);
  return {
    payment_method_data: {
      type: 'card',
      card: {
        number: card.number.replace(/[\s-]/g, ''),
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        cvc: card.cvc,
      },
      billing_details: { ...billing, name: card.holder_name || req.customer.name },
    },
    error_on_requires_action: true,
    ...(installments > 1
      ? {
          payment_method_options: {
            card: { installments: { plan: { count: installments, interval: 'month', type: 'fixed_count' } } },
          },
        }
      : {}),
  };
}
