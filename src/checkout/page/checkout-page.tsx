import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { ClientSessionView } from '../../api/client/view';
import { MESSAGES, type MessageKey, t } from '../i18n';
import { NONCE_PLACEHOLDER } from './headers';
import { CHECKOUT_JS } from './script';
import { CHECKOUT_CSS } from './styles';

/** JSON inside a <script> block: `<` is escaped so merchant text can never close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const Field: FC<{ id: string; label: string; children: unknown }> = ({ id, label, children }) => (
  <div>
    <label for={id}>{label}</label>
    {children}
    <p class="err" id={`${id}-err`} aria-live="polite" />
  </div>
);

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
  const data = {
    token,
    locale: L,
    expires_at: view.expires_at,
    amount_formatted: view.amount_formatted,
    methods: view.methods.map((m) => ({
      method: m.method,
      kind: m.kind,
      amount_formatted: m.amount_formatted,
    })),
    currency: view.currency,
    messages: MESSAGES[L],
  };
  return (
    <html lang={L}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{`${tx('page.title')} · ${view.merchant.name}`}</title>
        <style nonce={NONCE_PLACEHOLDER}>{raw(CHECKOUT_CSS)}</style>
      </head>
      <body>
        {!view.livemode && (
          <div class="test" role="note">
            {tx('test_banner')}
          </div>
        )}
        <main>
          <header>
            <p class="merchant">{view.merchant.name}</p>
            {view.description && <p class="desc">{view.description}</p>}
            <p class="amount" id="amount">
              {view.amount_formatted}
            </p>
            <p class="countdown">
              {tx('countdown')} <time id="countdown" datetime={view.expires_at} />
            </p>
          </header>
          <div id="notice" class="notice" role="alert" hidden />
          <form id="pay-form" novalidate>
            <fieldset>
              <legend>{tx('page.method')}</legend>
              {view.methods.map((m, i) => (
                <label class="method">
                  <input type="radio" name="method" value={m.method} checked={i === 0} />
                  {m.label}
                  <span>{m.amount_formatted}</span>
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
              {view.document_required && (
                <Field id="document" label={tx('field.document')}>
                  <input
                    id="document"
                    name="document"
                    autocomplete="off"
                    required
                    value={view.customer.document ?? ''}
                  />
                </Field>
              )}
            </fieldset>
            {card && (
              <fieldset id="card-fields" hidden={view.methods[0]?.method !== 'card'}>
                <legend>{tx('page.card')}</legend>
                <Field id="card-number" label={tx('field.card_number')}>
                  <input id="card-number" inputmode="numeric" autocomplete="cc-number" maxlength={23} />
                </Field>
                <Field id="holder-name" label={tx('field.holder_name')}>
                  <input id="holder-name" autocomplete="cc-name" maxlength={26} />
                </Field>
                <div class="row">
                  <Field id="exp-month" label={tx('field.exp_month')}>
                    <select id="exp-month" autocomplete="cc-exp-month">
                      {Array.from({ length: 12 }, (_, i) => (
                        <option value={i + 1}>{String(i + 1).padStart(2, '0')}</option>
                      ))}
                    </select>
                  </Field>
                  <Field id="exp-year" label={tx('field.exp_year')}>
                    <select id="exp-year" autocomplete="cc-exp-year">
                      {Array.from({ length: 16 }, (_, i) => (
                        <option value={year + i}>{year + i}</option>
                      ))}
                    </select>
                  </Field>
                  <Field id="cvc" label={tx('field.cvc')}>
                    <input id="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength={4} />
                  </Field>
                </div>
                <Field id="installments" label={tx('field.installments')}>
                  <select id="installments">
                    {card.installments.map((o) => (
                      <option value={o.count}>
                        {o.count === 1
                          ? tx('installments.single', { amount: o.total_formatted })
                          : o.with_interest
                            ? tx('installments.option_interest', {
                                n: o.count,
                                amount: o.amount_formatted,
                                rate: o.monthly_rate.toLocaleString(L),
                                total: o.total_formatted,
                              })
                            : tx('installments.option', { n: o.count, amount: o.amount_formatted })}
                      </option>
                    ))}
                  </select>
                </Field>
              </fieldset>
            )}
            <button type="submit" id="pay-button" class="primary" disabled>
              {tx('pay', { amount: view.amount_formatted })}
            </button>
          </form>
          <section id="pix-panel" class="pix" aria-live="polite" hidden>
            <img id="pix-qr" alt={tx('pix.qr_alt')} width="220" height="220" />
            <p>{tx('pix.instructions')}</p>
            <label for="pix-code">{tx('pix.code_label')}</label>
            <textarea id="pix-code" rows={4} readonly />
            <button type="button" id="pix-copy" class="secondary">
              {tx('pix.copy')}
            </button>
            <p id="pix-expires" />
            <p>{tx('pix.waiting')}</p>
          </section>
          <section id="async-panel" class="async" aria-live="polite" hidden>
            <h2 id="async-title">{tx('pending.waiting')}</h2>
            <p id="async-instructions" />
            <dl id="async-details" />
            <img id="async-barcode" alt={tx('boleto.line')} hidden />
            <p>
              <a id="async-print" href={`/checkout/${token}`} target="_blank" rel="noopener" hidden>
                {tx('boleto.print')}
              </a>
            </p>
            <p>{tx('pending.waiting')}</p>
          </section>
          {!view.livemode && (
            <button type="button" id="simulate" class="secondary" hidden>
              {tx('simulate')}
            </button>
          )}
          <section id="result" class="result" tabindex={-1} hidden>
            <h1 id="result-title">{tx('page.title')}</h1>
            <p id="result-text" />
          </section>
          {view.can_cancel && (
            <button type="button" id="cancel" class="link">
              {tx('cancel')}
            </button>
          )}
        </main>
        <script type="application/json" id="borda-data">
          {raw(scriptJson(data))}
        </script>
        <script nonce={NONCE_PLACEHOLDER}>{raw(CHECKOUT_JS)}</script>
      </body>
    </html>
  );
};
