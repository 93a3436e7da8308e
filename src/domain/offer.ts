import type { Country } from './countries';
import type { PaymentMethod } from './methods';
import type { Currency } from './money';

/** Methods Borda renders natively, per country (seed 000's table grows here as methods arrive). */
export const COUNTRY_METHODS: Record<Country, readonly PaymentMethod[]> = {
  BRA: ['pix', 'card'],
  PER: ['card'],
  COL: ['card'],
  CHL: ['card'],
  MEX: ['card'],
  ECU: ['card'],
  ARG: ['card'],
};

/** Methods that can only charge one currency. */
const METHOD_CURRENCY: Partial<Record<PaymentMethod, Currency>> = { pix: 'BRL' };

export type OfferSession = {
  country: string;
  currency: string;
  paymentMethod: string | string[] | null;
  paymentSettings: unknown[] | null;
  amount: number;
};

/**
 * What the checkout offers: the country's methods that can charge the session's currency, narrowed
 * by the session's `payment_method` restriction and by what the merchant enabled.
 */
export function availableMethods(session: OfferSession, merchantEnabled: string[] | null): PaymentMethod[] {
  const restriction = session.paymentMethod === null ? null : [session.paymentMethod].flat();
  return (COUNTRY_METHODS[session.country as Country] ?? []).filter(
    (m) =>
      (METHOD_CURRENCY[m] === undefined || METHOD_CURRENCY[m] === session.currency) &&
      (restriction === null || restriction.includes(m)) &&
      (merchantEnabled === null || merchantEnabled.includes(m)),
  );
}

type CardSetting = { payment_type: string; max_installments?: number };

export type InstallmentOption = { count: number; amount: number; total: number };

/**
 * Interest-free installment plans the merchant's settings allow for a card payment. The total is
 * split exactly: every installment is floor(total / n), and the cents left over go one each to the
 * first installments, so the installments always add up to the total.
 */
export function installmentOptions(session: OfferSession): InstallmentOption[] {
  const card = (session.paymentSettings as CardSetting[] | null)?.find((s) => s.payment_type === 'card');
  const max = card?.max_installments ?? 1;
  return Array.from({ length: max }, (_, i) => {
    const count = i + 1;
    return {
      count,
      amount: splitInstallments(session.amount, count)[0] ?? session.amount,
      total: session.amount,
    };
  });
}

export function splitInstallments(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  const extra = total - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}
