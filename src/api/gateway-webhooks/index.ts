import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { gatewayAccounts, gatewayEvents, payments } from '../../db/schema';
import { apiBaseOverrides } from '../../gateways/api-base';
import { CONNECTORS, isConnectorSlug } from '../../gateways/registry';
import { GATEWAY_TIMEOUT_MS } from '../../gateways/router';
import type { InboundGatewayEvent } from '../../gateways/types';
import { readBodyText } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { ApiError } from '../../http/errors';
import { open } from '../../lib/secretbox';
import { sessionStub } from '../../session/session-do';

const OUTCOME = { paid: 'paid', denied: 'denied', canceled: 'denied', expired: 'expired' } as const;

/**
 * POST /webhooks/gateways/{slug}/{merchant_id}: a gateway tells Borda a payment settled. The
 * notification is authenticated with the merchant's own credentials for that gateway, reduced to a
 * small internal event, applied through the session's object (which ignores a repeat), and its id is
 * remembered only once applied, so a gateway retry after a failure is not lost.
 */
export const gatewayWebhookRoutes = new Hono<AppEnv>().post('/:slug/:merchantId', async (c) => {
  const { slug, merchantId } = c.req.param();
  if (!isConnectorSlug(slug) || !CONNECTORS[slug].available)
    throw new ApiError('not_found', 'No such gateway.');
  const connector = CONNECTORS[slug];
  const body = await readBodyText(c.req.raw);
  const db = c.get('db');
  const accounts = await db
    .select()
    .from(gatewayAccounts)
    .where(and(eq(gatewayAccounts.merchantId, merchantId), eq(gatewayAccounts.gateway, slug)));
  let event: InboundGatewayEvent | null = null;
  for (const account of accounts) {
    const credentials = JSON.parse(await open(account.credentialsSealed, c.env.ENCRYPTION_KEY)) as Record<
      string,
      string
    >;
    const ctx = {
      credentials,
      settings: account.settings,
      mode: account.mode,
      now: Date.now(),
      timeoutMs: GATEWAY_TIMEOUT_MS,
      apiBase: apiBaseOverrides(c.env as unknown as Record<string, unknown>, {
        allowLoopback: c.env.ALLOW_LOOPBACK_URLS === 'true',
      })[slug],
    };
    try {
      event = await connector.parseWebhook(ctx, { headers: c.req.raw.headers, body });
      break;
    } catch {
      // Not this account's credentials (or not authentic at all); try the next account.
    }
  }
  if (!event) throw new ApiError('authentication_required', 'The notification could not be authenticated.');
  if (event.kind === 'ignored') return c.json({ received: true, applied: false, reason: event.reason });

  // One round trip: has this notification been applied, and which payment does it concern.
  const [seen, [payment]] = await db.batch([
    db
      .select({ id: gatewayEvents.eventId })
      .from(gatewayEvents)
      .where(
        and(
          eq(gatewayEvents.gateway, slug),
          eq(gatewayEvents.merchantId, merchantId),
          eq(gatewayEvents.eventId, event.eventId),
        ),
      )
      .limit(1),
    db
      .select({ id: payments.id, sessionId: payments.sessionId })
      .from(payments)
      .where(
        and(
          eq(payments.merchantId, merchantId),
          eq(payments.gateway, slug),
          eq(payments.gatewayReference, event.reference),
        ),
      )
      .limit(1),
  ]);
  if (seen.length > 0) return c.json({ received: true, applied: false, reason: 'duplicate' });
  if (!payment) return c.json({ received: true, applied: false, reason: 'unknown_reference' }, 202);
  const outcome = await sessionStub(c.env, payment.sessionId).settle({
    sessionId: payment.sessionId,
    paymentId: payment.id,
    outcome: OUTCOME[event.kind],
    // What the gateway says arrived: compared with the charge, so a different amount is flagged, never taken as paid.
    ...(event.kind === 'paid' ? { amount: event.amount, currency: event.currency } : {}),
  });
  await db
    .insert(gatewayEvents)
    .values({ gateway: slug, eventId: event.eventId, merchantId, receivedAt: Date.now() })
    .onConflictDoNothing();
  return c.json({ received: true, applied: outcome.ok, ...(outcome.ok ? {} : { reason: outcome.code }) });
});
