import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { CARD_BRAND_RANGES } from '../../domain/cards';
import { BUSINESS_TAX_ID } from '../../domain/customer-document';
import type { Locale } from '../../domain/methods';
import { NONCE_PLACEHOLDER } from '../../lib/nonce';
import type { ClientSessionView } from '../api/view';
import { MESSAGES, type MessageKey, t } from '../i18n';
import { CardFields } from './card-fields';
import { Field } from './field';
import { MethodMark } from './marks';
import { renderedOnce } from './rendered-once';
import { CHECKOUT_JS_MIN } from './script.min';
import { CHECKOUT_CSS } from './styles';

/** What the script writes itself; everything else on the page is rendered here. */
const CLIENT_PREFIXES =
  /^(pay|copy|countdown|due_on|switch|page\.|status\.|decline\.|error\.|pix\.|boleto\.|bank\.|spei\.|voucher\.|account\.|result\.)/;

const clientMessageCache = new Map<Locale, Record<string, string>>();

/** The messages the script needs, filtered once per locale and isolate. */
function clientMessages(locale: Locale): Record<string, string> {
  let messages = clientMessageCache.get(locale);
  if (!messages) {
    messages = Object.fromEntries(Object.entries(MESSAGES[locale]).filter(([k]) => CLIENT_PREFIXES.test(k)));
    clientMessageCache.set(locale, messages);
  }
  return messages;
}

/** JSON inside a <script> block: `<` is escaped so merchant text can never close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const dataTails = new Map<Locale, string>();

/**
 * The page's data block: the session's part serialized per render, then the card brands and the
 * locale's messages (the larger part, the same for every page in a locale) as JSON built once per
 * isolate. The escapes are per character, so the joined text is what one JSON.stringify gives.
 */
function scriptData(data: Record<string, unknown>, locale: Locale): string {
  let tail = dataTails.get(locale);
  if (tail === undefined) {
    tail = `,"brands":${scriptJson(CARD_BRAND_RANGES)},"messages":${scriptJson(clientMessages(locale))}}`;
    dataTails.set(locale, tail);
  }
  return scriptJson(data).slice(0, -1) + tail;
}

/**
 * The hosted checkout page. Everything on it is immutable for the session's life (the status is
 * fetched live by the script), which is what lets the edge cache it until the session expires.
 * Merchant strings are rendered as text by hono/jsx, which escapes them.
 */
