import type { BankAccount, PaymentDetails } from '../db/schema';
import type { Country } from '../domain/countries';
import type { Currency } from '../domain/money';
import type { StoredSetting } from '../domain/offer';
import type { Coverage } from './coverage';

/** Card data exists only in memory on its way to a connector: never stored, logged or put in events. */
export type CardInput = {
  number: string;
  holder_name: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
};

/** What a connector may need to know of the merchant it collects for. */
export type PayingMerchant = {
  id: string;
  name: string;
  city: string | null;
  bankAccounts: BankAccount[];
  speiClabe: string | null;
};

/** The merchant as a session's object sees it: who collects, and which methods it accepts. */
export type MerchantProfile = PayingMerchant & { enabledMethods: string[] | null };

export type CreatePaymentRequest = {
  paymentId: string;
  method: string;
  amount: number;
  currency: Currency;
  installments: number;
  /** The session's country, ISO 3166-1 alpha-3 (BRA, MEX, COL, ...): gateways that span countries need it. */
  country: Country;
  customer: { name: string; email: string; document?: string };
  card?: CardInput;
  /** The customer's bank for a bank debit (PSE), as the gateway codes it; absent when not collected. */
  bank?: string;
  /** The customer's IP address as Borda's edge saw it, when known. */
  customerIp?: string;
  /** Where a redirect method (a bank, a wallet) sends the customer back: the session's checkout page. */
  returnUrl?: string;
  merchant: PayingMerchant;
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

/**
 * How a connector call failed, which decides what the router may do next:
 * - `hard_decline`: the gateway refused the payment itself (fraud, blocked card): never try elsewhere;
 * - `retryable`: the gateway never took the payment (connection refused, 5xx before processing,
 *   auth/config error): the next gateway may try;
 * - `ambiguous`: it may have taken it (timeout after sending, 5xx after processing): ask it for the
 *   payment's status before anything else, so the customer is never charged twice.
 */
export type ConnectorErrorKind = 'hard_decline' | 'retryable' | 'ambiguous';

export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  /** A stable code for the payment's failure_code (e.g. `gateway_timeout`, `gateway_unavailable`, `card_declined`). */
  readonly code: string;
  /** The gateway's own reference when it assigned one before failing. */
  readonly reference: string | null;

  constructor(kind: ConnectorErrorKind, code: string, message: string, reference: string | null = null) {
    super(message);
    this.name = 'ConnectorError';
    this.kind = kind;
    this.code = code;
    this.reference = reference;
  }
}

/** Per-call context: the merchant's decrypted credentials for this gateway, the mode, the clock. */
export type ConnectorContext = {
  credentials: Record<string, string>;
  mode: 'test' | 'live';
  now: number;
  /** Bound on one HTTP call to the gateway, in ms. */
  timeoutMs: number;
  /** The account's non-secret options (the sandbox's simulated behaviour). */
  settings?: Record<string, unknown>;
  /**
   * The gateway's API base URL when the operator overrides it (`<SLUG>_API_BASE`, see api-base.ts);
   * a connector uses it instead of its production base. Absent: the gateway's documented base.
   */
  apiBase?: string;
};

/** A payment's state as the gateway reports it when asked. */
export type GatewayStatus = {
  status: 'paid' | 'pending' | 'denied' | 'canceled' | 'expired' | 'not_found';
  reference: string | null;
  failureCode?: string;
};

/** A gateway's inbound webhook reduced to the one thing Borda acts on (conventions: small event union). */
export type InboundGatewayEvent =
  | {
      kind: 'paid' | 'denied' | 'expired' | 'canceled';
      /** The gateway's id of the event, for replay protection. */
      eventId: string;
      /** The gateway's payment reference (what createPayment returned as `reference`). */
      reference: string;
      failureCode?: string;
      /** What the gateway says it received, in minor units of `currency`, when the notification says so. */
      amount?: number;
      currency?: string;
      /** A settled PIX's end-to-end id, when the gateway gives it. */
      endToEndId?: string;
    }
  | { kind: 'ignored'; eventId: string; reason: string };

