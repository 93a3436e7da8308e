import { and, eq, type SQLWrapper } from 'drizzle-orm';
import type { Mode } from '../domain/tenant';
import { merchantModeSettings } from './tables/merchants';

/** The condition that picks the settings row of `merchantId` in `mode` (values or columns to join on). */
export function modeSettingsOf(merchantId: string | SQLWrapper, mode: Mode | SQLWrapper) {
  return and(eq(merchantModeSettings.merchantId, merchantId), eq(merchantModeSettings.mode, mode));
}
