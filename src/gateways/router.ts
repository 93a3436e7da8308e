import type { PaymentAttemptRow } from '../db/schema';
import { newId } from '../lib/ids';
import { allowedInMode } from './mode-guard';
import { CONNECTORS, isConnectorSlug, supports } from './registry';
import { missingData } from './required-data';
import {
  afterFailure,
  afterSuccess,
  breakerState,
  candidates,
  type Health,
  type RoutableAccount,
  type RoutedPayment,
} from './routing';
import { ConnectorError, type CreatePaymentRequest, type GatewayPaymentResult } from './types';

/** An account ready to call: routing data plus its decrypted credentials and options. */
export type LiveAccount = RoutableAccount & {
  credentials: Record<string, string>;
  settings: Record<string, unknown>;
  /** The operator's API base override for this gateway, if any. */
  apiBase?: string;
};

/** Test mode without configured accounts pays through the built-in sandbox; it has no row and no health. */
export const BUILTIN_SANDBOX: LiveAccount = {
  id: '',
  gateway: 'sandbox',
  name: 'sandbox',
  priority: Number.MAX_SAFE_INTEGER,
  rules: {},
  enabled: true,
  consecutiveFailures: 0,
  openUntil: null,
  credentials: {},
  settings: {},
};

/** Bound on one gateway call. */
export const GATEWAY_TIMEOUT_MS = 15_000;

export type RouteOutcome =
  | { kind: 'result'; result: GatewayPaymentResult; gateway: string }
  /** An ambiguous failure whose status query did not settle it: nobody else may try. */
  | { kind: 'unresolved'; gateway: string; reference: string | null; errorCode: string }
  /** A hard decline, or every candidate failed or was unhealthy. */
  | { kind: 'failed'; gateway: string | null; errorCode: string };

export type RouteReport = {
  outcome: RouteOutcome;
  attempts: PaymentAttemptRow[];
  /** New circuit-breaker state per account id (accounts with a row only). */
  health: Map<string, Health>;
};

/**
 * Tries the candidates in order. Falls back to the next only after a retryable failure, past an
 * account whose circuit is open, or past a gateway that requires customer data the payment lacks; never after a hard decline (or a card decline, which is a result);
 * after an ambiguous failure asks that gateway for the payment's status first, so a customer is
 * never charged twice. Every call is recorded.
 */
export async function routePayment(
  opts: { accounts: LiveAccount[]; firstTry: string | null; mode: 'test' | 'live'; timeoutMs?: number },
  req: CreatePaymentRequest,
  routed: RoutedPayment,
): Promise<RouteReport> {
  const attempts: PaymentAttemptRow[] = [];
  const health = new Map<string, Health>();
  const usable = opts.accounts.filter((a) => allowedInMode(a.gateway, opts.mode));
  const pool = usable.length === 0 && opts.mode === 'test' ? [BUILTIN_SANDBOX] : usable;
  const list = candidates(pool, routed, opts.firstTry, supports) as LiveAccount[];
  const record = (
    a: LiveAccount,
    started: number,
    outcome: PaymentAttemptRow['outcome'],
    errorCode: string | null,
    reference: string | null,
  ) =>
    attempts.push({
      id: newId('att'),
      paymentId: req.paymentId,
      sessionId: '',
      gateway: a.gateway,
      accountId: a.id || null,
      outcome,
      errorCode,
      reference,
      latencyMs: Date.now() - started,
      startedAt: started,
    });
  const fail = (a: LiveAccount) => {
    if (a.id) health.set(a.id, afterFailure(health.get(a.id) ?? a, Date.now()));
  };
  let lastError: { gateway: string | null; code: string } = { gateway: null, code: 'no_gateway' };

  for (const account of list) {
    const started = Date.now();
    if (breakerState(account, started) === 'open') {
      record(account, started, 'skipped_unhealthy', 'circuit_open', null);
      lastError = { gateway: account.gateway, code: 'gateway_unavailable' };
      continue;
    }
    if (!isConnectorSlug(account.gateway)) continue;
    const connector = CONNECTORS[account.gateway];
    // A gateway that requires customer data this payment lacks would only fail: pass it over without
    // a call (and without counting against its health), and say so in the attempts.
    if (missingData(connector, req).length > 0) {
      record(account, started, 'skipped_missing_data', 'gateway_missing_data', null);
      lastError = { gateway: account.gateway, code: 'gateway_missing_data' };
      continue;
    }
    const ctx = {
      credentials: account.credentials,
      settings: account.settings,
      mode: opts.mode,
      now: started,
      timeoutMs: opts.timeoutMs ?? GATEWAY_TIMEOUT_MS,
      apiBase: account.apiBase,
    };
    try {
      const result = await connector.createPayment(ctx, req);
      record(
        account,
        started,
        result.status,
        result.status === 'denied' ? result.failureCode : null,
        result.reference,
      );
      if (account.id) health.set(account.id, afterSuccess());
      return { outcome: { kind: 'result', result, gateway: account.gateway }, attempts, health };
    } catch (err) {
      const e =
        err instanceof ConnectorError
          ? err
          : new ConnectorError('ambiguous', 'gateway_error', 'unexpected connector failure');
      record(account, started, e.kind, e.code, e.reference);
      if (e.kind === 'hard_decline') {
        if (account.id) health.set(account.id, afterSuccess());
        return { outcome: { kind: 'failed', gateway: account.gateway, errorCode: e.code }, attempts, health };
      }
      fail(account);
      lastError = { gateway: account.gateway, code: e.code };
      if (e.kind === 'retryable') continue;
      // Ambiguous: the gateway may have taken the payment. Only its own answer lets another try.
      const asked = Date.now();
      try {
        const status = await connector.fetchStatus(ctx, { reference: e.reference, paymentId: req.paymentId });
        if (status.status === 'paid') {
          record(account, asked, 'paid', null, status.reference);
          const result: GatewayPaymentResult = {
            status: 'paid',
            reference: status.reference ?? e.reference ?? '',
          };
          return { outcome: { kind: 'result', result, gateway: account.gateway }, attempts, health };
        }
        if (status.status === 'pending') {
          return {
            outcome: {
              kind: 'unresolved',
              gateway: account.gateway,
              reference: status.reference,
              errorCode: e.code,
            },
            attempts,
            health,
          };
        }
        record(account, asked, 'retryable', `status_${status.status}`, status.reference);
      } catch {
        record(account, asked, 'ambiguous', 'status_unknown', e.reference);
        return {
          outcome: {
            kind: 'unresolved',
            gateway: account.gateway,
            reference: e.reference,
            errorCode: e.code,
          },
          attempts,
          health,
        };
      }
    }
  }
  return {
    outcome: { kind: 'failed', gateway: lastError.gateway, errorCode: lastError.code },
    attempts,
    health,
  };
}
