import type { Connector, CreatePaymentRequest, GatewayPaymentResult } from '../types';
import { issueAsync } from './async-methods';

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

/**
 * The built-in sandbox gateway: approves or declines cards by test number, and for every
 * asynchronous method issues what a real gateway would (a parseable PIX BR Code, a valid boleto,
 * bank details, a CLABE, a voucher reference), which settles only when simulated
 * (POST /api/v1/test/payments/{id}/simulate).
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
    const { details, holdUntil } = issueAsync(req);
    return { status: 'pending', reference, details, holdUntil };
  },
};
