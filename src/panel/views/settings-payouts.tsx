import type { FC } from 'hono/jsx';
import type { getMerchant } from '../../features/merchant/settings';
import { type Errors, Input, Section, Select } from './settings-fields';

type View = Awaited<ReturnType<typeof getMerchant>>;
const ACCOUNT_TYPES = [
  ['checking', 'Checking'],
  ['savings', 'Savings'],
  ['payment', 'Payment'],
] as const;

/** Where the checkout may be framed from and where customers send money: origins, CLABE, bank account. */
export const PayoutsSection: FC<{
  view: View;
  errors: Errors;
  val: <T>(id: string, saved: T) => T | string;
}> = ({ view: v, errors: e, val }) => {
  const bank = v.bank_accounts[0];
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
      <p>Bank account for bank transfers (empty: none)</p>
      <Input id="bank_bank_name" label="Bank" value={val('bank_bank_name', bank?.bank_name)} errors={e} />
      <Input
        id="bank_bank_code"
        label="Bank code"
        value={val('bank_bank_code', bank?.bank_code)}
        size={4}
        errors={e}
      />
      <Input id="bank_agency" label="Agency" value={val('bank_agency', bank?.agency)} size={7} errors={e} />
      <Input
        id="bank_agency_digit"
        label="Agency digit"
        value={val('bank_agency_digit', bank?.agency_digit)}
        size={2}
        errors={e}
      />
      <Input id="bank_account" label="Account" value={val('bank_account', bank?.account)} errors={e} />
      <Input
        id="bank_account_digit"
        label="Account digit"
        value={val('bank_account_digit', bank?.account_digit)}
        size={3}
        errors={e}
      />
      <Select
        id="bank_account_type"
        label="Type"
        value={val('bank_account_type', bank?.account_type ?? 'checking')}
        options={ACCOUNT_TYPES}
        errors={e}
      />
      <Input
        id="bank_beneficiary"
        label="Beneficiary"
        value={val('bank_beneficiary', bank?.beneficiary)}
        errors={e}
      />
      <Input
        id="bank_document"
        label="Beneficiary CPF/CNPJ"
        value={val('bank_document', bank?.document)}
        errors={e}
      />
    </Section>
  );
};
