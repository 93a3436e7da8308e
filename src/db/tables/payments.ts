import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { FlagResolution, SettlementFlag } from '../../domain/settlement-rules';
import { checkoutSessions } from './sessions';

/** One row per payment attempt on a session; a declined attempt stays here beside the next try. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => checkoutSessions.id),
    merchantId: text('merchant_id').notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    method: text('method').notNull(),
    gateway: text('gateway').notNull(),
    status: text('status', {
      enum: ['pending', 'paid', 'partially_refunded', 'refunded', 'denied', 'expired', 'canceled'],
    }).notNull(),
    /** What the customer is charged, in minor units (the session amount adjusted by the method's pricing). */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    installments: integer('installments').notNull().default(1),
    /** Discount (negative) or addition (positive) the method's pricing applied to the session amount. */
    adjustment: integer('adjustment').notNull().default(0),
    /** Each installment in minor units (they add up to `amount`); monthly interest rate in percent. */
    installmentPlan: text('installment_plan', { mode: 'json' }).$type<{
      amounts: number[];
      monthly_rate: number;
    } | null>(),
    /** Method data safe to keep: PIX code and expiry; card brand and last four digits only. */
    details: text('details', { mode: 'json' }).notNull().$type<PaymentDetails>(),
    customer: text('customer', { mode: 'json' }).$type<Record<string, string> | null>(),
    gatewayReference: text('gateway_reference'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    paidAt: integer('paid_at'),
    /** The sum of this payment's succeeded refunds, in minor units. */
    refundedAmount: integer('refunded_amount').notNull().default(0),
    /** Set when money arrived that the session could not take as usual (see domain/settlement-rules.ts). */
    settlementFlag: text('settlement_flag').$type<SettlementFlag | null>(),
    flagResolution: text('flag_resolution').$type<FlagResolution | null>(),
    /** What the gateway reported receiving, when it differed from what was charged. */
    receivedAmount: integer('received_amount'),
    receivedCurrency: text('received_currency'),
    /** When the gateway was told to void what this attempt issued (a PIX code, a boleto, a voucher). */
    voidedAt: integer('voided_at'),
    voidError: text('void_error'),
    /** The last time reconciliation asked the gateway about this pending payment. */
    reconciledAt: integer('reconciled_at'),
  },
  (t) => [
    index('payments_session_idx').on(t.sessionId, t.createdAt),
    index('payments_merchant_created_idx').on(t.merchantId, t.mode, t.createdAt),
    index('payments_reconcile_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    index('payments_void_idx')
      .on(t.sessionId)
      .where(
        sql`${t.status} IN ('canceled', 'expired') AND ${t.voidedAt} IS NULL AND ${t.gatewayReference} IS NOT NULL`,
      ),
  ],
);

export type BankAccount = {
  bank_name: string;
  bank_code: string;
  agency: string;
  account: string;
  account_digit: string;
  account_type: 'checking' | 'savings' | 'payment';
  beneficiary: string;
  document: string;
};

export type PaymentDetails = {
  pix?: { payload: string; expires_at: number; txid: string };
  card?: { brand: string; last4: string };
  boleto?: {
    barcode: string;
    line: string;
    due_date: string;
    void_date: string;
    fine_cents: number | null;
    interest_per_day_cents: number | null;
    interest_monthly_percent: number | null;
  };
  bank_transfer?: BankAccount & { reference: string };
  spei?: { clabe: string; bank_name: string; beneficiary: string; reference: string };
  /** `url`: the gateway's printable voucher or the page the customer is sent to (PSE, wallets). */
  voucher?: { reference: string; expires_at: number; kind: 'voucher' | 'redirect'; url?: string };
};

export type PaymentRow = typeof payments.$inferSelect;