/** A customer's bank account given for a refund the gateway cannot send back on its own (boleto, voucher). */
export type RefundBankAccount = {
  holderName: string;
  holderDocument: string;
  bankCode: string;
  agency: string;
  account: string;
  accountDigit?: string;
  accountType: 'checking' | 'savings';
  pixKey?: string;
};

/** A refund asked of the gateway; amounts in minor units of the payment's currency. */
export type RefundRequest = {
  /** Borda's refund id: also the idempotency key sent to the gateway. */
  refundId: string;
  paymentId: string;
  /** The gateway's payment reference (what createPayment returned). */
  reference: string;
  method: string;
  amount: number;
  currency: Currency;
  /** What the payment charged in all, so a connector can tell a full refund from a partial one. */
  chargedAmount: number;
  reason: string | null;
  bankAccount?: RefundBankAccount;
  now: number;
};

/** A refund as the gateway reports it. */
export type GatewayRefundResult = {
  status: 'pending' | 'succeeded' | 'failed' | 'requires_action';
  /** The gateway's refund id, when it assigns one. */
  reference: string | null;
  failureCode?: string;
  /** With `requires_action`: the gateway's own page where the payer acts (Asaas's bank-slip refund form). */
  actionUrl?: string;
};

/**
 * Customer data a gateway may require that a checkout does not always collect: the CPF/CNPJ, the
 * holder's phone, postal code and address number, the payer's IP.
 */
export type CustomerDatum = 'document' | 'phone' | 'postal_code' | 'address_number' | 'payer_ip';

/** One payment gateway behind one interface (conventions: medusa IPaymentProvider, openstatus). */
export interface Connector {
  readonly slug: string;
  /** Whether a real implementation exists: an unavailable gateway cannot be enabled. */
  readonly available: boolean;
  /** Method slugs this connector can take (anywhere; `methodsOf(coverage)`). */
  readonly methods: readonly string[];
  /**
   * Where it takes them: country -> methods. Routing offers an account only payments whose country and
   * method its connector declares here, and the coverage table is built from these declarations.
   */
  readonly coverage: Coverage;
  /** The credential fields a merchant provides when enabling it (validated, stored sealed). */
  readonly credentialFields: readonly string[];
  /**
   * Customer data the gateway requires for a method. Routing passes over a connector whose required
   * data the payment lacks, before any call, recording the skip (see required-data.ts).
   */
  requiredCustomerData?(method: string): readonly CustomerDatum[];
  /** Creates the payment; throws ConnectorError on failure (a decline of a card is a result, not an error). */
  createPayment(ctx: ConnectorContext, req: CreatePaymentRequest): Promise<GatewayPaymentResult>;
  /** Asks the gateway for a payment's state (used after an ambiguous failure and by reconciliation). */
  fetchStatus(
    ctx: ConnectorContext,
    ref: { reference: string | null; paymentId: string },
  ): Promise<GatewayStatus>;
  /** Voids an issued, unpaid payment (a PIX code, boleto or voucher) so it can no longer be paid. */
  cancel(ctx: ConnectorContext, reference: string): Promise<void>;
  /** Returns money of a paid payment; absent where the gateway has no refund API. */
  refund?(ctx: ConnectorContext, req: RefundRequest): Promise<GatewayRefundResult>;
  /** Asks the gateway for a refund's state. */
  fetchRefund?(
    ctx: ConnectorContext,
    ref: { reference: string | null; paymentReference: string; refundId: string },
  ): Promise<GatewayRefundResult>;
  /** Verifies an inbound webhook with the merchant's credentials and reduces it; throws ConnectorError('retryable', 'unauthorized') when it is not authentic. */
  parseWebhook(
    ctx: ConnectorContext,
    /** `url`: the full URL the notification was posted to (some gateways sign its query parameters). */
    req: { headers: Headers; body: string; url?: string },
  ): Promise<InboundGatewayEvent>;
}
