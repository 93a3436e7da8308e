import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { merchantModeSettings } from '../db/schema';
import { DEFAULT_LATE_PAYMENT_POLICY, type LatePaymentPolicy } from '../domain/settlement-rules';
import type { Mode } from '../http/context';
import { modeSettingsOf } from '../services/merchant-settings';

/** The merchant's policy for unexpected money in one mode, read fresh (a change holds at once). */
export async function latePaymentPolicy(
  db: DrizzleD1Database,
  merchantId: string,
  mode: Mode,
): Promise<LatePaymentPolicy> {
  const [row] = await db
    .select({ policy: merchantModeSettings.latePaymentPolicy })
    .from(merchantModeSettings)
    .where(modeSettingsOf(merchantId, mode))
    .limit(1);
  return row?.policy ?? DEFAULT_LATE_PAYMENT_POLICY;
}
