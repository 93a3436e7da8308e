import { fromTable } from '../status-table';
/**
 * Asaas refunds. Sources (docs.asaas.com, read 2026):
 * - https://docs.asaas.com/reference/estornar-cobranca — POST /v3/payments/{id}/refund {value, description};
 *   cards and PIX; a PIX takes a full refund or several partial ones, never more than received; no
 *   `value` refunds everything
 * - https://docs.asaas.com/reference/estornar-boleto — POST /v3/payments/{id}/bankSlip/refund: answers a
 *   link where the payer gives their bank details and identity documents to Asaas itself
 * - https://docs.asaas.com/docs/refunds — `refunds: [{dateCreated, status: PENDING|CANCELLED|DONE, value,
 *   description, transactionReceiptUrl}]` on the payment object
 * Asaas gives a refund no id of its own, so Borda's refund id goes in `description` and identifies it.
 */

import { GatewayUnanswered } from '../http-outcome';
import {
  type ConnectorContext,
  ConnectorError,
  type GatewayRefundResult,
  type RefundRequest,
} from '../types';
import { asaasRequest, refusedCall } from './http';
import { Reais } from './wire';

export type AsaasRefundEntry = {
  dateCreated?: string;
  status?: string;
  value?: number;
  description?: string;
};
export type AsaasRefundedPayment = { id: string; status: string; refunds?: AsaasRefundEntry[] | null };

const ENTRY_STATUS: Record<string, GatewayRefundResult['status']> = {
  PENDING: 'pending',
  DONE: 'succeeded',
  CANCELLED: 'failed',
};

/** The state of Borda's refund `refundId` on an Asaas payment. */
export function asaasRefundState(
  payment: AsaasRefundedPayment,
  refundId: string,
): GatewayRefundResult['status'] {
  const entry = (payment.refunds ?? []).find((r) => r.description?.includes(refundId));
  const status = fromTable(ENTRY_STATUS, entry?.status, null);
  if (status) return status;
  if (payment.status === 'REFUNDED') return 'succeeded';
  return 'pending';
}

/**
 * The link in a bank-slip refund answer. The reference names no field for it ("será retornado um
 * link"), so the first https URL among the answer's top-level values is taken.
 */
export function firstHttpsUrl(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  for (const v of Object.values(data as Record<string, unknown>)) {
    if (typeof v === 'string' && /^https:\/\/[^\s"<>]+$/.test(v)) return v;
  }
  return null;
}

function description(req: RefundRequest): string {
  return `Borda ${req.refundId}${req.reason ? ` - ${req.reason}` : ''}`.slice(0, 500);
}

export async function asaasRefund(ctx: ConnectorContext, req: RefundRequest): Promise<GatewayRefundResult> {
  const base = `/payments/${encodeURIComponent(req.reference)}`;
  let res: Awaited<ReturnType<typeof asaasRequest>>;
  try {
    res =
      req.method === 'boleto'
        ? await asaasRequest(ctx, 'POST', `${base}/bankSlip/refund`)
        : await asaasRequest(ctx, 'POST', `${base}/refund`, {
            value: Reais.fromCents(req.amount),
            description: description(req),
          });
  } catch (err) {
    // No answer: the refund may have been taken. It stays pending and the status poll asks again.
    if (err instanceof GatewayUnanswered) {
      throw new ConnectorError('ambiguous', 'gateway_timeout', err.message, req.reference);
    }
    throw err;
  }
  if (res.status >= 500)
    throw new ConnectorError(
      'ambiguous',
      'gateway_error',
      `Asaas answered HTTP ${res.status} to a refund.`,
      req.reference,
    );
  if (res.status !== 200) {
    const err = refusedCall(res, `POST ${base}/refund`, req.reference);
    return {
      status: 'failed',
      reference: req.reference,
      failureCode: err.code === 'gateway_rejected' ? 'refund_declined' : err.code,
    };
  }
  // A boleto refund waits on the payer filling Asaas's own form, at the link the answer holds.
  if (req.method === 'boleto') {
    const actionUrl = firstHttpsUrl(res.body);
    return { status: 'requires_action', reference: req.reference, ...(actionUrl ? { actionUrl } : {}) };
  }
  return {
    status: asaasRefundState(res.body as AsaasRefundedPayment, req.refundId),
    reference: req.reference,
  };
}

export async function asaasFetchRefund(
  ctx: ConnectorContext,
  ref: { paymentReference: string; refundId: string },
): Promise<GatewayRefundResult> {
  const path = `/payments/${encodeURIComponent(ref.paymentReference)}`;
  let res: Awaited<ReturnType<typeof asaasRequest>>;
  try {
    res = await asaasRequest(ctx, 'GET', path);
  } catch {
    return { status: 'pending', reference: ref.paymentReference };
  }
  if (res.status !== 200) return { status: 'pending', reference: ref.paymentReference };
  return {
    status: asaasRefundState(res.body as AsaasRefundedPayment, ref.refundId),
    reference: ref.paymentReference,
  };
}
