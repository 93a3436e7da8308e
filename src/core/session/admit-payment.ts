import type { SessionRow } from '../../db/schema';
import { checkCard } from '../../domain/cards';
import { exceedsChargeCap } from '../../domain/charge-cap';
import type { PaymentMethod } from '../../domain/methods';
import { availableMethods, quoteMethod } from '../../domain/offer';
import { missingCustomerFields } from '../../domain/session-defaults';
import type { PayCommand, Refusal } from './commands';

export type Admitted = {
  method: PaymentMethod;
  /** What is charged: the session amount with the method's adjustment, plus any installment interest. */
  amount: number;
  adjustment: number;
  installments: number;
  installmentPlan: { amounts: number[]; monthly_rate: number } | null;
  card: { brand: string; last4: string } | null;
};

const TERMINAL_REFUSALS = {
  paid: ['session_paid', 'This checkout session is already paid.'],
  expired: ['session_expired', 'This checkout session has expired.'],
  canceled: ['session_canceled', 'This checkout session was canceled.'],
} as const;

/**
 * Decides whether a payment attempt may start, without side effects: the session must still be
 * payable, the method offered, the customer fields the merchant requires given, the installments
 * allowed and the card well-formed.
 */
export function admitPayment(
  row: SessionRow,
  merchantEnabled: string[] | null,
  cmd: PayCommand,
  now: number,
): Admitted | Refusal {
  if (row.status === 'paid' || row.status === 'expired' || row.status === 'canceled') {
    const [code, detail] = TERMINAL_REFUSALS[row.status];
    return { ok: false, code, detail, status: row.status };
  }
  if (now >= row.expiresAt) {
    return {
      ok: false,
      code: 'session_expired',
      detail: 'This checkout session has expired.',
      status: row.status,
    };
  }
  const offered = availableMethods(row, merchantEnabled);
  const method = offered.find((m) => m === cmd.method);
  if (!method) {
    return {
      ok: false,
      code: 'method_not_available',
      detail: `This session accepts ${offered.join(', ') || 'no method'}.`,
      field: 'method',
    };
  }
  // The customer fields the merchant requires (copied onto the session at creation) must be there,
  // given now or with the session.
  const [missing] = missingCustomerFields(row.requiredCustomerFields, row, cmd.customer);
  if (missing) return invalid(`customer.${missing}`, 'required', `The customer's ${missing} is required.`);
  const quote = quoteMethod(row, method);
  const installments = cmd.installments ?? 1;
  if (method !== 'card' && installments !== 1) {
    return invalid('installments', 'not_applicable', 'Only card payments take installments.');
  }
  if (method === 'card') {
    if (!cmd.card) return invalid('card', 'required', 'Card details are required.');
    const plan = quote.installments.find((p) => p.count === installments);
    if (!plan) {
      const max = quote.installments.length;
      return invalid(
        'installments',
        'too_big',
        `At most ${max} installment${max === 1 ? ' is' : 's are'} offered.`,
      );
    }
    if (exceedsChargeCap(plan.total)) return tooBig('installments');
    const check = checkCard(cmd.card, new Date(now));
    if (!check.ok) return invalid(`card.${check.field}`, check.code, 'The card details are not valid.');
    return {
      method,
      amount: plan.total,
      adjustment: quote.adjustment,
      installments,
      installmentPlan:
        installments > 1 ? { amounts: plan.installmentAmounts, monthly_rate: plan.monthlyRate } : null,
      card: { brand: check.brand, last4: check.last4 },
    };
  }
  if (cmd.card) return invalid('card', 'not_applicable', 'Card details only go with method card.');
  if (exceedsChargeCap(quote.amount)) return tooBig('method');
  return {
    method,
    amount: quote.amount,
    adjustment: quote.adjustment,
    installments: 1,
    installmentPlan: null,
    card: null,
  };
}

/** Sessions made before the cap was checked at creation can still price above it: never charged. */
function tooBig(field: string): Refusal {
  return invalid(field, 'too_big', 'This payment would charge more than the largest amount Borda takes.');
}

function invalid(field: string, fieldCode: string, detail: string): Refusal {
  return { ok: false, code: 'validation_failed', detail, field, fieldCode };
}
