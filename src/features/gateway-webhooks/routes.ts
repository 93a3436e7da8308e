import { Hono } from 'hono';
import { CONNECTORS, isConnectorSlug } from '../../gateways/registry';
import { GATEWAY_TIMEOUT_MS } from '../../gateways/router';
import { JSON_OR_FORM_MEDIA, readBodyText } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { ApiError } from '../../http/errors';
import { sessionOf } from '../../http/service-ctx';
import { authenticateNotification } from './authenticate';
import { alreadyApplied, rememberApplied } from './seen';

const OUTCOME = { paid: 'paid', denied: 'denied', canceled: 'denied', expired: 'expired' } as const;

/**
 * POST /webhooks/gateways/{slug}/{merchant_id}: a gateway tells Borda a payment settled. The
 * notification is authenticated with the credentials of the enabled account that created the payment
 * (same merchant, same mode; see ./authenticate.ts), reduced to a
 * small internal event, applied through the session's object (which ignores a repeat), and its id is
 * remembered only once applied, so a gateway retry after a failure is not lost.
 */
export const gatewayWebhookRoutes = new Hono<AppEnv>().post(
  '/:slug/:merchantId',
  contract({
    operationId: 'receiveGatewayNotification',
    summary: "A gateway's notification about a payment, verified as that gateway documents it",
    description:
      "Point each gateway's webhook setting here with your merchant id. The body and authentication are the gateway's own; Borda answers 200 once the event is applied (or recognised as a replay) and 401 when it is not authentic.",
    tag: 'Gateway notifications',
    auth: 'gateway',
    ok: { 200: { description: 'Applied, ignored or already applied' } },
    errors: ['not_found', 'authentication_required'],
  }),
  async (c) => {
    const { slug, merchantId } = c.req.param();
    if (!isConnectorSlug(slug) || !CONNECTORS[slug].available)
      throw new ApiError('not_found', 'No such gateway.');
    const connector = CONNECTORS[slug];
    const body = await readBodyText(c.req.raw, { accept: JSON_OR_FORM_MEDIA });
    const db = c.get('db');
    const proven = await authenticateNotification({
      db,
      connector,
      merchantId,
      secrets: c.get('platform').secrets,
      request: { headers: c.req.raw.headers, body, url: c.req.url },
      context: (account, credentials) => ({
        credentials,
        settings: account.settings,
        mode: account.mode,
        now: Date.now(),
        timeoutMs: GATEWAY_TIMEOUT_MS,
        apiBase: c.get('platform').config.apiBases[slug],
      }),
    });
    if (proven.kind === 'unauthenticated')
      throw new ApiError('authentication_required', 'The notification could not be authenticated.');
    if (proven.kind === 'ignored') return c.json({ received: true, applied: false, reason: proven.reason });
    if (proven.kind === 'unknown_reference')
      return c.json({ received: true, applied: false, reason: 'unknown_reference' }, 202);
    const { event, payment } = proven;

    const seen = { gateway: slug, merchantId, eventId: event.eventId };
    if (await alreadyApplied(db, seen))
      return c.json({ received: true, applied: false, reason: 'duplicate' });
    const outcome = await sessionOf(c, payment.sessionId).settle({
      sessionId: payment.sessionId,
      paymentId: payment.id,
      outcome: OUTCOME[event.kind],
      owner: { merchantId, mode: payment.mode },
      // What the gateway says arrived: compared with the charge, so a different amount is flagged, never taken as paid.
      ...(event.kind === 'paid'
        ? { amount: event.amount, currency: event.currency, endToEndId: event.endToEndId }
        : {}),
    });
    await rememberApplied(db, seen, Date.now());
    return c.json({ received: true, applied: outcome.ok, ...(outcome.ok ? {} : { reason: outcome.code }) });
  },
);
