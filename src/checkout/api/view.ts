import { paymentView } from '../../core/session/payment-view';
import type { PaymentRow } from '../../db/schema';
import { formatLinhaDigitavel } from '../../domain/boleto';
import { formatClabe } from '../../domain/clabe';
import { methodInfo } from '../../domain/country-methods';
import { customerDocument } from '../../domain/customer-document';
import type { Locale } from '../../domain/methods';
import type { Currency } from '../../domain/money';
import { availableMethods, quoteMethod, settingsFor } from '../../domain/offer';
import { isoUtc } from '../../lib/time';
import { TtlCache } from '../../lib/ttl-cache';
import { adjustmentLabel, planNote, splitText } from '../amounts';
import { declineMessage, formatAmount, pickLocale } from '../i18n';
import { type CheckoutContext, effectiveStatus, redirectUrl, storeUrl } from './load';

/** What the checkout page shows of a session, as JSON: immutable but for `status`. */
export function clientSessionView(ctx: CheckoutContext, now: number) {
  const { session, merchant } = ctx;
  const locale = pickLocale(session.locale, session.country);
  const currency = session.currency as Currency;
  const money = (minor: number) => formatAmount(minor, currency, locale);
  const required = session.requiredCustomerFields ?? [];
  const countryDocument = customerDocument(session.country, session.currency);
  // A merchant that requires the document gets it asked for every method, not only local ones.
  const document =
    countryDocument && required.includes('document')
      ? { ...countryDocument, methods: 'all' as const }
      : countryDocument;
  return {
    id: session.id,
    object: 'checkout_session',
    status: effectiveStatus(session, now),
    livemode: session.mode === 'live',
    merchant: { name: merchant.name, logo: merchant.logo, brand_color: merchant.brandColor },
    description: session.description,
    amount: session.amount,
    currency,
    amount_formatted: money(session.amount),
    locale,
    country: session.country,
    expires_at: isoUtc(session.expiresAt),
    document_required: document?.methods === 'all',
    /** The identity document the page asks for, and for which methods; null when none. */
    document,
    /** Whether the merchant requires the customer's phone (the page then asks for it). */
    phone_required: required.includes('phone'),
    /** Where "back to the store" leads once the session ended: cancel_url, else success_url. */
    store_url: storeUrl(session),
    can_cancel: session.cancelUrl !== null,
    customer: {
      name: session.customer?.name ?? null,
      email: session.customer?.email ?? null,
      document: session.customer?.document ?? null,
      phone: session.customer?.phone ?? null,
    },
    methods: methodsView(ctx, locale),
  };
}

/**
 * The methods a session offers with their quotes, remembered per session version: a session's price
 * inputs never change without a new version, and the page's reads ask for the same session again and
 * again, while quoting and formatting every installment plan is the view's costly part. Read-only.
 */
const methodViews = new TtlCache<ReturnType<typeof quoteMethods>>(60_000, 2_000);

function methodsView(ctx: CheckoutContext, locale: Locale) {
  const { session, merchant } = ctx;
  const key = `${session.id}:${session.version}:${locale}:${merchant.enabledMethods?.join(',') ?? '*'}`;
  let view = methodViews.get(key);
  if (!view) {
    view = quoteMethods(ctx, locale);
    methodViews.set(key, view);
  }
  return view;
}

function quoteMethods({ session, merchant }: CheckoutContext, locale: Locale) {
  const currency = session.currency as Currency;
  const money = (minor: number) => formatAmount(minor, currency, locale);
  return availableMethods(session, merchant.enabledMethods).map((method) => {
    const quote = quoteMethod(session, method);
    const info = methodInfo(method);
    return {
      method,
      kind: info.kind,
      label: info.label[locale],
      amount: quote.amount,
      amount_formatted: money(quote.amount),
      adjustment: quote.adjustment,
      adjustment_label: adjustmentLabel(locale, currency, quote, settingsFor(session, method)),
      installments: quote.installments.map((p) => ({
        count: p.count,
        // The first installment (which carries any leftover cents); `amounts` lists every one.
        amount: p.installmentAmounts[0] ?? p.total,
        amount_formatted: money(p.installmentAmounts[0] ?? p.total),
        amounts: p.installmentAmounts,
        split_formatted: splitText(locale, currency, p.installmentAmounts),
        note: planNote(locale, currency, p),
        total: p.total,
        total_formatted: money(p.total),
        with_interest: p.withInterest,
        monthly_rate: p.monthlyRate,
      })),
    };
  });
}

export type ClientSessionView = ReturnType<typeof clientSessionView>;

/** A payment as the customer's browser sees it: a localized failure message, the QR image URL. */
export function clientPaymentView(p: PaymentRow, locale: Locale, baseUrl: string) {
  const view = paymentView(p);
  const base = `${baseUrl}/c/v1/sessions/${p.sessionId}/payments/${p.id}`;
  const currency = p.currency as Currency;
  const money = (minor: number) => formatAmount(minor, currency, locale);
  return {
    ...view,
    amount_formatted: money(p.amount),
    installments_formatted: p.installmentPlan ? splitText(locale, currency, p.installmentPlan.amounts) : null,
    failure_message: p.failureCode ? declineMessage(locale, p.failureCode) : null,
    pix: view.pix ? { ...view.pix, qr_svg_url: `${base}/qr.svg` } : null,
    boleto: view.boleto
      ? {
          ...view.boleto,
          line_formatted: formatLinhaDigitavel(view.boleto.line),
          fine_formatted: view.boleto.fine_cents === null ? null : money(view.boleto.fine_cents),
          interest_per_day_formatted:
            view.boleto.interest_per_day_cents === null ? null : money(view.boleto.interest_per_day_cents),
          barcode_svg_url: `${base}/barcode.svg`,
          print_url: `${base}/boleto`,
        }
      : null,
    spei: view.spei ? { ...view.spei, clabe_formatted: formatClabe(view.spei.clabe) } : null,
  };
}

/** The live part of the page: what the SessionDO serves on a status read and pushes on every change. */
export function clientStatusView(
  ctx: Pick<CheckoutContext, 'session' | 'payment'>,
  now: number,
  baseUrl: string,
) {
  const locale = pickLocale(ctx.session.locale, ctx.session.country);
  return {
    status: effectiveStatus(ctx.session, now),
    payment: ctx.payment ? clientPaymentView(ctx.payment, locale, baseUrl) : null,
    redirect_url: redirectUrl(ctx.session),
  };
}
export type ClientStatusView = ReturnType<typeof clientStatusView>;
