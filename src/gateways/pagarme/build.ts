import { normalizeDocument } from '../../domain/documents';
import type { BoletoPlan } from '../boleto-plan';
import type { CreatePaymentRequest } from '../types';
import type {
  PagarmeBoletoCharge,
  PagarmeCustomer,
  PagarmeOrderRequest,
  PagarmePaymentRequest,
} from './wire';

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
function lateTerms(terms: BoletoPlan['terms']): {
  fine?: PagarmeBoletoCharge;
  interest?: PagarmeBoletoCharge;
} {
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
