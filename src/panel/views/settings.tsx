import type { FC } from 'hono/jsx';
import { METHODS } from '../../domain/country-methods';
import type { FieldError } from '../../domain/errors';
import { CUSTOMER_FIELDS } from '../../domain/session-defaults';
import type { getMerchant } from '../../features/merchant/settings';
import { CUSTOMER_FIELD_LABELS } from '../settings-form';
import { Csrf } from './layout';
import { Check, errorsById, Input, Section, Select } from './settings-fields';
import { PayoutsSection } from './settings-payouts';

export type SettingsView = Awaited<ReturnType<typeof getMerchant>>;

const POLICIES = [
  ['hold', 'Hold it for my decision'],
  ['accept', 'Accept it (completes the session)'],
  ['refund', 'Refund it in full'],
] as const;
const NOTIFY = [
  ['email', 'E-mail'],
  ['sms', 'SMS'],
  ['both', 'E-mail and SMS'],
  ['none', 'Do not notify'],
] as const;
const FEE = [
  ['', 'None'],
  ['percentage', 'Percent (fine: of the amount; interest: a month)'],
  ['fixed', 'Fixed R$ (interest: a day)'],
] as const;

/**
 * This mode's settings: every field is a member of PATCH /api/v1/merchant, saved through the same
 * service, so what the form shows is what `GET /api/v1/merchant` of this mode returns.
 */
export const SettingsPage: FC<{
  base: string;
  csrf: string;
  view: SettingsView;
  notice?: string;
  error?: string;
  fieldErrors?: FieldError[];
  /** The refused form as sent: shown again, so the value at fault is beside its error. */
  submitted?: Record<string, string>;
}> = (p) => {
  const sent = p.submitted;
  const val = <T,>(id: string, saved: T): T | string => (sent && id in sent ? (sent[id] ?? '') : saved);
  const on = (name: string, section: string, saved: boolean) =>
    sent && `${section}_form` in sent ? sent[name] === 'on' : saved;
  const v = p.view;
  const d = v.default_installments;
  const b = v.default_boleto_terms ?? {};
  const e = errorsById(p.fieldErrors);
  const enabled = (m: string) => v.enabled_methods === null || v.enabled_methods.includes(m);
  return (
    <>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      {p.error && (
        <div class="error" role="alert">
          <p>{p.error}</p>
          {p.fieldErrors && p.fieldErrors.length > 0 && (
            <ul>
              {p.fieldErrors.map((f) => (
                <li>
                  <code>{f.field}</code>: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p>
        Sessions created without these values (over the API or any dialect) take them when they are created; a
        session keeps what it took.
      </p>
      <form method="post" action={`${p.base}/settings`}>
        <Csrf token={p.csrf} />
        <Section id="methods" legend="Payment methods offered (sessions that name none)" errors={e}>
          {METHODS.map((m) => (
            <Check
              name={`method_${m.slug}`}
              id={`method_${m.slug}`}
              label={m.label.en}
              checked={on(`method_${m.slug}`, 'methods', enabled(m.slug))}
            />
          ))}
        </Section>
        <fieldset>
          <legend>Default card installments</legend>
          <Input
            id="max_installments"
            label="Interest-free installments"
            type="number"
            min={1}
            max={12}
            required
            value={val('max_installments', d?.max_installments ?? 1)}
            errors={e}
          />
          <Input
            id="max_installments_interest"
            label="Up to (with interest)"
            type="number"
            min={1}
            max={12}
            value={val('max_installments_interest', d?.max_installments_interest)}
            errors={e}
          />
          <Input
            id="interest"
            label="Monthly interest (%)"
            type="number"
            min={0}
            max={100}
            step="0.01"
            value={val('interest', d?.interest)}
            errors={e}
          />
        </fieldset>
        <Section id="boleto" legend="Default boleto terms" errors={e}>
          <Input
            id="boleto_due_days"
            label="Due in (days after issue)"
            type="number"
            min={0}
            max={999}
            value={val('boleto_due_days', b.boleto_due_days)}
            errors={e}
          />
          <Input
            id="boleto_void_days"
            label="Void (days after due)"
            type="number"
            min={1}
            max={60}
            value={val('boleto_void_days', b.boleto_void_days)}
            errors={e}
          />
          <Select
            id="boleto_fine_type"
            label="Fine"
            value={val('boleto_fine_type', b.boleto_charge_fine ? (b.boleto_fine_type ?? '') : '')}
            options={FEE}
            errors={e}
          />
          <Input
            id="boleto_fine_amount"
            label="Fine amount"
            type="number"
            min={0.01}
            step="0.01"
            value={val('boleto_fine_amount', b.boleto_charge_fine ? b.boleto_fine_amount : undefined)}
            errors={e}
          />
          <Select
            id="boleto_interest_type"
            label="Interest"
            value={val(
              'boleto_interest_type',
              b.boleto_charge_interest ? (b.boleto_interest_type ?? '') : '',
            )}
            options={FEE}
            errors={e}
          />
          <Input
            id="boleto_interest_amount"
            label="Interest amount"
            type="number"
            min={0.01}
            step="0.01"
            value={val(
              'boleto_interest_amount',
              b.boleto_charge_interest ? b.boleto_interest_amount : undefined,
            )}
            errors={e}
          />
          <Input
            id="boleto_discount"
            label="Discount for paying by boleto (%)"
            type="number"
            min={0}
            max={100}
            step="0.01"
            value={val('boleto_discount', b.discount)}
            errors={e}
          />
        </Section>
        <Section id="customer" legend="Customer" errors={e}>
          <Select
            id="notify_customer"
            label="Notify customers by"
            value={val('notify_customer', v.notify_customer)}
            options={NOTIFY}
            errors={e}
          />
          <p>Required at payment (the checkout asks for them):</p>
          {CUSTOMER_FIELDS.map((f) => (
            <Check
              name={`require_${f}`}
              id={`require_${f}`}
              label={CUSTOMER_FIELD_LABELS[f]}
              checked={on(`require_${f}`, 'customer', v.required_customer_fields.includes(f))}
            />
          ))}
        </Section>
        <PayoutsSection view={v} errors={e} val={val} />
        <fieldset>
          <legend>Webhooks and late money</legend>
          <Input
            id="notification_url"
            label="Default webhook URL (empty: none)"
            type="url"
            size={50}
            value={val('notification_url', v.notification_url)}
            errors={e}
          />
          <Select
            id="late_payment_policy"
            label="Late, duplicate or mismatched money"
            value={val('late_payment_policy', v.late_payment_policy)}
            options={POLICIES}
            errors={e}
          />
        </fieldset>
        <Section id="brand" legend="Checkout look" errors={e}>
          <Input
            id="brand_color"
            label="Brand colour (#rrggbb, white text must read on it)"
            value={val('brand_color', v.brand_color)}
            size={8}
            placeholder="#1a4fa3"
            errors={e}
          />
          <Input
            id="logo"
            label={
              v.logo
                ? 'Replace the logo (image data URL, 6 KB at most)'
                : 'Logo (image data URL, 6 KB at most)'
            }
            size={50}
            errors={e}
          />
          {v.logo && <Check name="remove_logo" id="remove_logo" label="Remove the logo" checked={false} />}
        </Section>
        <button type="submit">Save</button>
      </form>
    </>
  );
};
