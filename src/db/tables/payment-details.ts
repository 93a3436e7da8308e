/** The JSON columns' shapes: a merchant's receiving account and what a payment issued to the customer. */
export type BankAccount = {
  bank_name: string;
  bank_code: string;
  agency: string;
  /** The agency's check digit where the bank has one; shown as `agency-digit`. */
  agency_digit?: string;
  account: string;
  account_digit: string;
  account_type: 'checking' | 'savings' | 'payment';
  beneficiary: string;
  document: string;
};

export type PaymentDetails = {
  /** `end_to_end_id`: the settled transfer's id (BCB), when the settlement carried one. */
  pix?: { payload: string; expires_at: number; txid: string; end_to_end_id?: string };
  card?: { brand: string; last4: string };
  boleto?: {
    barcode: string;
    line: string;
    due_date: string;
    void_date: string;
    fine_cents: number | null;
    interest_per_day_cents: number | null;
    interest_monthly_percent: number | null;
    /** The bank's "nosso número" for this boleto, when the gateway gives it. */
    our_number?: string;
  };
  bank_transfer?: BankAccount & { reference: string };
  spei?: { clabe: string; bank_name: string; beneficiary: string; reference: string };
  /** `url`: the gateway's printable voucher or the page the customer is sent to (PSE, wallets). */
  voucher?: { reference: string; expires_at: number; kind: 'voucher' | 'redirect'; url?: string };
};
