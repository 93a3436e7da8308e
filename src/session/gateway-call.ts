import type { BankAccount, PaymentRow, SessionRow } from '../db/schema';
import { settingsFor } from '../domain/offer';
import type { SessionStatus } from '../domain/session-state';
import { sandboxConnector } from '../gateways/sandbox';
import type { GatewayPaymentResult } from '../gateways/types';
import type { PayCommand } from './commands';

/** Merchant-facing (English) text for failure codes; customers get localized text from i18n. */
const FAILURE_TEXT: Record<string, string> = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  expired_card: 'The card has expired.',
  incorrect_cvc: 'The card security code is incorrect.',
  processing_error: 'The gateway could not process the card; the customer may try again.',
};

/**
 * Calls the gateway for an in-flight attempt and returns the payment as it ends up, with the
 * session status that follows. The card travels to the connector in memory only.
 */
export async function runGateway(
  payment: PaymentRow,
  session: SessionRow,
  merchant: {
    id: string;
    name: string;
    city: string | null;
    bankAccounts: BankAccount[];
    speiClabe: string | null;
  },
  cmd: PayCommand,
): Promise<{ payment: PaymentRow; sessionStatus: SessionStatus; holdUntil: number | null }> {
  const now = Date.now();
  let result: GatewayPaymentResult;
  try {
    result = await sandboxConnector.createPayment({
      paymentId: payment.id,
      method: payment.method,
      amount: payment.amount,
      currency: payment.currency as never,
      installments: payment.installments,
      customer: cmd.customer,
      card: cmd.card,
      merchant,
      settings: settingsFor(session, payment.method),
      description: session.description,
      expiresAt: session.expiresAt,
      now,
    });
  } catch (err) {
    // Never log the error itself: it could echo request data. The payment id ties it to the attempt.
    console.error(`gateway call failed for ${payment.id}: ${err instanceof Error ? err.name : 'unknown'}`);
    result = { status: 'denied', reference: null, failureCode: 'processing_error' };
  }
  switch (result.status) {
    case 'paid':
      return {
        payment: { ...payment, status: 'paid', gatewayReference: result.reference, paidAt: now },
        sessionStatus: 'paid',
        holdUntil: null,
      };
    case 'pending':
      return {
        payment: {
          ...payment,
          gatewayReference: result.reference,
          details: { ...payment.details, ...result.details },
        },
        sessionStatus: 'pending',
        holdUntil: result.holdUntil ?? null,
      };
    case 'denied':
      return {
        payment: {
          ...payment,
          status: 'denied',
          gatewayReference: result.reference,
          failureCode: result.failureCode,
          failureMessage: FAILURE_TEXT[result.failureCode] ?? 'The payment was declined.',
        },
        sessionStatus: session.status,
        holdUntil: session.pendingUntil,
      };
  }
}
