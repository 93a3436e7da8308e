import { Hono } from 'hono';
import { validate } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { merchantCtx } from '../../http/service-ctx';
import { ListEnvelope } from '../shared/schemas';
import { EventWithDeliveries, ListEventsQuery, RedeliverQuery, WebhookEvent } from './schema';
import { eventView, getEvent, listEvents, redeliverEvent } from './service';

export const eventsRoutes = new Hono<AppEnv>()
  .get(
    '/',
    contract({
      operationId: 'listEvents',
      summary: 'List events, newest first',
      tag: 'Events',
      auth: 'secretKey',
      query: ListEventsQuery,
      ok: {
        200: {
          description: 'A page of events',
          schema: ListEnvelope(WebhookEvent).meta({ id: 'EventList' }),
        },
      },
      errors: ['validation_failed', 'invalid_api_key'],
    }),
    async (c) => {
      const { page, hasMore, nextCursor } = await listEvents({
        ctx: merchantCtx(c),
        input: validate(ListEventsQuery, c.req.query()),
      });
      return c.json({
        object: 'list',
        data: page.map(eventView),
        has_more: hasMore,
        next_cursor: nextCursor,
      });
    },
  )
  .get(
    '/:id',
    contract({
      operationId: 'getEvent',
      summary: 'Retrieve an event with its deliveries and every attempt',
      tag: 'Events',
      auth: 'secretKey',
      ok: { 200: { description: 'The event', schema: EventWithDeliveries } },
      errors: ['not_found', 'invalid_api_key'],
    }),
    async (c) => c.json(await getEvent({ ctx: merchantCtx(c), input: { id: c.req.param('id') } })),
  )
  .post(
    '/:id/redeliver',
    contract({
      operationId: 'redeliverEvent',
      summary: 'Deliver an event again to its endpoints (or to one, with endpoint_id)',
      tag: 'Events',
      auth: 'secretKey',
      query: RedeliverQuery,
      idempotent: true,
      ok: { 202: { description: 'Queued again', schema: EventWithDeliveries } },
      errors: ['not_found', 'validation_failed', 'invalid_api_key'],
    }),
    async (c) =>
      c.json(
        await redeliverEvent({
          ctx: merchantCtx(c),
          input: {
            id: c.req.param('id'),
            endpointId: validate(RedeliverQuery, c.req.query()).endpoint_id,
          },
        }),
        202,
      ),
  );
