import type { SessionRow } from '../db/schema';
import { checkCard } from '../domain/cards';
import type { PaymentMethod } from '../domain/methods';
import { availableMethods, installmentOptions } from '../domain/offer';
import type { PayCommand, Refusal } from './commands';

export type Admitted = {
  method: PaymentMethod;
  amount: number;
  installments: number;
  card: { brand: string; last4: string } | null;
};

const TERMINAL_REFUSALS = {
  paid: ['session_paid', 'This checkout session is already paid.'],
  expired: ['session_expired', 'This checkout session has expired.'],
  canceled: ['session_canceled', 'This checkout session was canceled.'],
} as const;

/**
 * Decides whether a payment attempt may start, without side effects: the session must still be
 * payable, the method offered, the installments allowed and the card well-formed.
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
  const installments = cmd.installments ?? 1;
  if (method !== 'card' && installments !== 1) {
    return invalid('installments', 'not_applicable', 'Only card payments take installments.');
  }
  if (method === 'card') {
    if (!cmd.card) return invalid('card', 'required', 'Card details are required.');
    const max = installmentOptions(row).length;
    if (installments > max)
      return invalid('installments', 'too_big', `At most ${max} installments are offered.`);
    const check = checkCard(cmd.card, new Date(now));
    if (!check.ok) return invalid(`card.${check.field}`, check.code, 'The card details are not valid.');
    return { method, amount: row.amount, installments, card: { brand: check.brand, last4: check.last4 } };
  }
  if (cmd.card) return invalid('card', 'not_applicable', 'Card details only go with method card.');
  return { method, amount: row.amount, installments: 1, card: null };
}

function invalid(field: string, fieldCode: string, detail: string): Refusal {
  return { ok: false, code: 'validation_failed', detail, field, fieldCode };
}
