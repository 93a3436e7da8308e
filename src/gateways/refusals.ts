import { ConnectorError } from './types';

/**
 * Cancelling a payment the gateway says is paid: refused outright (a paid payment is refunded, never
 * voided), and no other gateway may act on it. `what` names it, e.g. `PagBank order or_1`.
 */
export function alreadyPaid(what: string, reference: string): ConnectorError {
  return new ConnectorError('hard_decline', 'already_paid', `${what} is already paid`, reference);
}

/**
 * A card refused as fraud (by the issuer or the gateway's antifraud): a verdict on the payment, not on
 * this gateway, so no other gateway may try it.
 */
export function fraudDecline(message: string, reference: string): ConnectorError {
  return new ConnectorError('hard_decline', 'card_declined', message, reference);
}
