import { fromTable } from '../status-table';
/**
 * Mercado Pago Payments API wire shapes: only the fields Borda sends or reads, named as on the wire.
 * Sources are listed at the top of `client.ts`. Amounts are decimal numbers in the currency's major
 * unit (`transaction_amount: 150.5` is R$ 150,50).
 */
import type { GatewayRefundResult, GatewayStatus } from '../types';

export type MpIdentification = { type: string; number: string };

export type MpPayer = {
  email: string;
  first_name?: string;
  last_name?: string;
  identification?: MpIdentification;
  /** PSE: `individual` or `association`. */
  entity_type?: 'individual' | 'association';
};

/** POST /v1/payments. `external_reference` is Borda's payment id, so the payment can be found by it. */
export type MpPaymentRequest = {
  transaction_amount: number;
  description: string;
  payment_method_id: string;
  external_reference: string;
  payer: MpPayer;
  /** Card payments only: the token of POST /v1/card_tokens, and the number of installments. */
  token?: string;
  installments?: number;
  statement_descriptor?: string;
  /** Vouchers and PIX: when the payment stops being payable (ISO 8601 with offset). */
  date_of_expiration?: string;
  binary_mode?: boolean;
  metadata?: Record<string, string>;
  /** PSE: the customer's bank, the payer's IP, and where the bank sends the customer back. */
  transaction_details?: { financial_institution: string };
  additional_info?: { ip_address: string };
  callback_url?: string;
};

/** POST /v1/card_tokens (the card never reaches Borda's storage; the token is single-use). */
export type MpCardTokenRequest = {
  card_number: string;
  expiration_month: number;
  expiration_year: number;
  security_code: string;
  cardholder: { name: string; identification?: MpIdentification };
};

export type MpPayment = {
  id: number;
  status: string;
  status_detail?: string;
  external_reference?: string | null;
  currency_id?: string;
  transaction_amount?: number;
  payment_method_id?: string;
  payment_type_id?: string;
  date_of_expiration?: string | null;
  point_of_interaction?: {
    type?: string;
    transaction_data?: { qr_code?: string; qr_code_base64?: string; ticket_url?: string };
  };
  transaction_details?: {
    external_resource_url?: string | null;
    payment_method_reference_id?: string | null;
    verification_code?: string | null;
  };
  barcode?: { content?: string };
  card?: { first_six_digits?: string; last_four_digits?: string };
};

/** GET /v1/payments/search */
export type MpSearch = { results?: MpPayment[] };

export type MpRefund = { id: number; payment_id?: number; amount?: number; status: string };

/** Error bodies: `message`, `error`, `status` and a `cause` list of `{code, description}`. */
export type MpErrorBody = {
  message?: string;
  error?: string;
  status?: number;
  cause?: { code?: number | string; description?: string }[];
};

/** A webhook notification body; `data.id` is the payment id (also sent as the `data.id` query parameter). */
export type MpNotification = {
  id?: number | string;
  type?: string;
  action?: string;
  live_mode?: boolean;
  data?: { id?: string | number };
};

/** Every payment status Mercado Pago documents. */
export type MpPaymentStatus =
  | 'pending'
  | 'approved'
  | 'authorized'
  | 'in_process'
  | 'in_mediation'
  | 'rejected'
  | 'cancelled'
  | 'refunded'
  | 'charged_back';

type BordaStatus = GatewayStatus['status'];

/**
 * Payment status → Borda. Exhaustive: a status added to the union without a mapping is a type error.
 * `authorized` is money reserved but not captured (pending); `in_mediation` is a paid payment under
 * dispute (still paid until the dispute ends); `refunded` and `charged_back` mean the money went back.
 */
export const PAYMENT_STATUS: Record<MpPaymentStatus, BordaStatus> = {
  pending: 'pending',
  approved: 'paid',
  authorized: 'pending',
  in_process: 'pending',
  in_mediation: 'paid',
  rejected: 'denied',
  cancelled: 'canceled',
  refunded: 'canceled',
  charged_back: 'canceled',
};

/** A status Mercado Pago adds later reads as pending: neither paid nor failed until someone looks. */
export function paymentStatus(status: string): BordaStatus {
  return fromTable(PAYMENT_STATUS, status, 'pending');
}

/** Every refund status Mercado Pago documents. */
export type MpRefundStatus = 'approved' | 'in_process' | 'rejected' | 'cancelled' | 'authorized';

export const REFUND_STATUS: Record<MpRefundStatus, GatewayRefundResult['status']> = {
  approved: 'succeeded',
  in_process: 'pending',
  authorized: 'pending',
  rejected: 'failed',
  cancelled: 'failed',
};

export function refundStatus(status: string): GatewayRefundResult['status'] {
  return fromTable(REFUND_STATUS, status, 'pending');
}

/**
 * `status_detail` of a rejected payment (Mercado Pago's "Payment creation results" table) → Borda's
 * failure code. Every other rejection of a card is `card_declined`.
 */
export const CARD_REJECTIONS: Record<string, string> = {
  cc_rejected_insufficient_amount: 'insufficient_funds',
  cc_rejected_bad_filled_security_code: 'incorrect_cvc',
  cc_rejected_bad_filled_date: 'expired_card',
  cc_rejected_bad_filled_card_number: 'card_declined',
  cc_rejected_other_reason: 'card_declined',
  cc_rejected_call_for_authorize: 'card_declined',
  cc_rejected_card_disabled: 'card_declined',
  cc_rejected_high_risk: 'card_declined',
  cc_rejected_blacklist: 'card_declined',
  cc_rejected_max_attempts: 'card_declined',
  cc_rejected_duplicated_payment: 'card_declined',
  cc_rejected_bad_filled_other: 'processing_error',
  cc_rejected_card_error: 'processing_error',
  cc_rejected_invalid_installments: 'card_declined',
  cc_rejected_3ds_mandatory: 'card_declined',
  bank_error: 'processing_error',
};
