import type { FC } from 'hono/jsx';
import type { Locale } from '../../domain/methods';
import type { ClientSessionView } from '../api/view';
import type { MessageKey } from '../i18n';
import { Field } from './field';
import { BrandMark, CARD_MARKS } from './marks';
import { renderedOnce } from './rendered-once';

type Card = ClientSessionView['methods'][number];
type Tx = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * The card form: the number with the detected brand's mark, the expiry with no default (a default month
 * is usually in the past), the CVC, and every installment plan as it will be charged: each installment's
 * real value (the first ones carry the leftover cents) and the total, interest included. Everything but
 * the plans is the same for every page in a language and year, and is rendered once for them.
 */
export const CardFields: FC<{ card: Card; tx: Tx; locale: Locale; year: number; hidden: boolean }> = ({
  card,
  tx,
  locale,
  year,
  hidden,
}) => (
  <fieldset id="card-fields" hidden={hidden}>
    {renderedOnce(`card-inputs:${locale}:${year}`, () => (
      <CardInputs tx={tx} year={year} />
    ))}
    <fieldset class="plans" id="installments">
      <legend>{tx('field.installments')}</legend>
      {card.installments.map((p) => (
        <label class="plan">
          <input type="radio" name="installments" value={p.count} checked={p.count === 1} />
          <span class="split">
            {p.count === 1 ? tx('installments.single', { amount: p.total_formatted }) : p.split_formatted}
          </span>
          <span class="note">{p.note}</span>
        </label>
      ))}
    </fieldset>
  </fieldset>
);

/** The card's own fields: the brands, number, holder, expiry and CVC (no session data). */
const CardInputs: FC<{ tx: Tx; year: number }> = ({ tx, year }) => (
  <>
    <legend>{tx('page.card')}</legend>
    <p class="brands" id="card-brands">
      <span class="vh">{tx('card.brands')}</span>
      {Object.keys(CARD_MARKS).map((b) => (
        <BrandMark brand={b} />
      ))}
    </p>
    <Field id="card-number" label={tx('field.card_number')}>
      <input
        id="card-number"
        inputmode="numeric"
        autocomplete="cc-number"
        maxlength={23}
        aria-describedby="card-brands card-number-err"
      />
    </Field>
    <Field id="holder-name" label={tx('field.holder_name')}>
      <input id="holder-name" autocomplete="cc-name" maxlength={26} />
    </Field>
    <div class="row">
      <Field id="exp-month" label={tx('field.exp_month')}>
        <select id="exp-month" autocomplete="cc-exp-month">
          <option value="" selected>
            {tx('field.month_placeholder')}
          </option>
          {Array.from({ length: 12 }, (_, i) => (
            <option value={i + 1}>{String(i + 1).padStart(2, '0')}</option>
          ))}
        </select>
      </Field>
      <Field id="exp-year" label={tx('field.exp_year')}>
        <select id="exp-year" autocomplete="cc-exp-year">
          <option value="" selected>
            {tx('field.year_placeholder')}
          </option>
          {Array.from({ length: 16 }, (_, i) => (
            <option value={year + i}>{year + i}</option>
          ))}
        </select>
      </Field>
      <Field id="cvc" label={tx('field.cvc')}>
        <input id="cvc" inputmode="numeric" autocomplete="cc-csc" maxlength={4} />
      </Field>
    </div>
  </>
);
