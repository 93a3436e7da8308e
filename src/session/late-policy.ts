import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { DEFAULT_LATE_PAYMENT_POLICY, type LatePaymentPolicy } from '../domain/settlement-rules';
import type { Mode } from '../http/context';

/** The merchant's policy for unexpected money in one mode. */
export async function latePaymentPolicy(
  _db: DrizzleD1Database,
  _merchantId: string,
  _mode: Mode,
): Promise<LatePaymentPolicy> {
  return DEFAULT_LATE_PAYMENT_POLICY;
}
