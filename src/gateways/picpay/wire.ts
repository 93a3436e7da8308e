/**
 * PicPay Checkout API wire shapes (PIX and PicPay wallet charges): only the fields Borda sends or
 * reads. Sources are listed at the top of `client.ts`. Amounts are integer centavos on the wire.
 */
import type { GatewayStatus } from '../types';

export type PicPayCustomer = {
  name: string;
  email: string;
  documentType: 'CPF' | 'CNPJ';
  document: string;
};

/** POST /charge/pix and POST /charge/wallet; `expiration` is seconds until the code stops being payable. */
export type PicPayChargeRequest = {
  paymentSource: 'GATEWAY';
  merchantChargeId: string;
  customer: PicPayCustomer;
  transactions: [
    { amount: number; pix: { expiration: number } } | { amount: number; wallet: { expiration: number } },
  ];
};

export type PicPayTransaction = {
  paymentType?: string;
  amount?: number;
  refundedAmount?: number;
  transactionStatus?: string;
  transactionId?: string;
  createdAt?: string;
  pix?: { qrCode?: string; qrCodeBase64?: string; endToEndId?: string };
  wallet?: { qrCode?: string; qrCodeBase64?: string };
};

/** A charge as every charge endpoint answers it (create, GET /charge/{merchantChargeId}, refund). */
export type PicPayCharge = {
  merchantChargeId?: string;
  id?: string;
  chargeStatus?: string;
  amount?: number;
  originalAmount?: number;
  refundedAmount?: number;
  transactions?: PicPayTransaction[];
};

/** Error bodies (400/401/415/500): a message and, for validation, the fields. */
export type PicPayError = { message?: string; errors?: { field?: string; message?: string }[] };

type BordaStatus = GatewayStatus['status'];

/** Every charge status the Checkout API documents. */
export type PicPayChargeStatus =
  | 'CANCELED'
  | 'DENIED'
  | 'ERROR'
  | 'PAID'
  | 'PARTIAL'
  | 'PRE_AUTHORIZED'
  | 'REFUNDED'
  | 'CHARGEBACK';

/** Every transaction status the Checkout API documents. */
export type PicPayTransactionStatus =
  | 'CANCELED'
  | 'CHARGEBACK'
  | 'DENIED'
  | 'ERROR'
  | 'EXPIRED'
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  | 'PENDING'
  | 'PRE_AUTHORIZED'
  | 'REFUNDED';

/**
 * Charge status → Borda, exhaustive. PARTIAL is a charge partly refunded: the customer paid, so it
 * stays paid (the refund is the merchant's act, recorded by Borda's refunds). A refund or chargeback
 * of the whole amount means the money went back: canceled.
 */
export const PICPAY_CHARGE_STATUS: Record<PicPayChargeStatus, BordaStatus> = {
  PAID: 'paid',
  PARTIAL: 'paid',
  PRE_AUTHORIZED: 'pending',
  DENIED: 'denied',
  ERROR: 'denied',
  CANCELED: 'canceled',
  REFUNDED: 'canceled',
  CHARGEBACK: 'canceled',
};

/** Transaction status → Borda, exhaustive; the only place an unpaid PIX's expiry shows. */
export const PICPAY_TRANSACTION_STATUS: Record<PicPayTransactionStatus, BordaStatus> = {
  PENDING: 'pending',
  PRE_AUTHORIZED: 'pending',
  PAID: 'paid',
  PARTIALLY_REFUNDED: 'paid',
  EXPIRED: 'expired',
  DENIED: 'denied',
  ERROR: 'denied',
  CANCELED: 'canceled',
  REFUNDED: 'canceled',
  CHARGEBACK: 'canceled',
};

/**
 * A charge's Borda status: its first transaction's status when PicPay gives one (it alone tells an
 * expired PIX), else the charge status. Undocumented values are pending.
 */
export function picpayStatus(charge: PicPayCharge): BordaStatus {
  const tx = charge.transactions?.[0]?.transactionStatus;
  if (tx && Object.hasOwn(PICPAY_TRANSACTION_STATUS, tx)) {
    return PICPAY_TRANSACTION_STATUS[tx as PicPayTransactionStatus];
  }
  const cs = charge.chargeStatus;
  if (cs && Object.hasOwn(PICPAY_CHARGE_STATUS, cs)) return PICPAY_CHARGE_STATUS[cs as PicPayChargeStatus];
  return 'pending';
}
