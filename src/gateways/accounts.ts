import { and, asc, eq, getTableColumns, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { type GatewayAccountRow, gatewayAccounts } from '../db/schema';
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

const ACCOUNT_COLUMNS = Object.entries(getTableColumns(gatewayAccounts));

/**
 * A merchant's enabled accounts in one mode as one JSON array, in priority order, for a read that
 * wants them beside other rows in a single statement (the payment's read of its session): each element
 * holds the columns as stored, read back by `accountsFromJson`.
 */
export function enabledAccountsJson(merchantId: SQLWrapper, mode: SQLWrapper): SQL<string> {
  const fields = sql.join(
    ACCOUNT_COLUMNS.map(([, c]) => sql`${sql.raw(`'${c.name}'`)}, ${sql.raw(`a."${c.name}"`)}`),
    sql`, `,
  );
  return sql<string>`(SELECT json_group_array(json_object(${fields})) FROM (SELECT * FROM ${gatewayAccounts} WHERE ${gatewayAccounts.merchantId} = ${merchantId} AND ${gatewayAccounts.mode} = ${mode} AND ${gatewayAccounts.enabled} = 1 ORDER BY ${gatewayAccounts.priority}, ${gatewayAccounts.name}) AS a)`;
}

/** The rows of `enabledAccountsJson`, each column through its own mapping (JSON, booleans). */
export function accountsFromJson(text: string): GatewayAccountRow[] {
  return (JSON.parse(text) as Record<string, unknown>[]).map(
    (stored) =>
      Object.fromEntries(
        ACCOUNT_COLUMNS.map(([key, c]) => {
          const value = stored[c.name];
          return [key, value === null || value === undefined ? null : c.mapFromDriverValue(value)];
        }),
      ) as GatewayAccountRow,
  );
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
