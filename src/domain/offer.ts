import { type Country, isCountry } from './countries';
import { type MethodSlug, methodsFor } from './country-methods';
import type { Currency } from './money';
import { adjustedAmount, type InstallmentPlan, installmentPlans, type MethodPricing } from './pricing';

export type OfferSession = {
  country: string;
  currency: string;
  paymentMethod: string | string[] | null;
  paymentSettings: unknown[] | null;
  amount: number;
};

/** A seed 004 `payments_settings` entry, as stored (credit_card already normalised to card). */
export type StoredSetting = MethodPricing & { payment_type: string } & Record<string, unknown>;

/** The merchant's settings for one method on this session, if it gave any. */
export function settingsFor(session: OfferSession, method: string): StoredSetting | undefined {
  return (session.paymentSettings as StoredSetting[] | null)?.find((s) => s.payment_type === method);
}

/**
 * What the checkout offers: the country's methods that can charge the session's currency (seed
 * 000's table), narrowed by the session's `payment_method` restriction and by what the merchant
 * enabled, in the table's order.
 */
export function availableMethods(session: OfferSession, merchantEnabled: string[] | null): MethodSlug[] {
  if (!isCountry(session.country)) return [];
  const restriction = session.paymentMethod === null ? null : [session.paymentMethod].flat();
  return methodsFor(session.country as Country, session.currency as Currency).filter(
    (m) =>
      (restriction === null || restriction.includes(m)) &&
      (merchantEnabled === null || merchantEnabled.includes(m)),
  );
}

export type MethodQuote = {
  method: MethodSlug;
  /** What this method charges before any installment interest: the session amount with its discount or addition. */
  amount: number;
  /** Negative for a discount, positive for an addition; `amount - adjustment` is the session amount. */
  adjustment: number;
  /** Card only: every plan the merchant allows, interest-free first. */
  installments: InstallmentPlan[];
};

/**
 * What a method would charge on this session. The session amount never changes; the quote carries
 * the method's discount or addition (never below one minor unit in all) and, for cards, the
 * installment plans (all arithmetic in src/domain/pricing.ts, in integer minor units).
 */
export function quoteMethod(session: OfferSession, method: MethodSlug): MethodQuote {
  const settings = settingsFor(session, method) ?? {};
  const priced = adjustedAmount(session.amount, settings);
  // Nothing can be charged for less than one minor unit: a discount that would reach zero stops there.
  const amount = Math.max(priced.amount, 1);
  const adjustment = amount - session.amount;
  const installments = method === 'card' ? installmentPlans(amount, settings) : [];
  return { method, amount, adjustment, installments };
}
