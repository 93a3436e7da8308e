import { and, eq } from 'drizzle-orm';
import { refunds, type SessionRow } from '../../db/schema';
import { canRefundTransition, type RefundStatus } from '../../domain/refund-rules';
import type { Mode } from '../../domain/tenant';
import type { RefundBankAccount } from '../../gateways/types';
import {
  applyRefundResult,
  askGateway,
  paymentOf,
  type RefundOutcome,
  type SessionScope,
} from './refund-command';

/** What can happen to a refund after it started. */
export type RefundAction =
  /** The gateway reports the refund's state (status poll, sandbox simulation). */
  | { kind: 'gateway_result'; status: RefundStatus; reference?: string | null; failureCode?: string }
  /** The merchant says it sent the money itself. */
  | { kind: 'confirm' }
  /** The merchant withdraws a refund still waiting for action. */
  | { kind: 'cancel' }
  /** The customer gave the bank account to send the money to. */
  | { kind: 'bank_account'; account: RefundBankAccount };

export type RefundUpdateCommand = {
  sessionId: string;
  refundId: string;
  owner?: { merchantId: string; mode: Mode };
  action: RefundAction;
  now?: number;
};

const digits = (s: string) => s.replace(/\D/g, '');

/** Applies one action to a refund, inside the session's object (one command at a time). */
export async function updateRefund(
  scope: SessionScope,
  row: SessionRow,
  cmd: RefundUpdateCommand,
): Promise<RefundOutcome> {
  const now = cmd.now ?? Date.now();
  const [refund] = await scope.db
    .select()
    .from(refunds)
    .where(and(eq(refunds.id, cmd.refundId), eq(refunds.sessionId, row.id)))
    .limit(1);
  if (
    !refund ||
    (cmd.owner && (refund.merchantId !== cmd.owner.merchantId || refund.mode !== cmd.owner.mode))
  ) {
    return { ok: false, code: 'not_found', detail: 'No such refund.' };
  }
  const payment = await paymentOf(scope.db, row, refund.paymentId);
  if (!payment) return { ok: false, code: 'not_found', detail: 'No such refund.' };
  const refuse = (detail: string): RefundOutcome => ({
    ok: false,
    code: 'invalid_refund_transition',
    detail,
  });
  const action = cmd.action;
  if (action.kind === 'gateway_result') {
    // Gateways repeat themselves: the state a refund already has is a no-op.
    if (action.status === refund.status) return { ok: true, refund, payment };
    if (!canRefundTransition(refund.status, action.status)) return refuse(`The refund is ${refund.status}.`);
    return applyRefundResult(scope, row, payment, refund, action, now, {
      completedBy: action.status === 'succeeded' ? 'gateway' : null,
    });
  }
  if (action.kind === 'confirm') {
    if (refund.status !== 'requires_action') {
      return refuse(`The refund is ${refund.status}; only a refund waiting for a transfer can be confirmed.`);
    }
    return applyRefundResult(scope, row, payment, refund, { status: 'succeeded' }, now, {
      completedBy: 'merchant',
    });
  }
  if (action.kind === 'cancel') {
    if (refund.status !== 'requires_action')
      return refuse(`The refund is ${refund.status}; it can no longer be canceled.`);
    return applyRefundResult(scope, row, payment, refund, { status: 'canceled' }, now);
  }
  if (refund.status !== 'requires_action' || refund.bankAccountHint || refund.gatewayActionUrl) {
    return refuse('This refund is not waiting for a bank account.');
  }
  // Brazil's rule: the money goes back to an account of the CPF/CNPJ that paid.
  const payer = payment.currency === 'BRL' ? digits(payment.customer?.document ?? '') : '';
  if (payer && digits(action.account.holderDocument) !== payer) {
    return {
      ok: false,
      code: 'validation_failed',
      detail: 'The account must belong to the CPF/CNPJ that paid.',
      field: 'holder_document',
      fieldCode: 'document_mismatch',
    };
  }
  const set = {
    bankAccountSealed: await scope.platform.secrets.seal(JSON.stringify(action.account)),
    bankAccountHint: {
      bank_code: action.account.bankCode,
      holder_name: action.account.holderName,
      account_last4: action.account.account.slice(-4),
    },
  };
  const result = await askGateway(scope, payment, refund, action.account, now);
  return applyRefundResult(scope, row, payment, refund, result, now, {
    ...set,
    completedBy: result.status === 'succeeded' ? 'gateway' : null,
  });
}
