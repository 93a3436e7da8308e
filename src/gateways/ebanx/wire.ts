import { fromTable } from '../status-table';
/**
 * EBANX Direct API wire shapes: only the fields Borda sends or reads, named as on the wire. Sources
 * are listed at the top of `client.ts`. Amounts are decimals in the currency's major unit; answers
 * carry numbers as strings or numbers depending on the field's age, so readers accept both.
 */
import type { GatewayRefundResult, GatewayStatus } from '../types';

/** POST /ws/direct `payment` object. `merchant_payment_code` is Borda's payment id (unique per merchant). */
export type EbanxPaymentRequest = {
  name: string;
  email: string;
  document?: string;
  /** ISO 3166-1 alpha-2, lower case (`mx`, `co`, ...). */
  country: string;
  payment_type_code: string;
  merchant_payment_code: string;
  currency_code: string;
  amount_total: number;
  /** PSE (`eft`): the customer's bank, from EBANX's bank list. */
  eft_code?: string;
  /** Cards. */
  instalments?: number;
  creditcard?: { card_number: string; card_name: string; card_due_date: string; card_cvv: string };
  /** Vouchers: the last day they can be paid (YYYY-MM-DD in Borda's choice of zone, UTC). */
  due_date?: string;
};

export type EbanxDirectRequest = {
  integration_key: string;
  operation: 'request';
  mode: 'full';
  payment: EbanxPaymentRequest;
};

export type EbanxRefund = {
  id: string;
  merchant_refund_code?: string | null;
  status: string;
  amount_ext?: string | number;
};

export type EbanxPayment = {
  hash: string;
  pin?: string;
  merchant_payment_code?: string;
  status: string;
  payment_type_code?: string;
  currency_code?: string;
  currency_ext?: string;
  amount_total?: string | number;
  amount_ext?: string | number;
  due_date?: string;
  transaction_status?: { acquirer?: string; code?: string; description?: string };
  // Vouchers and transfers
  oxxo_url?: string;
  oxxo_barcode?: string;
  cip_url?: string;
  cip_code?: string;
  voucher_url?: string;
  voucher_id?: string;
  clabe_account?: string;
  clabe_reference?: string;
  spei_url?: string;
  boleto_url?: string;
  pix?: { qr_code_value?: string; qr_code_image_url?: string; expiration_date?: string };
  refunds?: EbanxRefund[];
};

/** Every answer: `status` SUCCESS with the resource, or ERROR with a code and a message. */
export type EbanxReply = {
  status?: 'SUCCESS' | 'ERROR' | string;
  status_code?: string;
  status_message?: string;
  payment?: EbanxPayment;
  refund?: EbanxRefund;
  /** Redirect methods (PSE, wallets): where the customer goes to pay. */
  redirect_url?: string | null;
};

/** Every payment status EBANX documents: PE pending, OP opened, CO confirmed, CA cancelled, PN paid manually. */
export type EbanxPaymentStatus = 'PE' | 'OP' | 'CO' | 'CA' | 'PN';

type BordaStatus = GatewayStatus['status'];

/** Payment status → Borda. Exhaustive: a status added to the union without a mapping is a type error. */
export const PAYMENT_STATUS: Record<EbanxPaymentStatus, BordaStatus> = {
  PE: 'pending',
  OP: 'pending',
  CO: 'paid',
  PN: 'paid',
  CA: 'canceled',
};

/** A status EBANX adds later reads as pending: neither paid nor failed until someone looks. */
export function paymentStatus(status: string): BordaStatus {
  return fromTable(PAYMENT_STATUS, status, 'pending');
}

/** Every refund status EBANX documents: RE requested, PE pending, CO confirmed, CA cancelled. */
export type EbanxRefundStatus = 'RE' | 'PE' | 'CO' | 'CA';

export const REFUND_STATUS: Record<EbanxRefundStatus, GatewayRefundResult['status']> = {
  RE: 'pending',
  PE: 'pending',
  CO: 'succeeded',
  CA: 'failed',
};

export function refundStatus(status: string): GatewayRefundResult['status'] {
  return fromTable(REFUND_STATUS, status, 'pending');
}
