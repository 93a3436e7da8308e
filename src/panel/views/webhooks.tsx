import type { FC } from 'hono/jsx';
import type { WebhookEndpointRow } from '../../db/schema';
import type { DeliveryLog } from '../../features/panel/delivery-log';
import type { EndpointStats } from '../../features/panel/webhook-stats';
import { Csrf, Notices, when } from './layout';
import { Pager } from './pager';
import { type EndpointDraft, EndpointsSection } from './webhook-endpoints';

export type LogFilter = { status: string; endpoint: string };

/** Choices of an endpoint filter: all, the notification URLs, or one endpoint. */
const EndpointOptions: FC<{ endpoints: WebhookEndpointRow[]; selected: string }> = (p) => (
  <>
    <option value="">any</option>
    <option value="default" selected={p.selected === 'default'}>
      notification URLs
    </option>
    {p.endpoints.map((e) => (
      <option value={e.id} selected={p.selected === e.id}>
        {e.url} ({e.id})
      </option>
    ))}
  </>
);

/** One attempt: when, the answer's status (or the error), latency and the start of the answer body. */
export const AttemptLine: FC<{
  a: {
    attemptedAt: number;
    statusCode: number | null;
    error: string | null;
    latencyMs: number;
    responseExcerpt: string | null;
  };
}> = ({ a }) => (
  <li>
    {when(a.attemptedAt)}: {a.statusCode ?? a.error ?? 'no answer'} in {a.latencyMs} ms
    {a.responseExcerpt ? (
      <pre class="excerpt">
        <code>{a.responseExcerpt}</code>
      </pre>
    ) : null}
  </li>
);

export const WebhooksPage: FC<{
  stats: EndpointStats;
  endpoints: WebhookEndpointRow[];
  base: string;
  csrf: string;
  log: DeliveryLog;
  notice?: string;
  error?: string;
  draft?: EndpointDraft;
  filter: LogFilter;
}> = (p) => (
  <>
    <Notices notice={p.notice} error={p.error} />
    <EndpointsSection base={p.base} csrf={p.csrf} endpoints={p.endpoints} stats={p.stats} draft={p.draft} />
    <fieldset>
      <legend>Replay failed deliveries</legend>
      <form method="post" action={`${p.base}/webhooks/replay`}>
        <Csrf token={p.csrf} />
        <label>
          Failed within the last{' '}
          <select name="hours">
            <option value="1">hour</option>
            <option value="6">6 hours</option>
            <option value="24">24 hours</option>
            <option value="72">3 days</option>
          </select>
        </label>
        <label>
          to{' '}
          <select name="endpoint">
            <EndpointOptions endpoints={p.endpoints} selected="" />
          </select>
        </label>
        <button type="submit">Replay failed</button>
      </form>
    </fieldset>
    <form method="get" action={`${p.base}/webhooks`}>
      <label>
        Status{' '}
        <select name="status">
          {['', 'pending', 'delivered', 'failed', 'disabled'].map((s) => (
            <option value={s} selected={p.filter.status === s}>
              {s || 'any'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Endpoint{' '}
        <select name="endpoint">
          <EndpointOptions endpoints={p.endpoints} selected={p.filter.endpoint} />
        </select>
      </label>
      <button type="submit">Show</button>
    </form>
    <table>
      <thead>
        <tr>
          <th scope="col">Created (UTC)</th>
          <th scope="col">Event</th>
          <th scope="col">URL</th>
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {p.log.rows.map((r) => (
          <tr class="delivery" id={r.delivery.id}>
            <td>{when(r.delivery.createdAt)}</td>
            <td>
              {r.event.type} <code>{r.event.id}</code>
            </td>
            <td>
              <code>{r.delivery.url}</code>
              {r.delivery.endpointId && <small> {r.delivery.endpointId}</small>}
            </td>
            <td class="delivery-status">{r.delivery.status}</td>
            <td>
              <ol>
                {r.attempts.map((a) => (
                  <AttemptLine a={a} />
                ))}
              </ol>
            </td>
            <td>
              <form method="post" action={`${p.base}/webhooks/${r.event.id}/redeliver`} class="inline">
                <Csrf token={p.csrf} />
                <input type="hidden" name="delivery_id" value={r.delivery.id} />
                <button type="submit">Redeliver</button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <Pager path={`${p.base}/webhooks`} filters={p.filter} newer={p.log.newer} older={p.log.older} />
  </>
);
