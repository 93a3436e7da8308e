import { createMiddleware } from 'hono/factory';
import { IDEMPOTENCY_TTL_MS } from '../domain/retention';
import {
  claimKey,
  IDEMPOTENCY_LOCK_MS,
  type IdempotencyScope,
  recordAnswer,
  releaseKey,
  storedAnswer,
} from '../features/idempotency/store';
import { sha256Hex } from '../lib/crypto';
import type { AppEnv } from './context';
import { ApiError, fieldError } from './errors';
import { PROBLEM_CONTENT_TYPE } from './problem';

export { IDEMPOTENCY_LOCK_MS, IDEMPOTENCY_TTL_MS };

/** Statuses that mean "the request never ran": not stored, so the client may fix it and retry. */
const NOT_STORED = new Set([400, 413, 415, 422]);

/** Key order and whitespace do not make two bodies different requests. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export async function requestFingerprint(method: string, path: string, body: string): Promise<string> {
  let canonical = body;
  try {
    canonical = canonicalJson(JSON.parse(body));
  } catch {
    // Not JSON: the handler will reject it; the raw text still identifies the request.
  }
  return sha256Hex(`${method} ${path}\n${canonical}`);
}

/**
 * Stripe-style Idempotency-Key for merchant POSTs: the same key and request replays the stored
 * response; the same key with another request is 422; a second request while the first runs is 409.
 * Keys are scoped per merchant and mode and live 24 hours. Stored answers are sealed with
 * ENCRYPTION_KEY like every other secret at rest: some hold one (a rolled webhook secret), and the
 * store must not be the place a secret can be read in clear.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (key === undefined || c.req.method !== 'POST') return next();
  if (!/^[\x21-\x7E]{1,255}$/.test(key)) {
    throw fieldError(
      'Idempotency-Key',
      'invalid',
      'Idempotency-Key must be 1-255 printable ASCII characters.',
    );
  }
  const db = c.get('db');
  const secrets = c.get('platform').secrets;
  const scope: IdempotencyScope = { merchantId: c.get('merchant').id, mode: c.get('mode'), key };
  const now = Date.now();
  const hash = await requestFingerprint(c.req.method, new URL(c.req.url).pathname, c.get('rawBody'));

  if (!(await claimKey(db, scope, hash, now))) {
    const stored = await storedAnswer(db, secrets, scope, hash);
    if (stored.state === 'missing')
      throw new ApiError('idempotency_request_in_progress', 'Retry this request in a moment.');
    if (stored.state === 'other_request') {
      throw new ApiError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request.',
      );
    }
    if (stored.state === 'running') throw new ApiError('idempotency_request_in_progress');
    return new Response(stored.body, {
      status: stored.status,
      headers: {
        'content-type': stored.status >= 400 ? PROBLEM_CONTENT_TYPE : 'application/json',
        'idempotent-replayed': 'true',
        'x-request-id': c.get('requestId'),
      },
    });
  }

  let status = 500;
  try {
    await next();
    status = c.res.status;
  } finally {
    // A path no route of the group serves (only middleware matched) ran nothing: nothing to replay.
    const handled = c.req.matchedRoutes.some((r) => r.method !== 'ALL');
    if (status >= 500 || NOT_STORED.has(status) || !handled) {
      await releaseKey(db, scope);
    } else {
      await recordAnswer(db, secrets, scope, status, await c.res.clone().text());
    }
  }
});
