import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { PaymentDetails } from '../../db/schema';
import { formatLinhaDigitavel } from '../../domain/boleto';
import { classifyBrDocument, normalizeDocument } from '../../domain/documents';
import { interleaved2of5Svg } from '../../domain/itf';
import type { Locale } from '../../domain/methods';
import type { Currency } from '../../domain/money';
import { NONCE_PLACEHOLDER } from '../../lib/nonce';
import { formatAmount, type MessageKey, t } from '../i18n';

const PRINT_CSS = `body{font:14px/1.4 system-ui,sans-serif;color:#000;margin:0}
main{max-width:48rem;margin:1rem auto;padding:0 1rem}
h1{font-size:1.2rem;margin:.5rem 0}table{width:100%;border-collapse:collapse;margin:.5rem 0 1rem}
td{border:1px solid #000;padding:.4rem;vertical-align:top}td p{margin:.1rem 0}
.label{font-size:.75rem;color:#333;display:block}.num{text-align:right;white-space:nowrap}
.line{font:600 1.05rem ui-monospace,monospace;letter-spacing:.02em;margin:.5rem 0}.nw{white-space:nowrap}
.barcode svg{display:block;width:100%;max-width:40rem;height:4rem}
button{font:inherit;font-weight:600;border:0;border-radius:8px;padding:.6rem 1rem;background:#0a5c36;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
@media print{button{display:none}main{margin:0}}`;

const PRINT_JS = `document.getElementById('print').addEventListener('click',function(){window.print();});`;

function dateFor(iso: string, locale: Locale): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' });
}

/** 529.982.247-25 / 11.222.333/0001-81 (alphanumeric CNPJs too); anything else as given. */
export function formatBrDocument(input: string): string {
  const d = normalizeDocument(input);
  const kind = classifyBrDocument(d);
  if (kind === 'cpf') return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
  if (kind === 'cnpj')
    return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`;
  return input;
}

type Props = {
  boleto: NonNullable<PaymentDetails['boleto']>;
  amount: number;
  currency: Currency;
  locale: Locale;
  beneficiary: { name: string; document: string | null };
  payer: { name?: string; document?: string } | null;
};

/**
 * The printable boleto as banks lay it out: the linha digitável on top, then the fields a payer and a
 * bank clerk look for (local de pagamento, vencimento, beneficiário with CNPJ, nosso número, valor,
 * instruções with the fine and interest, pagador with CPF/CNPJ), and the barcode in its place below.
 */
export const BoletoPage: FC<Props> = ({ boleto, amount, currency, locale, beneficiary, payer }) => {
  const tx = (key: MessageKey, vars?: Record<string, string | number>) => t(locale, key, vars);
  const money = (minor: number) => formatAmount(minor, currency, locale);
  const interest =
    boleto.interest_per_day_cents === null
      ? null
      : boleto.interest_monthly_percent !== null
        ? tx('boleto.per_month', { rate: boleto.interest_monthly_percent.toLocaleString(locale) })
        : tx('boleto.per_day', { amount: money(boleto.interest_per_day_cents) });
  const payerLine = [payer?.name, payer?.document ? formatBrDocument(payer.document) : undefined]
    .filter(Boolean)
    .join(' · ');
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{`${tx('boleto.title')} · ${beneficiary.name}`}</title>
        <style nonce={NONCE_PLACEHOLDER}>{raw(PRINT_CSS)}</style>
      </head>
      <body>
        <main>
          <h1>{`${tx('boleto.title')} · ${beneficiary.name}`}</h1>
          <button type="button" id="print">
            {tx('boleto.print_button')}
          </button>
          <p class="line" id="line">
            {formatLinhaDigitavel(boleto.line)
              .split(' ')
              .map((g, i) => (
                <>
                  {i > 0 && ' '}
                  <span class="nw">{g}</span>
                </>
              ))}
          </p>
          <table>
            <tbody>
              <tr>
                <td colspan={2}>
                  <span class="label">{tx('boleto.local')}</span>
                  {tx('boleto.local_text')}
                </td>
                <td class="num">
                  <span class="label">{tx('boleto.due')}</span>
                  {dateFor(boleto.due_date, locale)}
                </td>
              </tr>
              <tr>
                <td colspan={2} id="beneficiary">
                  <span class="label">{tx('boleto.beneficiary')}</span>
                  {beneficiary.name}
                  {beneficiary.document && ` · CNPJ ${formatBrDocument(beneficiary.document)}`}
                </td>
                <td class="num">
                  <span class="label">{tx('boleto.our_number')}</span>
                  {boleto.our_number ?? '—'}
                </td>
              </tr>
              <tr>
                <td colspan={2} id="terms">
                  <span class="label">{tx('boleto.instructions_title')}</span>
                  {boleto.fine_cents !== null && <p>{`${tx('boleto.fine')}: ${money(boleto.fine_cents)}`}</p>}
                  {interest && <p>{`${tx('boleto.interest')}: ${interest}`}</p>}
                  {boleto.fine_cents === null && !interest && <p>{tx('boleto.no_terms')}</p>}
                  <p>{tx('boleto.void', { date: dateFor(boleto.void_date, locale) })}</p>
                </td>
                <td class="num">
                  <span class="label">{tx('boleto.amount')}</span>
                  <strong>{money(amount)}</strong>
                </td>
              </tr>
              <tr>
                <td colspan={3} id="payer">
                  <span class="label">{tx('boleto.payer')}</span>
                  {payerLine}
                </td>
              </tr>
            </tbody>
          </table>
          <div class="barcode" role="img" aria-label={tx('boleto.barcode_alt')}>
            {raw(interleaved2of5Svg(boleto.barcode))}
          </div>
        </main>
        <script nonce={NONCE_PLACEHOLDER}>{raw(PRINT_JS)}</script>
      </body>
    </html>
  );
};
