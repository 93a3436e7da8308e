import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { PaymentDetails } from '../../db/schema';
import { formatLinhaDigitavel } from '../../domain/boleto';
import { interleaved2of5Svg } from '../../domain/itf';
import type { Locale } from '../../domain/methods';
import type { Currency } from '../../domain/money';
import { formatAmount, type MessageKey, t } from '../i18n';
import { NONCE_PLACEHOLDER } from './headers';

const PRINT_CSS = `body{font:14px/1.4 system-ui,sans-serif;color:#000;max-width:48rem;margin:1rem auto;padding:0 1rem}
h1{font-size:1.2rem}table{width:100%;border-collapse:collapse;margin:1rem 0}td{border:1px solid #000;padding:.4rem;vertical-align:top}
.label{font-size:.75rem;color:#333;display:block}.line{font:600 1.05rem ui-monospace,monospace;letter-spacing:.02em}
.barcode svg{width:100%;max-width:40rem;height:4rem}@media print{button{display:none}}`;

function dateFor(iso: string, locale: Locale): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' });
}

/** The printable boleto: payment line, ITF barcode, due date and the fine and interest terms. */
export const BoletoPage: FC<{
  boleto: NonNullable<PaymentDetails['boleto']>;
  amount: number;
  currency: Currency;
  locale: Locale;
  beneficiary: string;
  payer: { name?: string; document?: string } | null;
}> = ({ boleto, amount, currency, locale, beneficiary, payer }) => {
  const tx = (key: MessageKey, vars?: Record<string, string | number>) => t(locale, key, vars);
  const money = (minor: number) => formatAmount(minor, currency, locale);
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{`${tx('boleto.title')} · ${beneficiary}`}</title>
        <style nonce={NONCE_PLACEHOLDER}>{raw(PRINT_CSS)}</style>
      </head>
      <body>
        <h1>{tx('boleto.title')}</h1>
        <p class="line" id="line">
          {formatLinhaDigitavel(boleto.line)}
        </p>
        <div class="barcode" role="img" aria-label={tx('boleto.line')}>
          {raw(interleaved2of5Svg(boleto.barcode))}
        </div>
        <table>
          <tbody>
            <tr>
              <td>
                <span class="label">{tx('boleto.beneficiary')}</span>
                {beneficiary}
              </td>
              <td>
                <span class="label">{tx('boleto.due')}</span>
                {dateFor(boleto.due_date, locale)}
              </td>
              <td>
                <span class="label">{tx('boleto.amount')}</span>
                {money(amount)}
              </td>
            </tr>
            <tr>
              <td colspan={3}>
                <span class="label">{tx('boleto.payer')}</span>
                {[payer?.name, payer?.document].filter(Boolean).join(' · ')}
              </td>
            </tr>
            <tr>
              <td colspan={3} id="terms">
                {boleto.fine_cents !== null && <p>{`${tx('boleto.fine')}: ${money(boleto.fine_cents)}`}</p>}
                {boleto.interest_per_day_cents !== null && (
                  <p>
                    {`${tx('boleto.interest')}: ${
                      boleto.interest_monthly_percent !== null
                        ? tx('boleto.per_month', { rate: boleto.interest_monthly_percent })
                        : tx('boleto.per_day', { amount: money(boleto.interest_per_day_cents) })
                    }`}
                  </p>
                )}
                <p>{tx('boleto.void', { date: dateFor(boleto.void_date, locale) })}</p>
              </td>
            </tr>
          </tbody>
        </table>
      </body>
    </html>
  );
};
