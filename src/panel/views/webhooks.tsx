import type { FC } from 'hono/jsx';
import type { deliveryLog } from '../../features/panel/session-search';
import type { EndpointStats } from '../../features/panel/webhook-stats';
import { Csrf, when } from './layout';

type Log = Awaited<ReturnType<typeof deliveryLog>>;

export const WebhooksPage: FC<{
  stats: EndpointStats;
  base: string;
  csrf: string;
  log: Log;
  notice?: string;
  status: string;
}> = (p) => (
  <>
    {p.notice && (
      <p class="notice" role="status">
        {p.notice}
      </p>
    )}
    <table>
      <caption>Endpoints, last 24 hours</caption>
      <thead>
        <tr>
          <th scope="col">URL</th>
          <th scope="col">Attempts</th>
          <th scope="col">Succeeded</th>
          <th scope="col">Mean latency</th>
          <th scope="col">Slowest</th>
        </tr>
      </thead>
      <tbody>
        {p.stats.map((e) => (
          <tr class="endpoint">
            <td>
              <code>{e.url}</code>
            </td>
            <td>{e.attempts}</td>
            <td>{`${Math.round(e.successRate * 1000) / 10}%`}</td>
            <td>{e.meanLatencyMs} ms</td>
            <td>{e.maxLatencyMs} ms</td>
          </tr>
        ))}
      </tbody>
    </table>
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
        <button type="submit">Replay failed</button>
      </form>
    </fieldset>
    <form method="get" action={`${p.base}/webhooks`}>
      <label>
        Status{' '}
        <select name="status">
          {['', 'pending', 'delivered', 'failed', 'disabled'].map((s) => (
            <option value={s} selected={p.status === s}>
              {s || 'any'}
            </option>
          ))}
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
        {p.log.map((r) => (
          <tr>
            <td>{when(r.delivery.createdAt)}</td>
            <td>
              {r.event.type} <code>{r.event.id}</code>
            </td>
            <td>
              <code>{r.delivery.url}</code>
            </td>
            <td class="delivery-status">{r.delivery.status}</td>
            <td>
              <ol>
                {r.attempts.map((a) => (
                  <li>
                    {when(a.attemptedAt)}: {a.statusCode ?? a.error ?? 'no answer'} in {a.latencyMs} ms
                  </li>
                ))}
              </ol>
            </td>
            <td>
              <form method="post" action={`${p.base}/webhooks/${r.event.id}/redeliver`} class="inline">
                <Csrf token={p.csrf} />
                <button type="submit">Redeliver</button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </>
);
