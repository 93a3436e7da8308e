import type { Locale } from '../domain/methods';
import type { Currency } from '../domain/money';
import type { MethodQuote, StoredSetting } from '../domain/offer';
import { formatAmount, formatDecimal, t } from './i18n';

/**
 * The words the page puts next to an amount. Every number here comes from the pricing result the
 * payment records (src/domain/offer.ts), so what is shown is what is charged; this module only
 * formats it.
 */

/** "10% off" / "acréscimo de 5%": the method's discount or addition as the merchant set it, or null. */
export function adjustmentLabel(
  locale: Locale,
  currency: Currency,
  quote: MethodQuote,
  setting: StoredSetting | undefined,
): string | null {
  if (quote.adjustment === 0 || !setting) return null;
  const pct = quote.adjustment < 0 ? setting.discount : setting.addition;
  if (pct === undefined) return null;
  return t(locale, quote.adjustment < 0 ? 'adjust.discount' : 'adjust.addition', {
    pct: formatDecimal(pct, currency, locale),
  });
}

/**
 * Installments as they will be charged, runs of equal values grouped: [83334, 83333, 83333] is
 * "1x R$ 833,34 + 2x R$ 833,33", so the extra cents the first ones carry are never hidden.
 */
export function splitText(locale: Locale, currency: Currency, amounts: number[]): string {
  const runs: Array<{ n: number; amount: number }> = [];
  for (const amount of amounts) {
    const last = runs[runs.length - 1];
    if (last && last.amount === amount) last.n += 1;
    else runs.push({ n: 1, amount });
  }
  return runs
    .map((r) => t(locale, 'installments.split', { n: r.n, amount: formatAmount(r.amount, currency, locale) }))
    .join(' + ');
}

/** The second line of an installment option: interest-free or the monthly rate, and the total charged. */
export function planNote(
  locale: Locale,
  currency: Currency,
  plan: { total: number; withInterest: boolean; monthlyRate: number },
): string {
  const terms = plan.withInterest
    ? t(locale, 'installments.rate', { rate: formatDecimal(plan.monthlyRate, currency, locale) })
    : t(locale, 'installments.free');
  return `${terms} · ${t(locale, 'installments.total', { total: formatAmount(plan.total, currency, locale) })}`;
}
