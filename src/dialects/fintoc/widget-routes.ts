import { type Context, Hono } from 'hono';
import * as z from 'zod';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { ApiError } from '../../http/errors';
import { baseUrlOf, problemResponse } from '../../http/problem';
import { toBase64 } from '../../lib/crypto';
import { SESSION_TOKEN_TTL_MS, verifySessionToken } from './token';
import { WIDGET_JS } from './widget-script';
import { liveKeyOwner, widgetSessionOf } from './widget-store';

/** What the widget sends (documented here; read by widgetSession, which names a missing one). */
const WidgetSessionQuery = z.object({
  token: z.string().min(1).meta({ description: "The session_token from the merchant's create answer." }),
  public_key: z.string().min(1).meta({ description: "The merchant's pk_test_ or pk_live_ key." }),
});

const PUBLIC_KEY = /^pk_(test|live)_[0-9A-Za-z]{16,64}$/;

/** The script's bytes and their SRI hash, computed once per isolate (the text never changes at runtime). */
const scriptBytes = new TextEncoder().encode(WIDGET_JS);
let sri: Promise<string> | null = null;
export function widgetSri(): Promise<string> {
  sri ??= crypto.subtle.digest('SHA-384', scriptBytes).then((d) => `sha384-${toBase64(d)}`);
  return sri;
}

/**
 * Cached for a year: v1's text is frozen (a change would break every page pinning its SRI), so a new
 * version gets a new path. CORS `*` so `<script crossorigin="anonymous" integrity=...>` can check it.
 */
const STATIC_HEADERS = {
  'cache-control': 'public, max-age=31536000, immutable',
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'x-content-type-options': 'nosniff',
};

/**
 * The embeddable widget: its script, its SRI hash, and the public endpoint the script asks which
 * session a (session_token, public key) pair opens. The answer is only the session id, which the
 * token already contains, so it is safe to serve to any origin.
 */
export const widgetRoutes = new Hono<AppEnv>()
  .get(
    '/js/v1/checkout.js',
    contract({
      operationId: 'widgetScript',
      summary: 'The embeddable widget script (Fintoc-style create(...).open()); load it with its SRI hash',
      tag: 'Widget',
      auth: 'none',
      ok: { 200: { description: 'JavaScript', media: 'text/javascript' } },
      errors: [],
    }),
    async () => {
      const hash = await widgetSri();
      return new Response(scriptBytes, {
        headers: { ...STATIC_HEADERS, 'content-type': 'text/javascript; charset=utf-8', 'x-borda-sri': hash },
      });
    },
  )
  .get(
    '/js/v1/checkout.js.sri',
    contract({
      operationId: 'widgetScriptIntegrity',
      summary: "The widget script's SRI hash (sha384-...)",
      tag: 'Widget',
      auth: 'none',
      ok: { 200: { description: 'The integrity value', media: 'text/plain' } },
      errors: [],
    }),
    async () => {
      const hash = await widgetSri();
      return new Response(hash, {
        headers: { ...STATIC_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'x-borda-sri': hash },
      });
    },
  )
  .get(
    '/c/v1/widget/session',
    contract({
      operationId: 'widgetSession',
      summary: 'Which session a session_token opens, for the widget (public key)',
      tag: 'Widget',
      auth: 'publicKey',
      query: WidgetSessionQuery,
      ok: { 200: { description: 'The session id' } },
      errors: ['invalid_request', 'authentication_required', 'invalid_api_key', 'forbidden', 'not_found'],
    }),
    async (c) => {
      let res: Response;
      try {
        res = await widgetSession(c);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        res = problemResponse(c, err);
      }
      // Errors carry CORS too, so the widget can read why it was refused and pass it to onExit.
      res.headers.set('access-control-allow-origin', '*');
      res.headers.set('cache-control', 'no-store');
      return res;
    },
  );

async function widgetSession(c: Context<AppEnv>): Promise<Response> {
  const token = c.req.query('token') ?? '';
  const publicKey = c.req.query('public_key') ?? '';
  if (!token || !publicKey) {
    const missing = [...(token ? [] : ['token']), ...(publicKey ? [] : ['public_key'])];
    throw new ApiError('invalid_request', 'Send token and public_key.', {
      errors: missing.map((field) => ({ field, code: 'required', message: 'is required.' })),
    });
  }
  if (publicKey.startsWith('sk_')) {
    throw new ApiError(
      'invalid_api_key',
      'That is a secret key: never put it in a web page (roll it now). The widget takes your pk_ key.',
    );
  }
  if (!PUBLIC_KEY.test(publicKey)) throw new ApiError('invalid_api_key');
  const db = c.get('db');
  const key = await liveKeyOwner(db, publicKey, Date.now());
  if (key?.kind !== 'public') throw new ApiError('invalid_api_key');
  const sessionId = await verifySessionToken(token, c.get('platform').secrets.signingKey);
  // A forged token, an unknown session and another merchant's or mode's session all look alike.
  const unknown = () => new ApiError('not_found', 'No such session token for this public key.');
  if (!sessionId) throw unknown();
  const session = await widgetSessionOf(db, sessionId, key);
  if (!session) throw unknown();
  if (Date.now() > session.createdAt + SESSION_TOKEN_TTL_MS) {
    throw new ApiError(
      'forbidden',
      'The session token expired 10 minutes after creation; create a new session.',
    );
  }
  return c.json({
    object: 'widget_session',
    session_id: session.id,
    status: session.status,
    checkout_url: `${baseUrlOf(c)}/checkout/${session.id}`,
    expires_at: String(Math.floor(session.expiresAt / 1000)),
  });
}
