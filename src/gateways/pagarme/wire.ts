import { fromTable } from '../status-table';
/**
 * Pagar.me API v5 wire shapes: only the fields Borda sends or reads, named exactly as on the wire.
 * Sources are listed at the top of `client.ts`. Response fields are optional because the API omits
 * what does not apply (a PIX transaction has no `line`, a fresh boleto no `paid_at`).
 */
import type { GatewayStatus } from '../types';

export type PagarmeCustomer = {
  name: string;
  email: string;
  document?: string;
  document_type?: 'CPF' | 'CNPJ';
  type?: 'individual' | 'company';
};

export type PagarmeCard = {
  number: string;
  holder_name: string;
  exp_month: number;
  exp_year: number;
  cvv: string;
};

/** Fine and interest after the due date: `flat` is centavos (interest: a day), `percentage` is % (interest: a month). */
export type PagarmeBoletoCharge = { days: number; type: 'flat' | 'percentage'; amount: number };

export type PagarmePaymentRequest =
  | { payment_method: 'pix'; pix: { expires_in: number } }
  | {
      payment_method: 'boleto';
      boleto: {
        instructions: string;
        due_at: string;
        max_days_to_pay_past_due?: number;
        fine?: PagarmeBoletoCharge;
        interest?: PagarmeBoletoCharge;
      };
    }
  | {
      payment_method: 'credit_card';
      credit_card: {
        installments: number;
        statement_descriptor?: string;
        operation_type: 'auth_and_capture';
        card: PagarmeCard;
      };
    };

/** POST /orders. `code` is Borda's payment id, so the order can be found again by it. */
export type PagarmeOrderRequest = {
  code: string;
  items: { amount: number; description: string; quantity: number; code: string }[];
  customer: PagarmeCustomer;
  payments: [PagarmePaymentRequest];
  metadata: Record<string, string>;
};

export type PagarmeTransaction = {
  id?: string;
  transaction_type?: string;
  status?: string;
  success?: boolean;
  // PIX
  qr_code?: string;
  qr_code_url?: string;
  expires_at?: string;
  // Boleto (`barcode` is an image URL; the digits are in `line`)
  line?: string;
  barcode?: string;
  pdf?: string;
  url?: string;
  due_at?: string;
  // Card
  acquirer_return_code?: string;
  acquirer_message?: string;
  card?: { brand?: string; last_four_digits?: string };
  gateway_response?: { code?: string; errors?: { message?: string }[] };
  antifraud_response?: { status?: string; return_code?: string; return_message?: string };
};

export type PagarmeCharge = {
  id: string;
  code?: string;
  status: string;
  payment_method?: string;
  amount?: number;
  order?: { id: string; code?: string; status?: string };
  last_transaction?: PagarmeTransaction;
};

export type PagarmeOrder = {
  id: string;
  code?: string;
  status: string;
  amount?: number;
  charges?: PagarmeCharge[];
  metadata?: Record<string, string>;
};

/** GET /orders?code=… */
export type PagarmeOrderList = { data?: PagarmeOrder[]; paging?: { total?: number } };

/** A webhook delivery: `id` (hook_…) stays the same when Pagar.me retries it. */
export type PagarmeWebhook = {
  id: string;
  type: string;
  created_at?: string;
  account?: { id?: string; name?: string };
  data: PagarmeOrder | PagarmeCharge;
};

/** Error bodies (4xx): a message and, for validation errors, field → messages. */
export type PagarmeErrorBody = { message?: string; errors?: Record<string, string[]> };

/** Every charge status Pagar.me v5 documents (`chargedback` added in 2022). */
export type PagarmeChargeStatus =
  | 'pending'
  | 'processing'
  | 'paid'
  | 'overpaid'
  | 'underpaid'
  | 'failed'
  | 'canceled'
  | 'chargedback';

export type PagarmeOrderStatus = 'pending' | 'processing' | 'paid' | 'failed' | 'canceled';

type BordaStatus = GatewayStatus['status'];

/**
 * Charge status → Borda. Exhaustive: a status added to the union without a mapping is a type error.
 * `underpaid` stays pending (money arrived but not all of it: never treat as paid, never as failed);
 * `chargedback` and a refund (Pagar.me reports refunds as `canceled`) both mean the money went back.
 */
export const CHARGE_STATUS: Record<PagarmeChargeStatus, BordaStatus> = {
  pending: 'pending',
  processing: 'pending',
  paid: 'paid',
  overpaid: 'paid',
  underpaid: 'pending',
  failed: 'denied',
  canceled: 'canceled',
  chargedback: 'canceled',
};

/** Order status → Borda, used when an order carries no charge. */
export const ORDER_STATUS: Record<PagarmeOrderStatus, BordaStatus> = {
  pending: 'pending',
  processing: 'pending',
  paid: 'paid',
  failed: 'denied',
  canceled: 'canceled',
};

/** A status Pagar.me adds later is read as pending: neither paid nor failed until someone looks. */
export function chargeStatus(status: string): BordaStatus {
  return fromTable(CHARGE_STATUS, status, 'pending');
}

export function orderStatus(status: string): BordaStatus {
  return fromTable(ORDER_STATUS, status, 'pending');
}
