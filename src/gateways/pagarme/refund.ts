/**
 * Pagar.me v5 refunds: a charge is refunded by cancelling it, in full or by `amount` (centavos).
 * Sources:
 * - https://docs.pagar.me/reference/cancelar-cobrança — DELETE /charges/{charge_id}; a boleto refund is
 *   a bank transfer and needs the customer's `bank_account`, of the same document that paid
 * - https://connect-stone.stone.com.br/reference/cancelamento-de-pedido-1 — the same cancel route; a
 *   refund is followed by the `charge.refunded` webhook
 * - https://github.com/pagarme/pagarme-nodejs-sdk src/models/createCancelChargeRequest.ts (`amount`,
 *   `bank_account`), createBankAccountRefundingDTO.ts (holder_name, holder_type, holder_document, bank,
 *   branch_number, branch_check_digit, account_number, account_check_digit, type),
 *   getChargeResponse.ts (`canceled_amount`, `paid_amount`, `currency`)
 * The refund's `reference` is the charge id (ch_…), so its state can be read back with GET /charges/{id}.
 */
import {
  type ConnectorContext,
  ConnectorError,
  type GatewayRefundResult,
  type RefundRequest,
} from '../types';
import { pagarmeCall } from './http';
import type { PagarmeCharge, PagarmeOrder } from './wire';

/** A charge after a cancel, with what Borda reads of it. */
export type PagarmeRefundedCharge = PagarmeCharge & { canceled_amount?: number; paid_amount?: number };

/** Transaction statuses of a refund in progress, done, or failed (Pagar.me v5 transaction statuses). */
const DONE = new Set(['refunded', 'partial_refunded', 'voided', 'partial_void', 'canceled']);
const IN_PROGRESS = new Set(['pending_refund', 'waiting_cancellation', 'processing', 'partial_canceled']);
const FAILED = new Set(['refund_failed', 'with_error', 'failed', 'error_on_refunding', 'error_on_voiding']);

/** What a charge says of the refund just asked or asked before. */
export function refundStateOf(charge: PagarmeRefundedCharge, method: string): GatewayRefundResult['status'] {
  const tx = charge.last_transaction?.status ?? '';
  if (FAILED.has(tx)) return 'failed';
  if (IN_PROGRESS.has(tx)) return 'pending';
  if (DONE.has(tx) || charge.status === 'canceled') return 'succeeded';
  // A PIX devolução and a boleto transfer settle later; a card cancel answers at once.
  return method === 'card' ? 'succeeded' : 'pending';
}

function digitsOf(s: string): string {
  return s.replace(/\D/g, '');
}

/** DELETE /charges/{id} with the amount (and, for a boleto, the customer's account). */
export async function pagarmeRefund(ctx: ConnectorContext, req: RefundRequest): Promise<GatewayRefundResult> {
  const order = await pagarmeCall<PagarmeOrder>(ctx, 'GET', `/orders/${encodeURIComponent(req.reference)}`);
  const charge =
    order.body?.charges?.find((c) => c.status === 'paid' || c.status === 'overpaid') ??
    order.body?.charges?.[0];
  if (!charge)
    throw new ConnectorError(
      'retryable',
      'gateway_rejected',
      `Pagar.me order ${req.reference} has no charge to refund`,
    );
  if (req.method === 'boleto' && !req.bankAccount) return { status: 'requires_action', reference: charge.id };
  const account = req.bankAccount;
  const document = account ? digitsOf(account.holderDocument) : '';
  const body = {
    amount: req.amount,
    ...(account
      ? {
          bank_account: {
            holder_name: account.holderName,
            holder_type: document.length > 11 ? 'company' : 'individual',
            holder_document: document,
            bank: account.bankCode,
            branch_number: account.agency,
            branch_check_digit: '',
            account_number: account.account,
            account_check_digit: account.accountDigit ?? '',
            type: account.accountType,
          },
        }
      : {}),
  };
  const reply = await pagarmeCall<PagarmeRefundedCharge>(
    ctx,
    'DELETE',
    `/charges/${encodeURIComponent(charge.id)}`,
    {
      body,
      // Borda's refund id: a retry after a lost answer is the same refund, never a second one.
      idempotencyKey: req.refundId,
    },
  );
  if (reply.status === 404 || !reply.body?.id) {
    throw new ConnectorError('ambiguous', 'gateway_error', 'Pagar.me refund answer is unreadable', charge.id);
  }
  const status = refundStateOf(reply.body, req.method);
  return status === 'failed'
    ? { status, reference: charge.id, failureCode: 'refund_declined' }
    : { status, reference: charge.id };
}

/** GET /charges/{id}: the refund's state as the charge shows it. */
export async function pagarmeFetchRefund(
  ctx: ConnectorContext,
  ref: { reference: string | null; paymentReference: string },
  method: string,
): Promise<GatewayRefundResult> {
  if (!ref.reference) return { status: 'pending', reference: null };
  const reply = await pagarmeCall<PagarmeRefundedCharge>(
    ctx,
    'GET',
    `/charges/${encodeURIComponent(ref.reference)}`,
  );
  if (!reply.body?.id) return { status: 'pending', reference: ref.reference };
  const status = refundStateOf(reply.body, method);
  return status === 'failed'
    ? { status, reference: ref.reference, failureCode: 'refund_declined' }
    : { status, reference: ref.reference };
}
