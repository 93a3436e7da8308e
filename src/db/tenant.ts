import { and, eq, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Mode } from '../domain/tenant';
import { merchantModeSettings } from './tables/merchants';

/** A table whose rows belong to one merchant in one mode (test or live). */
type ModeScoped = { merchantId: SQLiteColumn; mode: SQLiteColumn };
/** A table whose rows belong to one merchant, whatever the mode. */
type MerchantScoped = { merchantId: SQLiteColumn };

/**
 * The tenant filter: rows of `table` that belong to `merchantId` in `mode`. Every read and write of
 * per-mode data goes through it, so a key or panel user never sees the other merchant's or the other
 * mode's rows. Values or columns (to join on) are both accepted.
 */
export function ownedBy(table: ModeScoped, merchantId: string | SQLWrapper, mode: Mode | SQLWrapper): SQL {
  return and(eq(table.merchantId, merchantId), eq(table.mode, mode)) as SQL;
}

/**
 * Rows of `table` that belong to `merchantId` in every mode: only for data that is the merchant's as a
 * whole on purpose (panel users and the audit trail, a gateway's event ids, deliveries already scoped
 * through their event). Per-mode data uses `ownedBy`.
 */
export function ownedByMerchant(table: MerchantScoped, merchantId: string | SQLWrapper): SQL {
  return eq(table.merchantId, merchantId);
}

/** The condition that picks the settings row of `merchantId` in `mode` (values or columns to join on). */
export function modeSettingsOf(merchantId: string | SQLWrapper, mode: Mode | SQLWrapper) {
  return ownedBy(merchantModeSettings, merchantId, mode);
}
