import { and, asc, eq, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { preparedOnce } from '../db/prepared';
import { checkoutSessions, type GatewayAccountRow, gatewayAccounts } from '../db/schema';
import { ownedBy } from '../db/tenant';
import type { Secrets } from '../platform/ports';
import type { LiveAccount } from './router';

/** A merchant's enabled gateway accounts for one mode, in priority order. */
export function enabledAccountsQuery(db: DrizzleD1Database, merchantId: string, mode: 'test' | 'live') {
  return db
    .select()
    .from(gatewayAccounts)
    .where(and(ownedBy(gatewayAccounts, merchantId, mode), eq(gatewayAccounts.enabled, true)))
    .orderBy(asc(gatewayAccounts.priority), asc(gatewayAccounts.name));
}

/**
 * The same accounts found from a session id alone, so the read can run beside the session's own
 * (the merchant and mode come from the session row inside the query). Prepared once per isolate:
 * every payment runs it.
 */
const accountsOfSession = preparedOnce((db) => {
  const ofSession = (column: typeof checkoutSessions.merchantId | typeof checkoutSessions.mode) =>
    db
      .select({ v: column })
      .from(checkoutSessions)
      .where(eq(checkoutSessions.id, sql.placeholder('sessionId')));
  return db
    .select()
    .from(gatewayAccounts)
    .where(
      and(
        ownedBy(
          gatewayAccounts,
          sql`(${ofSession(checkoutSessions.merchantId)})`,
          sql`(${ofSession(checkoutSessions.mode)})`,
        ),
        eq(gatewayAccounts.enabled, true),
      ),
    )
    .orderBy(asc(gatewayAccounts.priority), asc(gatewayAccounts.name))
    .prepare();
});

export function enabledAccountsForSession(
  db: DrizzleD1Database,
  sessionId: string,
): Promise<GatewayAccountRow[]> {
  return accountsOfSession(db).all({ sessionId });
}

/** Opens each account's sealed credentials (only ever in memory, on the way to a connector). */
export async function toLiveAccounts(
  rows: GatewayAccountRow[],
  sealing: Pick<Secrets, 'open'>,
  apiBases: Readonly<Record<string, string>> = {},
): Promise<LiveAccount[]> {
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      gateway: r.gateway,
      name: r.name,
      priority: r.priority,
      rules: r.rules,
      enabled: r.enabled,
      consecutiveFailures: r.consecutiveFailures,
      openUntil: r.openUntil,
      settings: r.settings,
      apiBase: apiBases[r.gateway],
      credentials: JSON.parse(await sealing.open(r.credentialsSealed)) as Record<string, string>,
    })),
  );
}
