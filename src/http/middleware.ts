import { createMiddleware } from 'hono/factory';
import { newId } from '../lib/ids';
import { database as openDatabase } from '../platform/db';
import { readBodyText } from './body';
import type { AppEnv } from './context';

export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = newId('req', 16);
  c.set('requestId', id);
  await next();
  c.res.headers.set('x-request-id', id);
});

/** The drizzle client of the request's D1 binding (one per binding, never a module global). */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  c.set('db', openDatabase(c.env));
  await next();
});

/** Reads the body once, bounded, so validation and the idempotency fingerprint see the same bytes. */
/**
 * Routes whose provider's own client examples send form encoding: Fintoc's checkout session create
 * (its Ruby example posts JSON text with Net::HTTP's default form content type).
 */
const FORM_ENCODED_PATHS: ReadonlySet<string> = new Set(['/v1/checkout_sessions']);

export const rawBody = createMiddleware<AppEnv>(async (c, next) => {
  const form = FORM_ENCODED_PATHS.has(new URL(c.req.url).pathname);
  c.set(
    'rawBody',
    c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await readBodyText(c.req.raw, { form }),
  );
  await next();
});
