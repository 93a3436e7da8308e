import { refundPath } from '../../domain/refund-rules';
import { ConnectorError, type GatewayRefundResult, type RefundRequest } from '../types';

/**
 * The sandbox's refunds, so a merchant can test every path. The cents of the refunded amount choose
 * the outcome (documented in docs "Refunds"):
 * - `..99` (e.g. 10,99): the gateway refuses it, `failed` with `refund_declined`;
 * - `..98`: the call times out after sending: the refund stays `pending` and the status poll finds it succeeded;
 * - `..97`: accepted as `pending`, and the gateway later reports it `failed` (`refund_rejected`);
 * - anything else: a card refund succeeds at once; a PIX devolução is `pending` until the status poll
 *   (or POST /api/v1/test/refunds/{id}/simulate) settles it; boleto, transfer and voucher refunds need
 *   the customer's bank account (`requires_action`), and once it is given the sandbox's transfer succeeds.
 */
export async function sandboxRefund(req: RefundRequest): Promise<GatewayRefundResult> {
  const cents = req.amount % 100;
  const reference = `sbxr_${req.refundId.slice(3)}${cents === 97 ? '_fail' : ''}`;
  const bankPath = refundPath(req.method) === 'bank_account';
  // Without the customer's account nothing can be sent yet, whatever the amount.
  if (bankPath && !req.bankAccount) return { status: 'requires_action', reference: null };
  if (cents === 99) return { status: 'failed', reference: null, failureCode: 'refund_declined' };
  if (cents === 98) {
    throw new ConnectorError(
      'ambiguous',
      'gateway_timeout',
      'The sandbox timed out after the refund was sent.',
      reference,
    );
  }
  if (bankPath) {
    return cents === 97 ? { status: 'pending', reference } : { status: 'succeeded', reference };
  }
  if (req.method === 'pix' || cents === 97) return { status: 'pending', reference };
  return { status: 'succeeded', reference };
}

/** A pending sandbox refund settles when asked: failed when it was made to fail, else succeeded. */
export async function sandboxFetchRefund(ref: {
  reference: string | null;
  refundId: string;
}): Promise<GatewayRefundResult> {
  const reference = ref.reference ?? `sbxr_${ref.refundId.slice(3)}`;
  return reference.endsWith('_fail')
    ? { status: 'failed', reference, failureCode: 'refund_rejected' }
    : { status: 'succeeded', reference };
}
