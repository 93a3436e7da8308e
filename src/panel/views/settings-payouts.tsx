import type { FC } from 'hono/jsx';
import type { getMerchant } from '../../features/merchant/settings';
import { bankPrefix, type Errors, Input, MAX_BANK_ACCOUNTS, Section, Select } from './settings-fields';

type View = Awaited<ReturnType<typeof getMerchant>>;
const ACCOUNT_TYPES = [
  ['checking', 'Checking'],
  ['savings', 'Savings'],
  ['payment', 'Payment'],
] as const;

const BANK_KEYS = ['bank_name', 'bank_code', 'agency', 'account', 'account_digit', 'beneficiary', 'document'];

/** Where the checkout may be framed from and where customers send money: origins, CLABE, bank account. */
export const PayoutsSection: FC<{
  view: View;
  errors: Errors;
  val: <T>(id: string, saved: T) => T | string;
}> = ({ view: v, errors: e, val }) => {
  // Every saved account (or, on a refused save, every block sent), and one empty block while there is room.
  const sent = (i: number) => BANK_KEYS.some((k) => val(`${bankPrefix(i)}${k}`, '') !== '');
  let used = v.bank_accounts.length;
  for (let i = used; i < MAX_BANK_ACCOUNTS; i += 1) if (sent(i)) used = i + 1;
  const slots = Array.from({ length: Math.min(used + 1, MAX_BANK_ACCOUNTS) }, (_, i) => i);
  return (
    <Section id="payouts" legend="Origins and accounts" errors={e}>
      <p>
        <label for="allowed_origins">Allowed origins (https, one per line)</label>
        <textarea
          id="allowed_origins"
          name="allowed_origins"
          rows={3}
          cols={50}
          aria-invalid={e.allowed_origins ? 'true' : undefined}
          aria-describedby={e.allowed_origins ? 'allowed_origins-error' : undefined}
        >
          {val('allowed_origins', v.allowed_origins.join('\n'))}
        </textarea>
        {e.allowed_origins && (
          <span class="error" id="allowed_origins-error">
            {e.allowed_origins}
          </span>
        )}
      </p>
      <Input
        id="spei_clabe"
        label="SPEI CLABE (18 digits)"
        value={val('spei_clabe', v.spei_clabe)}
        size={22}
        errors={e}
      />
      <p>
        Bank accounts customers transfer to (up to {MAX_BANK_ACCOUNTS}; empty a block to remove that account)
      </p>
      {slots.map((i) => (
        <BankAccountFields i={i} bank={v.bank_accounts[i]} errors={e} val={val} />
      ))}
    </Section>
  );
};

type Bank = View['bank_accounts'][number];

/** One bank account's inputs, named with its block's prefix. */
const BankAccountFields: FC<{
  i: number;
  bank: Bank | undefined;
  errors: Errors;
  val: <T>(id: string, saved: T) => T | string;
}> = ({ i, bank, errors: e, val }) => {
  const at = (k: string) => `${bankPrefix(i)}${k}`;
  return (
    <fieldset>
      <legend>Bank account {i + 1}</legend>
      <Input id={at('bank_name')} label="Bank" value={val(at('bank_name'), bank?.bank_name)} errors={e} />
      <Input
        id={at('bank_code')}
        label="Bank code"
        value={val(at('bank_code'), bank?.bank_code)}
        size={4}
        errors={e}
      />
      <Input id={at('agency')} label="Agency" value={val(at('agency'), bank?.agency)} size={7} errors={e} />
      <Input
        id={at('agency_digit')}
        label="Agency digit"
        value={val(at('agency_digit'), bank?.agency_digit)}
        size={2}
        errors={e}
      />
      <Input id={at('account')} label="Account" value={val(at('account'), bank?.account)} errors={e} />
      <Input
        id={at('account_digit')}
        label="Account digit"
        value={val(at('account_digit'), bank?.account_digit)}
        size={3}
        errors={e}
      />
      <Select
        id={at('account_type')}
        label="Type"
        value={val(at('account_type'), bank?.account_type ?? 'checking')}
        options={ACCOUNT_TYPES}
        errors={e}
      />
      <Input
        id={at('beneficiary')}
        label="Beneficiary"
        value={val(at('beneficiary'), bank?.beneficiary)}
        errors={e}
      />
      <Input
        id={at('document')}
        label="Beneficiary CPF/CNPJ"
        value={val(at('document'), bank?.document)}
        errors={e}
      />
    </fieldset>
  );
};