export const CheckoutPage: FC<{ view: ClientSessionView; token: string; year: number }> = ({
  view,
  token,
  year,
}) => {
  const L = view.locale;
  const tx = (key: MessageKey, vars?: Record<string, string | number>) => t(L, key, vars);
  const card = view.methods.find((m) => m.method === 'card');
  const first = view.methods[0]?.method;
  const doc = view.document;
  const data = {
    token,
    locale: L,
    expires_at: view.expires_at,
    store_url: view.store_url,
    document: doc,
    tax_id: BUSINESS_TAX_ID[view.country] ?? null,
    methods: view.methods.map((m) => ({
      method: m.method,
      kind: m.kind,
      label: m.label,
      amount_formatted: m.amount_formatted,
      adjustment_label: m.adjustment_label,
      plans: m.installments.map((p) => ({ count: p.count, total_formatted: p.total_formatted })),
    })),
  };
  return (
    <html lang={L}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{`${tx('page.title')} · ${view.merchant.name}`}</title>
        <style nonce={NONCE_PLACEHOLDER}>
          {raw(CHECKOUT_CSS)}
          {/* Checked as #rrggbb when the merchant set it, so it cannot break out of the rule. */}
          {view.merchant.brand_color && raw(`:root{--brand:${view.merchant.brand_color}}`)}
        </style>
      </head>
      <body>
        <header class="bar">{!view.livemode && <p class="test">{tx('test_banner')}</p>}</header>
        <main>
          {view.merchant.logo && <img class="logo" src={view.merchant.logo} alt="" />}
          <h1 class="merchant">{view.merchant.name}</h1>
          <section class="summary" aria-label={tx('summary.title')}>
            {view.description && <p class="desc">{view.description}</p>}
            <p class="amount" id="amount">
              {view.amount_formatted}
            </p>
            <p class="charge" id="charge-line" aria-live="polite" />
            <p class="countdown" id="clock-line">
              <span id="clock-label">{tx('countdown')}</span>{' '}
              <time id="countdown" datetime={view.expires_at} />
            </p>
          </section>
          <div id="notice" class="notice" role="alert" hidden />
          <form id="pay-form" novalidate>
            <fieldset>
              <legend>{tx('page.method')}</legend>
              {view.methods.map((m, i) => (
                <label class="method">
                  <input type="radio" name="method" value={m.method} id={m.method} checked={i === 0} />
                  <MethodMark method={m.method} kind={m.kind} />
                  <span class="name">{m.label}</span>
                  <span class="price">
                    {m.method === 'card' && m.installments.length > 1
                      ? tx('price.from', { amount: m.amount_formatted })
                      : m.amount_formatted}
                    {m.adjustment_label && <small class="adj">{m.adjustment_label}</small>}
                  </span>
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{tx('page.details')}</legend>
              <Field id="name" label={tx('field.name')}>
                <input id="name" name="name" autocomplete="name" required value={view.customer.name ?? ''} />
              </Field>
              <Field id="email" label={tx('field.email')}>
                <input
                  id="email"
                  name="email"
                  type="email"
                  autocomplete="email"
                  required
                  value={view.customer.email ?? ''}
                />
              </Field>
              {doc && (
                <Field id="document" wrapId="document-field" label={tx(`doc.${doc.kind}`)}>
                  <input
                    id="document"
                    name="document"
                    autocomplete="off"
                    value={view.customer.document ?? ''}
                  />
                </Field>
              )}
              {view.phone_required && (
                <Field id="phone" label={tx('field.phone')}>
                  <input
                    id="phone"
                    name="phone"
                    type="tel"
                    autocomplete="tel"
                    required
                    value={view.customer.phone ?? ''}
                  />
                </Field>
              )}
            </fieldset>
            {card && <CardFields card={card} tx={tx} locale={L} year={year} hidden={first !== 'card'} />}
            <button type="submit" id="pay-button" class="primary" disabled>
              {tx('pay', { amount: view.methods[0]?.amount_formatted ?? view.amount_formatted })}
            </button>
          </form>
          {renderedOnce(`pix-panel:${L}`, () => (
            <section id="pix-panel" class="pix" aria-labelledby="pix-title" hidden>
              <h2 id="pix-title" tabindex={-1}>
                {tx('method.pix')}
              </h2>
              <img id="pix-qr" alt={tx('pix.qr_alt')} width="220" height="220" />
              <p>{tx('pix.instructions')}</p>
              <label for="pix-code">{tx('pix.code_label')}</label>
              <textarea id="pix-code" rows={4} readonly />
              <button type="button" id="pix-copy" class="secondary">
                <span class="copy-text">{tx('pix.copy')}</span>
              </button>
              <p id="pix-expires" />
              <p>{tx('pix.waiting')}</p>
            </section>
          ))}
          <section id="async-panel" class="async" aria-labelledby="async-title" hidden>
            <h2 id="async-title" tabindex={-1}>
              {tx('pending.waiting')}
            </h2>
            <p id="async-instructions" />
            <dl id="async-details" />
            <p id="async-after" />
            <img id="async-barcode" alt={tx('boleto.barcode_alt')} hidden />
            <p>
              <a id="async-print" href={`/checkout/${token}`} target="_blank" rel="noopener" hidden>
                {tx('boleto.print')}
              </a>
            </p>
            <p>{tx('pending.waiting')}</p>
          </section>
          <button type="button" id="switch" class="secondary" hidden>
            {tx('switch')}
          </button>
          {!view.livemode && (
            <button type="button" id="simulate" class="secondary" hidden>
              {tx('simulate')}
            </button>
          )}
          <section id="result" class="result" aria-labelledby="result-title" hidden>
            <h2 id="result-title" tabindex={-1}>
              {tx('page.title')}
            </h2>
            <p id="result-amount" />
            <p id="result-text" />
            <p>
              <a id="result-link" href={view.store_url ?? '#'} hidden={!view.store_url}>
                {tx('result.back')}
              </a>
            </p>
          </section>
          {view.can_cancel && (
            <button type="button" id="cancel" class="link">
              {tx('cancel')}
            </button>
          )}
        </main>
        <script type="application/json" id="borda-data">
          {raw(scriptData(data, L))}
        </script>
        <script nonce={NONCE_PLACEHOLDER}>{raw(CHECKOUT_JS_MIN)}</script>
      </body>
    </html>
  );
};
