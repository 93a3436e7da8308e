import type { FC } from 'hono/jsx';
import { Csrf } from './layout';

type Defaults = { max_installments: number; max_installments_interest?: number; interest?: number } | null;

export const SettingsPage: FC<{
  base: string;
  csrf: string;
  defaults: Defaults;
  notice?: string;
  error?: string;
}> = (p) => (
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
            value={String(p.defaults?.max_installments ?? 1)}
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
            value={
              p.defaults?.max_installments_interest === undefined
                ? ''
                : String(p.defaults.max_installments_interest)
            }
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
            value={p.defaults?.interest === undefined ? '' : String(p.defaults.interest)}
          />
        </p>
      </fieldset>
      <button type="submit">Save</button>
    </form>
  </>
);
