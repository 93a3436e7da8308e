import { Hono } from 'hono';
import { requireSecretKey } from './auth';
import type { AppEnv } from './context';
import { contract } from './contract';
import { ApiError } from './errors';
import { idempotency } from './idempotency';
import { database, rawBody, requestId } from './middleware';
import { problemResponse } from './problem';
import { SplitRouter } from './router';
import { securityHeaders } from './security-headers';

/**
 * Where a part of Borda mounts its routes: `app` for pages and public paths, `api` (under /api/v1) and
 * `v1` (under /v1, the provider dialects) behind the secret key, raw body and idempotency middleware.
 */
export type Mount = { app: Hono<AppEnv>; api: Hono<AppEnv>; v1: Hono<AppEnv> };
export type Part = (m: Mount) => void;

/**
 * The HTTP app of the parts given: all of them in the one-Worker build (src/index.ts), the parts one
 * Worker serves in the three-Worker build (src/workers/). Every part shares the same middleware, health
 * check, not-found answer and error handling.
 */
export function buildApp(parts: readonly Part[]) {
  // The API and the checkout are matched by hono's RegExpRouter, the panel by its TrieRouter (see the file).
  const app = new Hono<AppEnv>({ router: new SplitRouter() });
  app.use(requestId, securityHeaders, database);

  app.get(
    '/healthz',
    contract({
      operationId: 'health',
      summary: 'Liveness: the Worker answers',
      tag: 'Reference',
      auth: 'none',
      ok: { 200: { description: '{"ok": true}' } },
    }),
    (c) => c.json({ ok: true }),
  );
  const api = new Hono<AppEnv>().use(requireSecretKey, rawBody, idempotency);
  // Provider dialects: thin translations onto the canonical model.
  const v1 = new Hono<AppEnv>().use(requireSecretKey, rawBody, idempotency);
  for (const part of parts) part({ app, api, v1 });
  app.route('/api/v1', api);
  app.route('/v1', v1);

  app.notFound((c) =>
    problemResponse(
      c,
      new ApiError('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`),
    ),
  );
  app.onError((err, c) => {
    if (err instanceof ApiError) return problemResponse(c, err);
    // Never echo the error: it might hold request data. The request id ties the log to the reply.
    console.error(
      `request ${c.get('requestId')} failed: ${err instanceof Error ? err.name : 'unknown'}`,
      err,
    );
    return problemResponse(
      c,
      new ApiError('internal_error', `Reference ${c.get('requestId')} when contacting support.`),
    );
  });
  return app;
}
