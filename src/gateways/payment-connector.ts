import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { gatewayAccounts, type PaymentRow, paymentAttempts } from '../db/schema';
import { ownedBy } from '../db/tenant';
import type { Ports } from '../platform/ports';
import { CONNECTORS, isConnectorSlug } from './registry';
import { GATEWAY_TIMEOUT_MS } from './router';
import type { Connector, ConnectorContext } from './types';

/**
 * The connector that took a payment and the context to call it with: the credentials of the very
 * account that issued it (from the payment's gateway calls), not whichever account is first today.
 * A sandbox payment made without configured accounts runs with empty credentials, as it was made.
 */
export async function paymentConnector(
  platform: Pick<Ports, 'secrets' | 'config'>,
  db: DrizzleD1Database,
  payment: Pick<PaymentRow, 'id' | 'gateway' | 'mode' | 'merchantId'>,
  now: number,
): Promise<{ connector: Connector; ctx: ConnectorContext }> {
  if (!isConnectorSlug(payment.gateway)) throw new Error(`unknown gateway ${payment.gateway}`);
  const connector = CONNECTORS[payment.gateway];
  const [attempt] = await db
    .select({ accountId: paymentAttempts.accountId })
    .from(paymentAttempts)
    .where(
      and(
        eq(paymentAttempts.paymentId, payment.id),
        eq(paymentAttempts.gateway, payment.gateway),
        isNotNull(paymentAttempts.accountId),
      ),
    )
    .orderBy(desc(paymentAttempts.startedAt))
    .limit(1);
  // The account must still be the merchant's, in the payment's mode: credentials never cross modes.
  const [account] = attempt?.accountId
    ? await db
        .select()
        .from(gatewayAccounts)
        .where(
          and(
            eq(gatewayAccounts.id, attempt.accountId),
            ownedBy(gatewayAccounts, payment.merchantId, payment.mode),
          ),
        )
        .limit(1)
    : [];
  const credentials = account
    ? (JSON.parse(await platform.secrets.open(account.credentialsSealed)) as Record<string, string>)
    : {};
  const apiBase = platform.config.apiBases[payment.gateway];
  return {
    connector,
    ctx: {
      credentials,
      settings: account?.settings ?? {},
      mode: payment.mode,
      now,
      timeoutMs: GATEWAY_TIMEOUT_MS,
      apiBase,
    },
  };
}
