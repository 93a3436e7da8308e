import type { BankAccount, PaymentDetails } from '../db/schema';
import type { Currency } from '../domain/money';
import type { StoredSetting } from '../domain/offer';

/** Card data exists only in memory on its way to a connector: never stored, logged or put in events. */
export type CardInput = {
  number: string;
  holder_name: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
};

export type CreatePaymentRequest = {
  paymentId: string;
  method: string;
  amount: number;
  currency: Currency;
  installments: number;
  customer: { name: string; email: string; document?: string };
  card?: CardInput;
  merchant: {
    id: string;
    name: string;
    city: string | null;
    bankAccounts: BankAccount[];
    speiClabe: string | null;
  };
  /** The merchant's seed 004 settings for this method (boleto due date, fine, interest...). */
  settings: StoredSetting | undefined;
  description: string | null;
  /** An asynchronous payment (PIX) must expire no later than this instant (ms). */
  expiresAt: number;
  now: number;
};

export type GatewayPaymentResult =
  | { status: 'paid'; reference: string }
  | {
      status: 'pending';
      reference: string;
      /** What the customer needs to pay: a PIX code, a boleto, bank details, a voucher reference. */
      details: PaymentDetails;
      /** An issued boleto keeps the session payable until this instant (its void date). */
      holdUntil?: number;
    }
  | { status: 'denied'; reference: string | null; failureCode: string };

/** One payment gateway behind one interface (conventions: medusa IPaymentProvider, openstatus). */
export interface Connector {
  readonly slug: string;
  createPayment(req: CreatePaymentRequest): Promise<GatewayPaymentResult>;
}
