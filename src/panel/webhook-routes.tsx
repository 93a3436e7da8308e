import { Hono } from 'hono';
import { ApiError } from '../domain/errors';
import { redeliverEvent } from '../features/events/service';
import { deliveryLog } from '../features/panel/delivery-log';
import { replayFailedDeliveries } from '../features/panel/webhook-replay';
import { endpointStats, STATS_WINDOW_MS } from '../features/panel/webhook-stats';
import { CreateWebhookEndpoint } from '../features/webhook-endpoints/schema';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  setWebhookEndpointStatus,
} from '../features/webhook-endpoints/service';
import { validate } from '../http/body';
import { requirePermission } from './auth/middleware';
import type { PanelEnv } from './context';
import { audit, base, type C, mctx, shell } from './scope-helpers';
import type { EndpointDraft } from './views/webhook-endpoints';
import { type LogFilter, WebhooksPage } from './views/webhooks';

/** The log's filters as typed in the query string (a POST's page shows the unfiltered log). */
function readLogFilter(c: C): LogFilter {
  if (c.req.method !== 'GET') return { status: '', endpoint: '' };
  const status = c.req.query('status') ?? '';
  const endpoint = c.req.query('endpoint') ?? '';
  return {
    status: status.slice(0, 20),
    endpoint: /^(default|we_[A-Za-z0-9]{1,64})$/.test(endpoint) ? endpoint : '',
  };
}

/** The endpoints with their last 24 hours, the replay form and a page of the delivery log. */
async function webhooksPage(
  c: C,
  msg: { notice?: string; error?: string; draft?: EndpointDraft } = {},
  status: 200 | 400 = 200,
) {
  const ctx = mctx(c);
  const filter = readLogFilter(c);
  const page = c.req.method === 'GET' ? { after: c.req.query('after'), before: c.req.query('before') } : {};
  const [log, stats, endpoints] = await Promise.all([
    deliveryLog(ctx, { status: filter.status || undefined, endpoint: filter.endpoint || undefined, page }),
    endpointStats(ctx, ctx.now - STATS_WINDOW_MS),
    listWebhookEndpoints(ctx),
  ]);
  return shell(
    c,
    'Webhooks',
    () => (
      <WebhooksPage
        base={base(c)}
        csrf={c.get('csrf')}
        log={log}
        stats={stats}
        endpoints={endpoints}
        filter={filter}
        {...msg}
      />
    ),
    status,
  );
}

/** The event types ticked on the add form (`event:<type>` checkboxes); none ticked: every type. */
function tickedEvents(form: Record<string, string>): string[] {
  const ticked = Object.keys(form)
    .filter((k) => k.startsWith('event:'))
    .map((k) => k.slice('event:'.length));
  return ticked.length > 0 ? ticked : ['*'];
}

/** Webhooks of the URL's mode: endpoints, the delivery log, redelivery and bulk replay. */
export const webhookRoutes = new Hono<PanelEnv>()
  .get('/webhooks', requirePermission('webhooks.read'), (c) => webhooksPage(c))
  .post('/webhooks/endpoints', requirePermission('webhooks.manage'), async (c) => {
    const f = c.get('form');
    try {
      const input = validate(CreateWebhookEndpoint, {
        url: f.url?.trim() ?? '',
        enabled_events: tickedEvents(f),
        description: f.description?.trim() || undefined,
      });
      const endpoint = await createWebhookEndpoint({ ctx: mctx(c), input });
      await audit(c, 'webhook_endpoint.created', endpoint.id, {
        url: endpoint.url,
        enabled_events: endpoint.enabledEvents ?? ['*'],
      });
      return webhooksPage(c, { notice: `Endpoint ${endpoint.id} added.` });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const field = err.errors?.[0];
      // The form comes back as it was sent, the error beside the field it names.
      const draft = {
        url: f.url ?? '',
        description: f.description ?? '',
        events: tickedEvents(f),
        field: field?.field ?? '',
        message: field?.message ?? err.message,
      };
      return webhooksPage(c, { error: field ? `${field.field}: ${field.message}` : err.message, draft }, 400);
    }
  })
  .post('/webhooks/endpoints/:id/status', requirePermission('webhooks.manage'), async (c) => {
    const status = c.get('form').status === 'enabled' ? 'enabled' : 'disabled';
    const endpoint = await setWebhookEndpointStatus(mctx(c), c.req.param('id'), status);
    await audit(c, `webhook_endpoint.${status}`, endpoint.id, { url: endpoint.url });
    return webhooksPage(c, { notice: `Endpoint ${endpoint.id} ${status}.` });
  })
  .post('/webhooks/endpoints/:id/delete', requirePermission('webhooks.manage'), async (c) => {
    const deleted = await deleteWebhookEndpoint(mctx(c), c.req.param('id'));
    await audit(c, 'webhook_endpoint.deleted', deleted.id);
    return webhooksPage(c, { notice: `Endpoint ${deleted.id} deleted.` });
  })
  .post('/webhooks/replay', requirePermission('webhooks.replay'), async (c) => {
    const hours = Math.min(Math.max(Number(c.get('form').hours) || 1, 1), 72);
    const endpoint = c.get('form').endpoint || undefined;
    const now = Date.now();
    const result = await replayFailedDeliveries({
      ctx: mctx(c),
      input: { from: now - hours * 3_600_000, to: now, endpoint },
    });
    await audit(c, 'webhooks.replayed', null, { hours, endpoint: endpoint ?? null, events: result.replayed });
    return webhooksPage(c, {
      notice: `Replaying ${result.replayed} failed event(s) from the last ${hours} hour(s).`,
    });
  })
  .post('/webhooks/:id/redeliver', requirePermission('webhooks.replay'), async (c) => {
    const id = c.req.param('id');
    const deliveryId = c.get('form').delivery_id || undefined;
    await redeliverEvent({ ctx: mctx(c), input: { id, deliveryId } });
    await audit(c, 'webhook.redelivered', id, deliveryId ? { delivery_id: deliveryId } : null);
    return webhooksPage(c, { notice: `Event ${id} queued again.` });
  });
