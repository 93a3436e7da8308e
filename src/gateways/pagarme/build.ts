import { normalizeDocument } from '../../domain/documents';
import { type BoletoSettings, type BoletoTerms, boletoTerms, dueDate, voidDate } from '../../domain/pricing';
import type { CreatePaymentRequest } from '../types';
import type {
  PagarmeBoletoCharge,
  PagarmeCustomer,
  PagarmeOrderRequest,
  PagarmePaymentRequest,
} from './wire';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Brazilian banks work on Brasília time (UTC-3, no daylight saving since 2019). */
const BRASILIA_OFFSET_MS = -3 * 60 * 60 * 1000;
/** Seed 004's default for `boleto_void_days`. */
const DEFAULT_VOID_DAYS = 30;

/** The boleto Borda asks for: the same dates and late terms it then shows the customer. */
export type BoletoPlan = {
  due: string;
  voidOn: string;
  voidDays: number;
  terms: BoletoTerms;
  holdUntil: number;
};

export function boletoPlan(req: CreatePaymentRequest): BoletoPlan {
  const settings: Record<string, unknown> = req.settings ?? {};
  const today = new Date(req.now + BRASILIA_OFFSET_MS).toISOString().slice(0, 10);
  const due = dueDate(today, settings as { boleto_due_days?: number; boleto_due_date?: string });
  const voidDays =
    typeof settings.boleto_void_days === 'number' ? settings.boleto_void_days : DEFAULT_VOID_DAYS;
  const voidOn = voidDate(due, voidDays);
  const terms = boletoTerms(req.amount, settings as BoletoSettings);
  return { due, voidOn, voidDays, terms, holdUntil: payableUntil(voidOn) };
}

/** A boleto is payable until the end of its void date, Brasília time. */
export function payableUntil(voidOn: string): number {
  return Date.parse(`${voidOn}T00:00:00Z`) + DAY_MS - BRASILIA_OFFSET_MS;
}

/**
 * The customer as Pagar.me wants it: the document in digits (letters kept for the alphanumeric CNPJ),
 * its kind told by length, since an 11-character id is a CPF (a person) and 14 a CNPJ (a company).
 */
export function pagarmeCustomer(customer: CreatePaymentRequest['customer']): PagarmeCustomer {
  const out: PagarmeCustomer = { name: customer.name, email: customer.email };
  if (!customer.document) return out;
  const document = normalizeDocument(customer.document);
  out.document = document;
  if (document.length === 11) Object.assign(out, { document_type: 'CPF', type: 'individual' });
  if (document.length === 14) Object.assign(out, { document_type: 'CNPJ', type: 'company' });
  return out;
}

/** Card statements take at most 13 plain characters (PSP accounts); accents and symbols are dropped. */
function statementDescriptor(merchantName: string): string | undefined {
  const plain = merchantName
    .normalize('NFD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .replace(/ +/g, ' ')
    .trim()
    .slice(0, 13)
    .trim();
  return plain || undefined;
}

function brDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * Fine and interest exactly as Borda prints them: a fine is sent as its centavos (a percentage of one
 * known amount is a fixed sum), daily interest in centavos as `flat` (Pagar.me charges `flat` per day),
 * a monthly percentage as `percentage` (charged per month, fractions allowed). Both start the day after
 * the due date.
 */
function lateTerms(terms: BoletoTerms): { fine?: PagarmeBoletoCharge; interest?: PagarmeBoletoCharge } {
  const out: { fine?: PagarmeBoletoCharge; interest?: PagarmeBoletoCharge } = {};
  if (terms.fineCents !== null && terms.fineCents > 0)
    out.fine = { days: 1, type: 'flat', amount: terms.fineCents };
  if (terms.interestMonthlyPercent !== null) {
    out.interest = { days: 1, type: 'percentage', amount: terms.interestMonthlyPercent };
  } else if (terms.interestPerDayCents !== null && terms.interestPerDayCents > 0) {
    out.interest = { days: 1, type: 'flat', amount: terms.interestPerDayCents };
  }
  return out;
}

function payment(req: CreatePaymentRequest, boleto: BoletoPlan | null): PagarmePaymentRequest {
  if (req.method === 'pix') {
    // Seconds rather than `expires_at`, whose documented format has no zone; never past the session.
    return {
      payment_method: 'pix',
      pix: { expires_in: Math.max(1, Math.floor((req.expiresAt - req.now) / 1000)) },
    };
  }
  if (req.method === 'boleto' && boleto) {
    return {
      payment_method: 'boleto',
      boleto: {
        instructions: `Não receber após ${brDate(boleto.voidOn)}.`,
        due_at: `${boleto.due}T00:00:00Z`,
        max_days_to_pay_past_due: boleto.voidDays,
        ...lateTerms(boleto.terms),
      },
    };
  }
  const card = req.card;
  if (req.method !== 'card' || !card) throw new RangeError(`Pagar.me cannot take method ${req.method}`);
  const descriptor = statementDescriptor(req.merchant.name);
  return {
    payment_method: 'credit_card',
    credit_card: {
      installments: Math.max(1, req.installments),
      ...(descriptor ? { statement_descriptor: descriptor } : {}),
      operation_type: 'auth_and_capture',
      card: {
        number: card.number.replace(/[\s-]/g, ''),
        holder_name: card.holder_name,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        cvv: card.cvc,
      },
    },
  };
}

/** POST /orders body: one item and one payment for the whole amount, coded with Borda's payment id. */
export function orderRequest(req: CreatePaymentRequest, boleto: BoletoPlan | null): PagarmeOrderRequest {
  return {
    code: req.paymentId,
    items: [
      {
        amount: req.amount,
        description: (req.description ?? req.merchant.name).slice(0, 256) || req.paymentId,
        quantity: 1,
        code: req.paymentId,
      },
    ],
    customer: pagarmeCustomer(req.customer),
    payments: [payment(req, boleto)],
    metadata: { borda_payment_id: req.paymentId },
  };
}
