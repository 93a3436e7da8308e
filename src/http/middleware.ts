import { drizzle } from 'drizzle-orm/d1';
import { createMiddleware } from 'hono/factory';
import { newId } from '../lib/ids';
import { readBodyText } from './body';
import type { AppEnv } from './context';

export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = newId('req', 16);
  c.set('requestId', id);
  await next();
  c.res.headers.set('x-request-id', id);
});

/** A drizzle client per request (cheap: it only wraps the binding), never a module global. */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  c.set('db', drizzle(c.env.DB));
  await next();
});

/** Reads the body once, bounded, so validation and the idempotency fingerprint see the same bytes. */
export const rawBody = createMiddleware<AppEnv>(async (c, next) => {
  c.set('rawBody', c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await readBodyText(c.req.raw));
  await next();
});
