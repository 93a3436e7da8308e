import { eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { merchantModeSettings, merchants, type SessionRow } from '../../db/schema';
import { modeSettingsOf } from '../../db/tenant';
import type { MerchantProfile } from '../../gateways/types';

/**
 * The merchant as a session's payment sees it, in the session's mode. Read on every attempt, never
 * kept in the Durable Object, so a settings change holds on the next payment.
 */
export async function loadMerchantProfile(db: DrizzleD1Database, row: SessionRow): Promise<MerchantProfile> {
  const [m] = await db
    .select({
      id: merchants.id,
      name: merchants.name,
      city: merchants.city,
      enabledMethods: merchantModeSettings.enabledMethods,
      bankAccounts: merchantModeSettings.bankAccounts,
      speiClabe: merchantModeSettings.speiClabe,
    })
    .from(merchants)
    .innerJoin(merchantModeSettings, modeSettingsOf(merchants.id, row.mode))
    .where(eq(merchants.id, row.merchantId))
    .limit(1);
  if (!m) throw new Error('session without merchant');
  return m;
}
