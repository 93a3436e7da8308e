import type { FC } from 'hono/jsx';
import type { getMerchant } from '../../features/merchant/settings';
import { Csrf } from './layout';

export type SettingsView = Awaited<ReturnType<typeof getMerchant>>;

const POLICIES = [
  ['hold', 'Hold it for my decision'],
  ['accept', 'Accept it (completes the session)'],
  ['refund', 'Refund it in full'],
] as const;

export const SettingsPage: FC<{
  base: string;
  csrf: string;
  view: SettingsView;
  notice?: string;
  error?: string;
}> = (p) => {
  const d = p.view.default_installments;
  return (
    <>
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      {p.error && (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
      <form method="post" action={`${p.base}/settings`}>
        <Csrf token={p.csrf} />
        <fieldset>
          <legend>Default card installments (sessions created without payment_settings)</legend>
          <p>
            <label for="max_installments">Interest-free installments</label>
            <input
              id="max_installments"
              name="max_installments"
              type="number"
              min={1}
              max={12}
              required
              value={String(d?.max_installments ?? 1)}
            />
          </p>
          <p>
            <label for="max_installments_interest">Up to (with interest)</label>
            <input
              id="max_installments_interest"
              name="max_installments_interest"
              type="number"
              min={1}
              max={12}
              value={d?.max_installments_interest === undefined ? '' : String(d.max_installments_interest)}
            />
          </p>
          <p>
            <label for="interest">Monthly interest (%)</label>
            <input
              id="interest"
              name="interest"
              type="number"
              min={0}
              max={100}
              step="0.01"
              value={d?.interest === undefined ? '' : String(d.interest)}
            />
          </p>
        </fieldset>
        <fieldset>
          <legend>Webhooks and late money</legend>
          <p>
            <label for="notification_url">Default webhook URL (empty: none)</label>
            <input
              id="notification_url"
              name="notification_url"
              type="url"
              size={50}
              value={p.view.notification_url ?? ''}
            />
          </p>
          <p>
            <label for="late_payment_policy">Late, duplicate or mismatched money</label>
            <select id="late_payment_policy" name="late_payment_policy">
              {POLICIES.map(([v, label]) => (
                <option value={v} selected={p.view.late_payment_policy === v}>
                  {label}
                </option>
              ))}
            </select>
          </p>
        </fieldset>
        <button type="submit">Save</button>
      </form>
    </>
  );
};
