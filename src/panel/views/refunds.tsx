import type { FC } from 'hono/jsx';
import type { PaymentRow, RefundRow } from '../../db/schema';
import { Csrf, money, when } from './layout';

/** A paid payment's refunds and, for roles that may refund, the form (empty amount: all that is left). */
export const RefundsSection: FC<{
  action: string;
  csrf: string;
  payment: PaymentRow;
  refunds: RefundRow[];
  canRefund: boolean;
  /** One per rendering of the form: the same form sent twice makes one refund. */
  requestKey: string;
}> = (p) => (
  <section aria-labelledby={`refunds-${p.payment.id}`}>
    <h3 id={`refunds-${p.payment.id}`}>Refunds of {p.payment.id}</h3>
    {p.refunds.length > 0 && (
      <table>
        <thead>
          <tr>
            <th scope="col">Refund</th>
            <th scope="col">Amount</th>
            <th scope="col">Status</th>
            <th scope="col">Created (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {p.refunds.map((r) => (
            <tr>
              <td>
                <code>{r.id}</code>
              </td>
              <td>{money(r.amount, r.currency)}</td>
              <td class="refund-status">{r.status}</td>
              <td>{when(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
    {p.payment.flagResolution === 'held' && (
      <div class="notice held">
        <p>
          Money held for your decision ({p.payment.settlementFlag}
          {p.payment.receivedAmount !== null &&
            `: received ${money(p.payment.receivedAmount, p.payment.receivedCurrency ?? p.payment.currency)}`}
          ). Accept it, or refund it below.
        </p>
        {p.canRefund && (
          <form method="post" action={p.action.replace(/\/refunds$/, '/accept')}>
            <Csrf token={p.csrf} />
            <input type="hidden" name="payment_id" value={p.payment.id} />
            <button type="submit">Accept payment</button>
          </form>
        )}
      </div>
    )}
    {p.canRefund && (
      <form method="post" action={p.action}>
        <Csrf token={p.csrf} />
        <input type="hidden" name="payment_id" value={p.payment.id} />
        <input type="hidden" name="request_key" value={p.requestKey} />
        <label>
          Amount ({p.payment.currency}, empty for all that is left){' '}
          <input name="amount" inputmode="decimal" placeholder="e.g. 75.00" size={12} />
        </label>
        <label>
          Reason <input name="reason" maxlength={500} />
        </label>
        <button type="submit">Refund</button>
      </form>
    )}
  </section>
);
