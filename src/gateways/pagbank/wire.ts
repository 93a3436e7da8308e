import { fromTable } from '../status-table';
/**
 * PagBank Orders API wire shapes: only the fields Borda sends or reads, named exactly as on the wire.
 * Sources are listed at the top of `client.ts`. Amounts are integers in centavos (`value`).
 */
import type { GatewayStatus } from '../types';

export type PagbankAmount = { value: number; currency?: 'BRL' };

export type PagbankCustomer = { name: string; email: string; tax_id: string };

export type PagbankCardRequest = {
  type: 'CREDIT_CARD';
  installments: number;
  capture: true;
  soft_descriptor?: string;
  card: {
    number: string;
    exp_month: string;
    exp_year: string;
    security_code: string;
    holder: { name: string };
    store: false;
  };
};

/** POST /orders: `qr_codes` for PIX, `charges` for a card. `reference_id` is Borda's payment id. */
export type PagbankOrderRequest = {
  reference_id: string;
  customer: PagbankCustomer;
  items: { reference_id: string; name: string; quantity: number; unit_amount: number }[];
  qr_codes?: { amount: { value: number }; expiration_date: string }[];
  charges?: {
    reference_id: string;
    description: string;
    amount: PagbankAmount;
    payment_method: PagbankCardRequest;
  }[];
  notification_urls?: string[];
};

export type PagbankLink = { rel?: string; href?: string; media?: string; type?: string };

export type PagbankQrCode = {
  id: string;
  expiration_date?: string;
  amount?: { value: number };
  text?: string;
  links?: PagbankLink[];
};

export type PagbankCharge = {
  id: string;
  reference_id?: string;
  status: string;
  created_at?: string;
  paid_at?: string;
  amount?: PagbankAmount & { summary?: { total?: number; paid?: number; refunded?: number } };
  payment_response?: {
    code?: string;
    message?: string;
    reference?: string;
    /** The issuer's answer; `reason_code` is the ABECS (normativo 21) return code. */
    raw_data?: {
      authorization_code?: string;
      nsu?: string;
      reason_code?: string;
      merchant_advice_code?: string;
    };
  };
  payment_method?: { type?: string; installments?: number; card?: { brand?: string; last_digits?: string } };
};

export type PagbankOrder = {
  id: string;
  reference_id?: string;
  created_at?: string;
  qr_codes?: PagbankQrCode[];
  charges?: PagbankCharge[];
};

/** Error bodies: `error_messages: [{code, description, parameter_name}]`. */
export type PagbankErrorBody = {
  error_messages?: { code?: string; description?: string; parameter_name?: string }[];
};

/** Every charge status PagBank documents for the Orders API. */
export type PagbankChargeStatus = 'AUTHORIZED' | 'PAID' | 'IN_ANALYSIS' | 'DECLINED' | 'CANCELED' | 'WAITING';

type BordaStatus = GatewayStatus['status'];

/**
 * Charge status → Borda. Exhaustive: a status added to the union without a mapping is a type error.
 * `AUTHORIZED` is a pre-authorisation not yet captured (Borda always captures, so it is a moment),
 * `IN_ANALYSIS` is PagBank's risk review and `WAITING` an issued boleto: all still pending.
 * `CANCELED` also covers a refunded charge: the money went back.
 */
export const CHARGE_STATUS: Record<PagbankChargeStatus, BordaStatus> = {
  AUTHORIZED: 'pending',
  PAID: 'paid',
  IN_ANALYSIS: 'pending',
  DECLINED: 'denied',
  CANCELED: 'canceled',
  WAITING: 'pending',
};

/** A status PagBank adds later reads as pending: neither paid nor failed until someone looks. */
export function chargeStatus(status: string): BordaStatus {
  return fromTable(CHARGE_STATUS, status, 'pending');
}
