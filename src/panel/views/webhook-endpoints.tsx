import type { FC } from 'hono/jsx';
import type { WebhookEndpointRow } from '../../db/schema';
import { EVENT_TYPES } from '../../features/events/schema';
import type { EndpointStats } from '../../features/panel/webhook-stats';
import { Csrf } from './layout';

type Stat = EndpointStats[number];

/** A refused endpoint form as it was sent, with the API's error and the field it names. */
export type EndpointDraft = {
  url: string;
  description: string;
  events: string[];
  field: string;
  message: string;
};

const Figures: FC<{ s: Stat | undefined }> = ({ s }) => (
  <>
    <td>{s?.attempts ?? 0}</td>
    <td>{s ? `${Math.round(s.successRate * 1000) / 10}%` : '-'}</td>
    <td>{s ? `${s.meanLatencyMs} ms` : '-'}</td>
    <td>{s ? `${s.maxLatencyMs} ms` : '-'}</td>
  </>
);

const Head: FC = () => (
  <thead>
    <tr>
      <th scope="col">Endpoint</th>
      <th scope="col">Events</th>
      <th scope="col">Status</th>
      <th scope="col">Attempts</th>
      <th scope="col">Succeeded</th>
      <th scope="col">Mean latency</th>
      <th scope="col">Slowest</th>
      <th scope="col">Action</th>
    </tr>
  </thead>
);

/**
 * The mode's webhook endpoints and notification URLs with their last 24 hours, and the form that
 * adds an endpoint.
 */
export const EndpointsSection: FC<{
  base: string;
  csrf: string;
  endpoints: WebhookEndpointRow[];
  stats: EndpointStats;
  draft?: EndpointDraft;
}> = ({ base, csrf, endpoints, stats, draft }) => (
  <>
    <table>
      <caption>Webhook endpoints, last 24 hours</caption>
      <Head />
      <tbody>
        {endpoints.length === 0 && (
          <tr>
            <td colspan={8}>No endpoints yet: events go to the notification URLs below.</td>
          </tr>
        )}
        {endpoints.map((e) => (
          <tr class="webhook-endpoint" id={e.id}>
            <td>
              <code>{e.url}</code> <small>{e.id}</small>
              {e.description && <div>{e.description}</div>}
            </td>
            <td>{e.enabledEvents ? e.enabledEvents.join(', ') : 'all'}</td>
            <td class="endpoint-status">{e.status}</td>
            <Figures s={stats.find((s) => s.endpointId === e.id)} />
            <td>
              <form method="post" action={`${base}/webhooks/endpoints/${e.id}/status`} class="inline">
                <Csrf token={csrf} />
                <input type="hidden" name="status" value={e.status === 'enabled' ? 'disabled' : 'enabled'} />
                <button type="submit">{e.status === 'enabled' ? 'Disable' : 'Enable'}</button>
              </form>
              <form method="post" action={`${base}/webhooks/endpoints/${e.id}/delete`} class="inline">
                <Csrf token={csrf} />
                <button type="submit">Delete</button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <table>
      <caption>Notification URLs, last 24 hours</caption>
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
        {stats
          .filter((s) => s.endpointId === null)
          .map((s) => (
            <tr class="endpoint">
              <td>
                <code>{s.url}</code>
              </td>
              <Figures s={s} />
            </tr>
          ))}
      </tbody>
    </table>
    <fieldset>
      <legend>Add an endpoint</legend>
      <form method="post" action={`${base}/webhooks/endpoints`}>
        <Csrf token={csrf} />
        <label>
          URL{' '}
          <input
            name="url"
            type="url"
            required
            size={48}
            placeholder="https://"
            value={draft?.url}
            aria-invalid={draft?.field === 'url' ? 'true' : undefined}
            aria-describedby={draft?.field === 'url' ? 'endpoint-url-error' : undefined}
          />
        </label>
        {draft?.field === 'url' && (
          <span class="error" id="endpoint-url-error">
            {draft.message}
          </span>
        )}
        <label>
          Description <input name="description" maxlength={200} value={draft?.description} />
        </label>
        <fieldset>
          <legend>Events (none ticked: every event)</legend>
          {EVENT_TYPES.map((t) => (
            <label>
              <input type="checkbox" name={`event:${t}`} value="on" checked={draft?.events.includes(t)} /> {t}
            </label>
          ))}
        </fieldset>
        <button type="submit">Add endpoint</button>
      </form>
    </fieldset>
  </>
);
