import { and, eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { type GatewayAccountRow, gatewayAccounts, type PaymentRow, payments } from '../../db/schema';
import { ownedBy, ownedByMerchant } from '../../db/tenant';
import type { Connector, ConnectorContext, InboundGatewayEvent } from '../../gateways/types';
import type { Secrets } from '../../platform/ports';
import { creatingAccountId } from './payment-account';

export type Authenticated =
  | { kind: 'unauthenticated' }
  | { kind: 'ignored'; reason: string }
  /** Authentic, but no payment of the authenticating account carries this reference. */
  | { kind: 'unknown_reference'; eventId: string }
  | {
      kind: 'event';
      event: Exclude<InboundGatewayEvent, { kind: 'ignored' }>;
      account: GatewayAccountRow;
      payment: PaymentRow;
    };

/**
 * Proves an inbound notification before it counts: it must verify with the credentials of an enabled
 * account of this merchant at this gateway, and the payment it names must have been created through
 * that very account (so the same merchant and the same mode). A test account's credentials never
 * settle a live payment, and a disabled account's credentials authenticate nothing.
 */
export async function authenticateNotification(opts: {
  db: DrizzleD1Database;
  connector: Connector;
  merchantId: string;
  secrets: Pick<Secrets, 'open'>;
  request: { headers: Headers; body: string; url: string };
  context: (account: GatewayAccountRow, credentials: Record<string, string>) => ConnectorContext;
}): Promise<Authenticated> {
  const { db, connector, merchantId } = opts;
  const accounts = await db
    .select()
    .from(gatewayAccounts)
    .where(
      and(
        // Either mode: the URL names no mode, so each account is tried; the one that proves it decides it.
        ownedByMerchant(gatewayAccounts, merchantId),
        eq(gatewayAccounts.gateway, connector.slug),
        eq(gatewayAccounts.enabled, true),
      ),
    );
  let authentic: Authenticated = { kind: 'unauthenticated' };
  for (const account of accounts) {
    const credentials = JSON.parse(await opts.secrets.open(account.credentialsSealed)) as Record<
      string,
      string
    >;
    let event: InboundGatewayEvent;
    try {
      event = await connector.parseWebhook(opts.context(account, credentials), opts.request);
    } catch {
      continue; // Not this account's credentials (or not authentic at all); try the next account.
    }
    if (event.kind === 'ignored') return { kind: 'ignored', reason: event.reason };
    const [payment] = await db
      .select()
      .from(payments)
      .where(
        and(
          ownedBy(payments, merchantId, account.mode),
          eq(payments.gateway, connector.slug),
          eq(payments.gatewayReference, event.reference),
        ),
      )
      .limit(1);
    if (payment && (await creatingAccountId(db, payment.id, connector.slug)) === account.id) {
      return { kind: 'event', event, account, payment };
    }
    // Another account (say the live one, sharing webhook credentials) may still own the payment.
    authentic = { kind: 'unknown_reference', eventId: event.eventId };
  }
  return authentic;
}
