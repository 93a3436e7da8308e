import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { Locale } from '../../domain/methods';
import { type BankPageKey, bankText } from './bank-page-text';

const CSS = `body{font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;max-width:32rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.3rem}label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input,select{width:100%;box-sizing:border-box;padding:.55rem;font:inherit;border:1px solid #767676;border-radius:.3rem}
[aria-invalid=true]{border-color:#b00020;outline:1px solid #b00020}.err{color:#b00020;margin:.2rem 0 0;font-size:.9rem}
button{margin-top:1.2rem;padding:.7rem 1.2rem;font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:.3rem}
[role=alert]{background:#fdecea;padding:.6rem;border-radius:.3rem}[role=status]{background:#e6f4ea;padding:.6rem;border-radius:.3rem}`;

export type BankPageState =
  | { kind: 'form'; values: Record<string, string>; errors: Record<string, string>; alert: string | null }
  | { kind: 'done' }
  /** The gateway collects the account on its own form (Asaas's bank-slip refund). */
  | { kind: 'gateway'; url: string }
  | { kind: 'closed' };

type Field = { name: string; key: BankPageKey; autocomplete?: string; inputmode?: 'numeric' };

/** A Brazilian account: of the CPF/CNPJ that paid, at a bank named by its 3-digit code and branch. */
const BRAZIL_FIELDS: Field[] = [
  { name: 'holder_name', key: 'holder_name', autocomplete: 'name' },
  { name: 'holder_document', key: 'holder_document', inputmode: 'numeric' },
  { name: 'bank_code', key: 'bank_code', inputmode: 'numeric' },
  { name: 'agency', key: 'agency', inputmode: 'numeric' },
  { name: 'account', key: 'account', inputmode: 'numeric' },
  { name: 'account_digit', key: 'account_digit' },
];

/** Elsewhere the account alone (a Mexican CLABE names its bank and branch in its digits). */
const ABROAD_FIELDS: Field[] = [
  { name: 'holder_name', key: 'holder_name', autocomplete: 'name' },
  { name: 'account', key: 'account_abroad', inputmode: 'numeric' },
];

/** The page where a customer gives the bank account a boleto, transfer or voucher refund is sent to. */
export const BankAccountPage: FC<{
  locale: Locale;
  nonce: string;
  merchant: string;
  amount: string;
  action: string;
  state: BankPageState;
  /** A refund in reais goes to a Brazilian account, with its document, bank code and branch. */
  brazil: boolean;
}> = ({ locale, nonce, merchant, amount, action, state, brazil }) => {
  const tx = (key: BankPageKey) => bankText(locale, key, { merchant, amount });
  const fields = brazil ? BRAZIL_FIELDS : ABROAD_FIELDS;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{`${tx('title')} · ${merchant}`}</title>
        <style nonce={nonce}>{raw(CSS)}</style>
      </head>
      <body>
        <main>
          <h1>{tx('title')}</h1>
          {state.kind === 'done' && <p role="status">{tx('done')}</p>}
          {state.kind === 'closed' && <p role="status">{tx('closed')}</p>}
          {state.kind === 'gateway' && (
            <p>
              {tx('gateway')} <a href={state.url}>{tx('continue')}</a>
            </p>
          )}
          {state.kind === 'form' && (
            <form method="post" action={action} novalidate>
              <p>{tx(brazil ? 'intro' : 'intro_abroad')}</p>
              {state.alert && <p role="alert">{state.alert}</p>}
              {fields.map((f) => (
                <div>
                  <label for={f.name}>{tx(f.key)}</label>
                  <input
                    id={f.name}
                    name={f.name}
                    value={state.values[f.name] ?? ''}
                    autocomplete={f.autocomplete ?? 'off'}
                    inputmode={f.inputmode}
                    required={f.name !== 'account_digit'}
                    aria-invalid={state.errors[f.name] ? 'true' : undefined}
                    aria-describedby={state.errors[f.name] ? `${f.name}-err` : undefined}
                  />
                  {state.errors[f.name] && (
                    <p class="err" id={`${f.name}-err`}>
                      {state.errors[f.name]}
                    </p>
                  )}
                </div>
              ))}
              <label for="account_type">{tx('account_type')}</label>
              <select id="account_type" name="account_type">
                <option value="checking" selected={state.values.account_type !== 'savings'}>
                  {tx('checking')}
                </option>
                <option value="savings" selected={state.values.account_type === 'savings'}>
                  {tx('savings')}
                </option>
              </select>
              <button type="submit">{tx('submit')}</button>
            </form>
          )}
        </main>
      </body>
    </html>
  );
};
