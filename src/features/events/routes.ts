import { Hono } from 'hono';
import { validate } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { merchantCtx } from '../../http/service-ctx';
import { ListEventsQuery } from './schema';
import { eventView, getEvent, listEvents, redeliverEvent } from './service';

export const eventsRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { page, hasMore, nextCursor } = await listEvents({
      ctx: merchantCtx(c),
      input: validate(ListEventsQuery, c.req.query()),
    });
    return c.json({ object: 'list', data: page.map(eventView), has_more: hasMore, next_cursor: nextCursor });
  })
  .get('/:id', async (c) => c.json(await getEvent({ ctx: merchantCtx(c), input: { id: c.req.param('id') } })))
  .post('/:id/redeliver', async (c) =>
    c.json(
      await redeliverEvent({ ctx: merchantCtx(c), input: { id: c.req.param('id') }, queue: c.env.WEBHOOKS }),
      202,
    ),
  );
