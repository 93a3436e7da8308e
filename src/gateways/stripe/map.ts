import type { PaymentDetails } from '../../db/schema';
import { brCodeTxid } from '../pix-txid';
import { fraudDecline } from '../refusals';
import {
  ConnectorError,
  type CreatePaymentRequest,
  type GatewayPaymentResult,
  type GatewayStatus,
  type InboundGatewayEvent,
} from '../types';
import { intentTableStatus, type StripeError, type StripeEvent, type StripePaymentIntent } from './wire';

/** Decline codes that say the card or the buyer is not to be trusted: stop, try no other gateway. */
const FRAUD_DECLINES = new Set([
  'fraudulent',
  'stolen_card',
  'lost_card',
  'pickup_card',
  'merchant_blacklist',
]);

/** Stripe's decline and error codes with a Borda failure code of their own; the rest are card_declined. */
const CARD_FAILURES: Record<string, string> = {
  insufficient_funds: 'insufficient_funds',
  expired_card: 'expired_card',
  incorrect_cvc: 'incorrect_cvc',
  invalid_cvc: 'incorrect_cvc',
  processing_error: 'processing_error',
  authentication_required: 'authentication_required',
};

export function cardFailureCode(error: StripeError | null | undefined): string {
  for (const code of [error?.decline_code, error?.code]) {
    if (code && Object.hasOwn(CARD_FAILURES, code)) return CARD_FAILURES[code] as string;
  }
  return 'card_declined';
}

/** A 402 card_error from confirm: a decline is a result (the customer may try another card). */
export function declineResult(error: StripeError | null, reference: string): GatewayPaymentResult {
  if (error?.decline_code && FRAUD_DECLINES.has(error.decline_code)) {
    throw fraudDecline('Stripe declined the card as fraudulent', reference);
  }
  return { status: 'denied', reference, failureCode: cardFailureCode(error) };
}

function asyncDetails(
  pi: StripePaymentIntent,
  req: CreatePaymentRequest,
): Omit<GatewayPaymentResult & { status: 'pending' }, 'status' | 'reference'> {
  const action = pi.next_action;
  if (req.method === 'pix') {
    const qr = action?.pix_display_qr_code;
    if (!qr?.data) throw new Error('no pix_display_qr_code.data');
    const expires = typeof qr.expires_at === 'number' ? qr.expires_at * 1000 : req.expiresAt;
    const details: PaymentDetails = {
      pix: {
        payload: qr.data,
        expires_at: Math.min(expires, req.expiresAt),
        txid: brCodeTxid(qr.data) ?? pi.id,
      },
    };
    return { details };
  }
  const oxxo = action?.oxxo_display_details;
  if (!oxxo?.number || typeof oxxo.expires_after !== 'number') throw new Error('no oxxo_display_details');
  const expiresAt = oxxo.expires_after * 1000;
  // Cash paid at the store arrives until the voucher expires: the session stays payable that long.
  return {
    details: { voucher: { reference: oxxo.number, expires_at: expiresAt, kind: 'voucher' } },
    holdUntil: expiresAt,
  };
}

/** A confirmed PaymentIntent → Borda's result. The PaymentIntent id is the reference everywhere. */
export function confirmResult(pi: StripePaymentIntent, req: CreatePaymentRequest): GatewayPaymentResult {
  const reference = pi.id;
  const status = intentTableStatus(pi.status);
  if (status === 'paid') return { status: 'paid', reference };
  if (req.method === 'card') {
    if (status === 'denied') return declineResult(pi.last_payment_error ?? null, reference);
    if (pi.status === 'processing') return { status: 'pending', reference, details: {} };
    throw new ConnectorError(
      'ambiguous',
      'gateway_error',
      `Stripe card payment left in ${pi.status}`,
      reference,
    );
  }
  const what = `Stripe could not issue the ${req.method} (PaymentIntent ${pi.status})`;
  // A PIX or voucher that was not issued is this gateway's failure, not the customer's: another may.
  if (pi.status !== 'requires_action')
    throw new ConnectorError('retryable', 'gateway_rejected', what, reference);
  try {
    return { status: 'pending', reference, ...asyncDetails(pi, req) };
  } catch {
    throw new ConnectorError('retryable', 'gateway_rejected', `${what}: unusable next_action`, reference);
  }
}

function isAsync(pi: StripePaymentIntent): boolean {
  return (pi.payment_method_types ?? []).some((t) => t === 'pix' || t === 'oxxo' || t === 'boleto');
}

/**
 * A PaymentIntent as Borda's status. `requires_payment_method` after an attempt means it failed: a
 * PIX or voucher only fails by expiring; before any attempt (an unconfirmed intent left by a create
 * that timed out) no money can move, so it reads as not found and another gateway may try.
 */
export function intentStatus(pi: StripePaymentIntent): GatewayStatus {
  const reference = pi.id;
  const status = intentTableStatus(pi.status);
  if (status !== 'denied') return { status, reference };
  if (!pi.last_payment_error) return { status: 'not_found', reference };
  if (isAsync(pi)) return { status: 'expired', reference };
  return { status: 'denied', reference, failureCode: cardFailureCode(pi.last_payment_error) };
}

/** Event types Borda acts on; every other type is acknowledged and ignored. */
const EVENT_OUTCOMES: Record<string, 'paid' | 'failed' | 'canceled'> = {
  'payment_intent.succeeded': 'paid',
  'payment_intent.payment_failed': 'failed',
  'payment_intent.canceled': 'canceled',
};

/** A verified event → Borda's event, with what Stripe says it received for a success. */
export function webhookEvent(event: StripeEvent, mode: 'test' | 'live'): InboundGatewayEvent {
  const eventId = event.id;
  // Each mode has its own endpoint secret; an event of the other mode never settles a payment here.
  if (event.livemode !== (mode === 'live'))
    return { kind: 'ignored', eventId, reason: 'event of the other mode' };
  const outcome = Object.hasOwn(EVENT_OUTCOMES, event.type) ? EVENT_OUTCOMES[event.type] : undefined;
  if (!outcome) return { kind: 'ignored', eventId, reason: `event ${event.type} does not settle a payment` };
  const pi = event.data.object as StripePaymentIntent;
  if (typeof pi?.id !== 'string') return { kind: 'ignored', eventId, reason: 'event names no PaymentIntent' };
  // The account may also serve the merchant's other integrations: only intents Borda created settle here.
  if (!pi.metadata?.borda_payment_id) return { kind: 'ignored', eventId, reason: 'not a Borda payment' };
  const reference = pi.id;
  if (outcome === 'paid') {
    const amount = pi.amount_received ?? pi.amount;
    return {
      kind: 'paid',
      eventId,
      reference,
      ...(typeof amount === 'number' ? { amount } : {}),
      ...(pi.currency ? { currency: pi.currency.toUpperCase() } : {}),
    };
  }
  if (outcome === 'canceled') return { kind: 'canceled', eventId, reference };
  if (isAsync(pi)) return { kind: 'expired', eventId, reference };
  return { kind: 'denied', eventId, reference, failureCode: cardFailureCode(pi.last_payment_error) };
}
