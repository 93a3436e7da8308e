import type { GatewayRules } from '../db/schema';

/** What routing needs to know about a merchant's gateway account. */
export type RoutableAccount = {
  id: string;
  gateway: string;
  name: string;
  priority: number;
  rules: GatewayRules;
  enabled: boolean;
  consecutiveFailures: number;
  openUntil: number | null;
};

export type RoutedPayment = { method: string; currency: string; country: string; amount: number };

/** Whether an account's rules let it take this payment (every rule given must hold). */
export function matchesRules(rules: GatewayRules, p: RoutedPayment): boolean {
  return (
    (rules.methods === undefined || rules.methods.includes(p.method)) &&
    (rules.currencies === undefined || rules.currencies.includes(p.currency)) &&
    (rules.countries === undefined || rules.countries.includes(p.country)) &&
    (rules.min_amount === undefined || p.amount >= rules.min_amount) &&
    (rules.max_amount === undefined || p.amount <= rules.max_amount)
  );
}

/**
 * The accounts to try, in order (seed 001): `gateway_first_try` first when the merchant enabled it
 * and its connector takes the method in the session's country (its declared coverage), then every
 * other enabled account whose connector covers the payment and whose rules take it, by priority
 * (lower first), then name.
 */
export function candidates(
  accounts: RoutableAccount[],
  payment: RoutedPayment,
  firstTry: string | null,
  supports: (gateway: string, payment: RoutedPayment) => boolean,
): RoutableAccount[] {
  const eligible = accounts
    .filter((a) => a.enabled && supports(a.gateway, payment))
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  const first = firstTry === null ? undefined : eligible.find((a) => a.gateway === firstTry);
  const byRules = eligible.filter((a) => a !== first && matchesRules(a.rules, payment));
  return first ? [first, ...byRules] : byRules;
}

/** The circuit opens after this many consecutive failures and stays open this long before a probe. */
export const BREAKER = { threshold: 3, openMs: 30_000 } as const;

export type BreakerState = 'closed' | 'open' | 'half_open';

export function breakerState(a: Pick<RoutableAccount, 'openUntil'>, now: number): BreakerState {
  if (a.openUntil === null) return 'closed';
  return a.openUntil > now ? 'open' : 'half_open';
}

export type Health = { consecutiveFailures: number; openUntil: number | null };

/** A failure counts toward opening the circuit; a failed probe (half-open) opens it again at once. */
export function afterFailure(a: Health, now: number): Health {
  const failures = a.consecutiveFailures + 1;
  const reopen = failures >= BREAKER.threshold || a.openUntil !== null;
  return { consecutiveFailures: failures, openUntil: reopen ? now + BREAKER.openMs : null };
}

/** Any answer from the gateway (even a decline) shows it is up: the circuit closes. */
export function afterSuccess(): Health {
  return { consecutiveFailures: 0, openUntil: null };
}
