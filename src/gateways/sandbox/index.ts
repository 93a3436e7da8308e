import { buildPixPayload, survivesPixFolding } from '../../domain/pix';
import type { Connector, CreatePaymentRequest, GatewayPaymentResult } from '../types';

/**
 * Test card numbers and the decline each one produces (Stripe's published test numbers). Any other
 * valid card is approved, as in a real gateway's test mode.
 */
export const SANDBOX_CARD_OUTCOMES: Record<string, string> = {
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
  '4000000000000069': 'expired_card',
  '4000000000000127': 'incorrect_cvc',
  '4000000000000119': 'processing_error',
};

/** PIX codes the sandbox issues stay valid at most this long, and never past the session. */
const PIX_LIFETIME_MS = 30 * 60 * 1000;

/**
 * The built-in sandbox gateway: approves or declines cards by test number and issues real,
 * parseable PIX BR Codes that settle only when simulated (POST /api/v1/test/payments/{id}/simulate).
 */
export const sandboxConnector: Connector = {
  slug: 'sandbox',
  async createPayment(req: CreatePaymentRequest): Promise<GatewayPaymentResult> {
    const reference = `sbx_${req.paymentId.slice(4)}`;
    if (req.method === 'card') {
      const number = req.card?.number.replace(/[\s-]/g, '') ?? '';
      const failureCode = SANDBOX_CARD_OUTCOMES[number];
      return failureCode ? { status: 'denied', reference, failureCode } : { status: 'paid', reference };
    }
    const txid = req.paymentId.replace(/[^A-Za-z0-9]/g, '').slice(0, 25);
    const payload = buildPixPayload({
      key: 'pix-sandbox@borda.dev',
      // Field 59/60 must be ASCII: a name like "Магазин" has nothing left once folded.
      merchantName: survivesPixFolding(req.merchant.name) ? req.merchant.name : 'LOJA',
      merchantCity:
        req.merchant.city && survivesPixFolding(req.merchant.city) ? req.merchant.city : 'SAO PAULO',
      amountCents: req.amount,
      txid,
    });
    return {
      status: 'pending',
      reference,
      pix: { payload, txid, expiresAt: Math.min(req.expiresAt, req.now + PIX_LIFETIME_MS) },
    };
  },
};
