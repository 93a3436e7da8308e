import type { FC } from 'hono/jsx';
import type { PaymentRow, SessionRow } from '../../db/schema';
import type { Page } from '../../features/panel/keyset';
import type { sessionTimeline } from '../../features/panel/session-search';
import { GATEWAYS } from '../../gateways/descriptors';
import { money, when } from './layout';
import { Pager } from './pager';

const STATUSES = ['open', 'pending', 'paid', 'expired', 'canceled'];
/** Every connector Borda has, the sandbox included. */
const GATEWAY_SLUGS = Object.keys(GATEWAYS).sort();
const METHODS = ['card', 'pix', 'boleto', 'bank_transfer', 'spei', 'oxxo', 'pse', 'voucher'];

export type PaymentsFilter = {
  q: string;
  status: string;
  method: string;
  gateway: string;
  min: string;
  max: string;
  from: string;
  to: string;
};

export const PaymentsList: FC<{ base: string; filter: PaymentsFilter; page: Page<SessionRow> }> = ({
  base,
  filter,
  page,
}) => (
  <>
    <search>
      <form method="get" action={`${base}/payments`}>
        <label>
          Search{' '}
          <input
            name="q"
            value={filter.q}
            placeholder="session, payment, order id, CPF, e-mail, boleto line, PIX end-to-end id"
            size={36}
          />
        </label>
        <label>
          Status{' '}
          <select name="status">
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option value={s} selected={filter.status === s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Method{' '}
          <select name="method">
            <option value="">any</option>
            {METHODS.map((s) => (
              <option value={s} selected={filter.method === s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Gateway{' '}
          <select name="gateway">
            <option value="">any</option>
            {GATEWAY_SLUGS.map((g) => (
              <option value={g} selected={filter.gateway === g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <label>
          Amount from <input name="min" inputmode="decimal" size={8} value={filter.min} />
        </label>
        <label>
          to <input name="max" inputmode="decimal" size={8} value={filter.max} />
        </label>
        <label>
          From <input type="date" name="from" value={filter.from} />
        </label>
        <label>
          To <input type="date" name="to" value={filter.to} />
        </label>
        <button type="submit">Filter</button>
        <button type="submit" formaction={`${base}/payments.csv`}>
          Export CSV
        </button>
      </form>
    </search>
    <table>
      <caption>{page.rows.length} sessions</caption>
      <thead>
        <tr>
          <th scope="col">Session</th>
          <th scope="col">Order</th>
          <th scope="col">Status</th>
          <th scope="col">Amount</th>
          <th scope="col">Created (UTC)</th>
        </tr>
      </thead>
      <tbody>
        {page.rows.map((s) => (
          <tr>
            <td>
              <a href={`${base}/payments/${s.id}`}>
                <code>{s.id}</code>
              </a>
            </td>
            <td>{s.merchantOrderId}</td>
            <td class="status">{s.status}</td>
            <td>{money(s.amount, s.currency)}</td>
            <td>{when(s.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <Pager path={`${base}/payments`} filters={filter} newer={page.newer} older={page.older} />
  </>
);

type Timeline = Awaited<ReturnType<typeof sessionTimeline>>;

export const PaymentDetail: FC<{ t: Timeline }> = ({ t }) => (
  <>
    <p>
      Order <strong>{t.session.merchantOrderId}</strong> · status{' '}
      <strong id="session-status">{t.session.status}</strong> · {money(t.session.amount, t.session.currency)}{' '}
      · created {when(t.session.createdAt)} UTC
    </p>
    <h2>Payments</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Payment</th>
          <th scope="col">Method</th>
          <th scope="col">Gateway</th>
          <th scope="col">Status</th>
          <th scope="col">Amount</th>
          <th scope="col">Customer</th>
        </tr>
      </thead>
      <tbody>
        {t.payments.map((p: PaymentRow) => (
          <tr>
            <td>
              <code>{p.id}</code>
              {p.details.pix?.end_to_end_id && (
                <div>
                  end-to-end <code class="e2e">{p.details.pix.end_to_end_id}</code>
                </div>
              )}
            </td>
            <td>{p.method}</td>
            <td>{p.gateway}</td>
            <td>{p.status}</td>
            <td>{money(p.amount, p.currency)}</td>
            <td>
              {p.customer
                ? [p.customer.name, p.customer.email, p.customer.document].filter(Boolean).join(' · ')
                : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>Gateway calls</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Gateway</th>
          <th scope="col">Outcome</th>
          <th scope="col">Latency</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {t.gatewayCalls.map((a) => (
          <tr>
            <td>{when(a.startedAt)}</td>
            <td>{a.gateway}</td>
            <td>{a.outcome}</td>
            <td>{a.latencyMs} ms</td>
            <td>{a.errorCode ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>Events and webhook deliveries</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">When (UTC)</th>
          <th scope="col">Event</th>
          <th scope="col">Deliveries</th>
        </tr>
      </thead>
      <tbody>
        {t.events.map((e) => (
          <tr>
            <td>{when(e.createdAt)}</td>
            <td>
              {e.type} <code>{e.id}</code>
            </td>
            <td>
              {t.deliveries
                .filter((d) => d.eventId === e.id)
                .map((d) => (
                  <div>
                    {d.status} to <code>{d.url}</code>:{' '}
                    {d.attempts
                      .map((a) => `${a.statusCode ?? a.error ?? 'no answer'} in ${a.latencyMs} ms`)
                      .join(', ')}
                    {d.attempts
                      .filter((a) => a.responseExcerpt)
                      .slice(-1)
                      .map((a) => (
                        <pre class="excerpt">
                          <code>{a.responseExcerpt}</code>
                        </pre>
                      ))}
                  </div>
                ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>Customer notifications</h2>
    {t.notifications.length === 0 ? (
      <p>None sent for this session.</p>
    ) : (
      <table id="notifications">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Message</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
            <th scope="col">Provider</th>
          </tr>
        </thead>
        <tbody>
          {t.notifications.map((n) => (
            <tr>
              <td>{when(n.sentAt ?? n.createdAt)}</td>
              <td>
                {n.kind} ({n.channel})
              </td>
              <td>{n.recipient}</td>
              <td>
                {n.status}
                {n.attempts > 1 ? `, ${n.attempts} attempts` : ''}
                {n.lastError ? `: ${n.lastError}` : ''}
              </td>
              <td>{n.provider ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);
