import { fromTable } from '../status-table';
/**
 * e.Rede API v2 wire shapes: only the fields Borda sends or reads, named as on the wire. Sources are
 * listed at the top of `client.ts`. Amounts are integer centavos on the wire, as in Borda.
 */
import type { GatewayRefundResult, GatewayStatus } from '../types';

/** POST /v2/transactions for a card: authorised and captured at once (`capture: true`). */
export type ERedeCardRequest = {
  capture: true;
  kind: 'credit';
  reference: string;
  amount: number;
  /** Only sent for 2 or more; e.Rede reads its absence as a single payment. */
  installments?: number;
  cardholderName: string;
  cardNumber: string;
  expirationMonth: number;
  expirationYear: number;
  securityCode: string;
};

/** POST /v2/transactions for PIX: `dateTimeExpiration` is Brasília local time, `YYYY-MM-DDTHH:mm:ss`. */
export type ERedePixRequest = {
  kind: 'Pix';
  reference: string;
  amount: number;
  qrCode: { dateTimeExpiration: string };
};

export type ERedeQrCode = {
  qrCodeData?: string;
  qrCodeImage?: string;
  dateTimeExpiration?: string;
  expirationQrCode?: string;
  status?: string;
  tid?: string;
  returnCode?: string;
};

/** The answer to POST /v2/transactions (and the body of most errors: `returnCode`, `returnMessage`). */
export type ERedeTransaction = {
  returnCode?: string;
  returnMessage?: string;
  reference?: string;
  tid?: string;
  nsu?: string;
  authorizationCode?: string;
  amount?: number;
  cardBin?: string;
  last4?: string;
  brand?: { name?: string; returnCode?: string; returnMessage?: string };
  qrCodeResponse?: ERedeQrCode;
};

/** The answer to GET /v2/transactions/{tid} and GET /v2/transactions?reference=… */
export type ERedeQuery = {
  requestDateTime?: string;
  authorization?: {
    status?: string;
    tid?: string;
    reference?: string;
    amount?: number;
    returnCode?: string;
    kind?: string;
    last4?: string;
    brand?: { name?: string; returnCode?: string };
  };
  capture?: { amount?: number; dateTime?: string };
  qrCodeResponse?: ERedeQrCode;
  refunds?: ERedeRefundItem[];
};

export type ERedeRefundItem = {
  refundId?: string;
  amount?: number;
  status?: string;
  refundDateTime?: string;
};

/** POST /v2/transactions/{tid}/refunds answer. */
export type ERedeRefundAnswer = {
  returnCode?: string;
  returnMessage?: string;
  refundId?: string;
  tid?: string;
};

/** Every authorization status e.Rede documents for GET /transactions. */
export type ERedeAuthorizationStatus = 'Approved' | 'Denied' | 'Canceled' | 'Pending';

type BordaStatus = GatewayStatus['status'];

/**
 * Authorization status → Borda, exhaustive. A captured (`capture: true`) approval is money taken.
 * `Canceled` is a refund or a void of the whole amount.
 */
export const EREDE_STATUS: Record<ERedeAuthorizationStatus, BordaStatus> = {
  Approved: 'paid',
  Denied: 'denied',
  Canceled: 'canceled',
  Pending: 'pending',
};

/** An undocumented status is pending: it neither releases the payment to another gateway nor claims money. */
export function eredeStatus(status: string | undefined): BordaStatus {
  return fromTable(EREDE_STATUS, status, 'pending');
}

/**
 * Authorizer return codes (e.Rede "Códigos de retorno", authorization) → Borda failure codes.
 * Every other refusal code is `card_declined`; codes that ask to try again are `processing_error`.
 */
export const EREDE_DECLINES: Record<string, string> = {
  '101': 'card_declined',
  '102': 'card_declined',
  '103': 'processing_error',
  '104': 'processing_error',
  '105': 'card_declined',
  '106': 'processing_error',
  '107': 'processing_error',
  '108': 'card_declined',
  '109': 'card_declined',
  '110': 'card_declined',
  '111': 'insufficient_funds',
  '112': 'expired_card',
  '113': 'card_declined',
  '114': 'card_declined',
  '115': 'card_declined',
  '116': 'card_declined',
  '118': 'card_declined',
  '119': 'incorrect_cvc',
  '121': 'processing_error',
  '123': 'card_declined',
  '124': 'card_declined',
};

/** Whether a returnCode is an authorizer's refusal (the 1xx table) rather than an integration error. */
export function isDecline(returnCode: string | undefined): returnCode is string {
  return returnCode !== undefined && Object.hasOwn(EREDE_DECLINES, returnCode);
}

/** Refund states e.Rede documents for GET /transactions/{tid}/refunds. */
export type ERedeRefundStatus = 'Done' | 'Denied' | 'Processing';

export const EREDE_REFUND_STATUS: Record<ERedeRefundStatus, GatewayRefundResult['status']> = {
  Done: 'succeeded',
  Denied: 'failed',
  Processing: 'pending',
};

/**
 * Refund request return codes: 359 "Refund successful", 360 "Refund request has been successful"
 * (accepted, settles later). Anything else is a refusal.
 */
export const EREDE_REFUND_CODES: Record<string, GatewayRefundResult['status']> = {
  '359': 'succeeded',
  '360': 'pending',
};
