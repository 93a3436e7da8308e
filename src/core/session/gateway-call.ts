import type { PaymentAttemptRow, PaymentRow, SessionRow } from '../../db/schema';
import type { Country } from '../../domain/countries';
import { settingsFor } from '../../domain/offer';
import type { SessionStatus } from '../../domain/session-state';
import { type LiveAccount, routePayment } from '../../gateways/router';
import type { Health } from '../../gateways/routing';
import type { PayingMerchant } from '../../gateways/types';
import type { PayCommand } from './commands';

/** Merchant-facing (English) text for failure codes; customers get localized text from i18n. */
const FAILURE_TEXT: Record<string, string> = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  expired_card: 'The card has expired.',
  incorrect_cvc: 'The card security code is incorrect.',
  processing_error: 'The gateway could not process the card; the customer may try again.',
  gateway_unavailable: 'No gateway could take the payment; the customer may try again.',
  gateway_timeout: 'The gateway did not answer in time; the payment is being checked with it.',
  no_gateway: 'No gateway is configured for this payment.',
  gateway_auth: 'The gateway refused the merchant credentials.',
  gateway_rejected: 'The gateway refused the request; another gateway may accept it.',
  gateway_error: 'The gateway failed while processing; the payment is being checked with it.',
  gateway_rate_limited: 'The gateway is limiting requests; the customer may try again.',
  gateway_missing_data: 'The gateway needs customer data the checkout does not collect for this method.',
};

export type GatewayOutcome = {
  payment: PaymentRow;
  sessionStatus: SessionStatus;
  holdUntil: number | null;
  attempts: PaymentAttemptRow[];
  health: Map<string, Health>;
};

/**
 * Routes an in-flight attempt through the merchant's gateways and returns the payment as it ends up,
 * with the session status that follows. The card travels to the connector in memory only.
 */
export async function runGateway(
  payment: PaymentRow,
  session: SessionRow,
  merchant: PayingMerchant,
  accounts: LiveAccount[],
  cmd: PayCommand,
): Promise<GatewayOutcome> {
  const now = Date.now();
  const { outcome, attempts, health } = await routePayment(
    { accounts, firstTry: session.gatewayFirstTry, mode: session.mode },
    {
      paymentId: payment.id,
      method: payment.method,
      amount: payment.amount,
      currency: payment.currency as never,
      installments: payment.installments,
      country: session.country as Country,
      customer: cmd.customer,
      card: cmd.card,
      bank: cmd.bank,
      customerIp: cmd.customerIp,
      returnUrl: cmd.returnUrl,
      merchant,
      settings: settingsFor(session, payment.method),
      description: session.description,
      expiresAt: session.expiresAt,
      now,
    },
    { method: payment.method, currency: payment.currency, country: session.country, amount: payment.amount },
  );
  const done = (
    p: Partial<PaymentRow>,
    sessionStatus: SessionStatus,
    holdUntil: number | null,
  ): GatewayOutcome => ({
    payment: { ...payment, ...p },
    sessionStatus,
    holdUntil,
    attempts: attempts.map((a) => ({ ...a, sessionId: session.id })),
    health,
  });
  if (outcome.kind === 'unresolved') {
    // The gateway may have the money: the attempt stays pending, and so does the session, until the
    // gateway's webhook (or a later status query) settles it. No other gateway may try meanwhile.
    return done(
      { gateway: outcome.gateway, gatewayReference: outcome.reference, failureCode: outcome.errorCode },
      'pending',
      null,
    );
  }
  if (outcome.kind === 'failed') {
    const code = outcome.errorCode;
    return done(
      {
        gateway: outcome.gateway ?? payment.gateway,
        status: 'denied',
        failureCode: code,
        failureMessage: FAILURE_TEXT[code] ?? 'The payment was declined.',
      },
      session.status,
      session.pendingUntil,
    );
  }
  const { result, gateway } = outcome;
  if (result.status === 'paid') {
    return done({ gateway, status: 'paid', gatewayReference: result.reference, paidAt: now }, 'paid', null);
  }
  if (result.status === 'pending') {
    return done(
      { gateway, gatewayReference: result.reference, details: { ...payment.details, ...result.details } },
      'pending',
      result.holdUntil ?? null,
    );
  }
  return done(
    {
      gateway,
      status: 'denied',
      gatewayReference: result.reference,
      failureCode: result.failureCode,
      failureMessage: FAILURE_TEXT[result.failureCode] ?? 'The payment was declined.',
    },
    session.status,
    session.pendingUntil,
  );
}
