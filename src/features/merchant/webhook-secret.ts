import { and, eq, sql } from 'drizzle-orm';
import { merchantModeSettings } from '../../db/schema';
import { ApiError } from '../../domain/errors';
import { toBase64 } from '../../lib/crypto';
import { isoUtc } from '../../lib/time';
import type { MerchantCtx } from '../context';
import { loadModeSettings, modeSettingsOf } from './settings';

/** After a roll the old secret keeps signing beside the new one for this long. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

export function newWebhookSecret(): string {
  return `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/**
 * Issues a new webhook secret for the key's mode only. The old one keeps signing alongside it for 24
 * hours (two signatures in webhook-signature), so the merchant can deploy the new secret without
 * missing an event. The answer holds the secret in clear, so it is never stored for an idempotent
 * replay (see src/http/idempotency.ts).
 */
export async function rollWebhookSecret({ ctx }: { ctx: MerchantCtx }) {
  const current = await loadModeSettings(ctx.db, ctx.merchant.id, ctx.mode);
  const secret = newWebhookSecret();
  const previousUntil = ctx.now + SECRET_OVERLAP_MS;
  const rolled = await ctx.db
    .update(merchantModeSettings)
    .set({
      webhookSecretSealed: await ctx.secrets.seal(secret),
      // Re-sealed rather than copied, which also proves the stored secret still opens with this key.
      webhookSecretPreviousSealed: await ctx.secrets.seal(
        await ctx.secrets.open(current.webhookSecretSealed),
      ),
      webhookSecretPreviousUntil: previousUntil,
      updatedAt: ctx.now,
      version: sql`${merchantModeSettings.version} + 1`,
    })
    // At the version read: of rolls at the same time one wins, so every secret handed out signs.
    .where(and(modeSettingsOf(ctx.merchant.id, ctx.mode), eq(merchantModeSettings.version, current.version)))
    .returning({ version: merchantModeSettings.version });
  if (rolled.length !== 1)
    throw new ApiError(
      'concurrent_update',
      "This mode's webhook secret was rolled by another request; retry.",
    );
  return {
    object: 'webhook_secret' as const,
    mode: ctx.mode,
    livemode: ctx.mode === 'live',
    secret,
    previous_secret_expires_at: isoUtc(previousUntil),
  };
}
