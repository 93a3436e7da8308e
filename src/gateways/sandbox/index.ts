import { GATEWAYS } from '../descriptors';
import { type Connector, type ConnectorContext, ConnectorError, type GatewayStatus } from '../types';
import { issueAsync } from './async-methods';
import { sandboxFetchRefund, sandboxRefund } from './refunds';

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
 * How a sandbox account behaves, set per account in its `settings.behaviour`, so routing and
 * fallback can be shown locally: `ok`; `slow` (answers after `delay_ms`); `fail` (never reached:
 * retryable); `connect_timeout` (times out before reaching the gateway: retryable); `timeout` (times
 * out after sending: ambiguous; a status query then answers `status_after_timeout`, `not_found` by
 * default); `hard_decline` (refused outright, e.g. by antifraud).
 */
export type SandboxBehaviour = 'ok' | 'slow' | 'fail' | 'connect_timeout' | 'timeout' | 'hard_decline';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function behaviourOf(ctx: ConnectorContext): SandboxBehaviour {
  return (ctx.settings?.behaviour as SandboxBehaviour | undefined) ?? 'ok';
}

/**
 * The built-in sandbox gateway: approves or declines cards by test number, and for every
 * asynchronous method issues what a real gateway would (a parseable PIX BR Code, a valid boleto,
 * bank details, a CLABE, a voucher reference), which settles only when simulated
 * (POST /api/v1/test/payments/{id}/simulate).
 */
export const sandboxConnector: Connector = {
  ...GATEWAYS.sandbox,
  async createPayment(ctx, req) {
    const reference = `sbx_${req.paymentId.slice(4)}`;
    switch (behaviourOf(ctx)) {
      case 'fail':
        throw new ConnectorError(
          'retryable',
          'gateway_unavailable',
          'The sandbox is configured to be unreachable.',
        );
      case 'connect_timeout':
        await sleep(Math.min(ctx.timeoutMs, 50));
        throw new ConnectorError(
          'retryable',
          'gateway_timeout',
          'The sandbox timed out before the request reached it.',
        );
      case 'timeout':
        await sleep(Math.min(ctx.timeoutMs, 50));
        throw new ConnectorError(
          'ambiguous',
          'gateway_timeout',
          'The sandbox timed out after the request was sent.',
          reference,
        );
      case 'hard_decline':
        throw new ConnectorError(
          'hard_decline',
          'card_declined',
          'The sandbox refused the payment outright.',
          reference,
        );
      case 'slow':
        await sleep(Number(ctx.settings?.delay_ms ?? 500));
        break;
      case 'ok':
        break;
    }
    if (req.method === 'card') {
      const number = req.card?.number.replace(/[\s-]/g, '') ?? '';
      const failureCode = SANDBOX_CARD_OUTCOMES[number];
      return failureCode ? { status: 'denied', reference, failureCode } : { status: 'paid', reference };
    }
    const { details, holdUntil } = issueAsync(req);
    return { status: 'pending', reference, details, holdUntil };
  },
  async fetchStatus(ctx, ref): Promise<GatewayStatus> {
    const status = (ctx.settings?.status_after_timeout as GatewayStatus['status'] | undefined) ?? 'not_found';
    return { status, reference: ref.reference ?? `sbx_${ref.paymentId.slice(4)}` };
  },
  /**
   * Voids what an attempt issued. `settings.void_outcome` simulates a gateway's refusals: `already_paid`
   * (the money arrived before the void: Borda then records it, late) or `fail` (unreachable: retried).
   */
  async cancel(ctx, reference) {
    const outcome = ctx.settings?.void_outcome;
    if (outcome === 'already_paid') {
      throw new ConnectorError(
        'hard_decline',
        'already_paid',
        `Sandbox payment ${reference} is already paid.`,
        reference,
      );
    }
    if (outcome === 'fail') {
      throw new ConnectorError(
        'retryable',
        'gateway_unavailable',
        'The sandbox is configured to be unreachable.',
      );
    }
  },
  refund: (_ctx, req) => sandboxRefund(req),
  fetchRefund: (_ctx, ref) => sandboxFetchRefund(ref),
  async parseWebhook() {
    throw new ConnectorError(
      'retryable',
      'unauthorized',
      'The sandbox settles by simulation, not by webhooks.',
    );
  },
};
