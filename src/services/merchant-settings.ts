import { and, eq } from 'drizzle-orm';
import type { UpdateMerchant } from '../api/events/schema';
import { disabledEndpoints, merchants } from '../db/schema';
import { contrastWithWhite } from '../domain/colour';
import { checkWebhookUrl } from '../domain/urls';
import { fieldError } from '../http/errors';
import { toBase64 } from '../lib/crypto';
import { open, seal } from '../lib/secretbox';
import { isoUtc } from '../lib/time';
import type { MerchantCtx } from './context';

/** After a roll the old secret keeps signing beside the new one for this long. */
export const SECRET_OVERLAP_MS = 24 * 60 * 60 * 1000;

export async function updateMerchant({ ctx, input }: { ctx: MerchantCtx; input: UpdateMerchant }) {
  const set: Partial<typeof merchants.$inferInsert> = {};
  if (input.notification_url !== undefined) {
    if (input.notification_url !== null) {
      const problem = checkWebhookUrl(input.notification_url, { allowLoopback: ctx.allowLoopbackUrls });
      if (problem) throw fieldError('notification_url', problem.code, problem.message);
    }
    set.notificationUrl = input.notification_url;
  }
  if (input.allowed_origins) set.allowedOrigins = input.allowed_origins.map((u) => new URL(u).origin);
  if (input.city) set.city = input.city;
  if (input.bank_accounts) set.bankAccounts = input.bank_accounts;
  if (input.spei_clabe !== undefined) set.speiClabe = input.spei_clabe;
  if (input.brand_color !== undefined) {
    if (input.brand_color !== null && contrastWithWhite(input.brand_color) < 4.5)
      throw fieldError('brand_color', 'insufficient_contrast', 'is too light for white text (needs 4.5:1).');
    set.brandColor = input.brand_color?.toLowerCase() ?? null;
  }
  if (input.logo !== undefined) set.logo = input.logo;
  const statements = [];
  if (Object.keys(set).length > 0)
    statements.push(ctx.db.update(merchants).set(set).where(eq(merchants.id, ctx.merchant.id)));
  if (input.notification_url) {
    // Setting a URL again is how a merchant re-enables an endpoint that answered 410 Gone.
    statements.push(
      ctx.db
        .delete(disabledEndpoints)
        .where(
          and(
            eq(disabledEndpoints.merchantId, ctx.merchant.id),
            eq(disabledEndpoints.url, input.notification_url),
          ),
        ),
    );
  }
  if (statements.length > 0) await ctx.db.batch(statements as [(typeof statements)[number]]);
  const [m] = await ctx.db.select().from(merchants).where(eq(merchants.id, ctx.merchant.id)).limit(1);
  return {
    id: ctx.merchant.id,
    object: 'merchant' as const,
    name: m?.name,
    country: m?.country,
    city: m?.city,
    notification_url: m?.notificationUrl ?? null,
    allowed_origins: m?.allowedOrigins ?? [],
    bank_accounts: m?.bankAccounts ?? [],
    spei_clabe: m?.speiClabe ?? null,
    brand_color: m?.brandColor ?? null,
    logo: m?.logo ?? null,
  };
}

/**
 * Issues a new webhook secret. The old one keeps signing alongside it for 24 hours (two signatures
 * in webhook-signature), so the merchant can deploy the new secret without missing an event.
 */
export async function rollWebhookSecret({ ctx, encryptionKey }: { ctx: MerchantCtx; encryptionKey: string }) {
  const [m] = await ctx.db
    .select({ sealed: merchants.webhookSecretSealed })
    .from(merchants)
    .where(eq(merchants.id, ctx.merchant.id))
    .limit(1);
  if (!m) throw new Error('authenticated merchant vanished');
  const secret = `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
  const previousUntil = ctx.now + SECRET_OVERLAP_MS;
  await ctx.db
    .update(merchants)
    .set({
      webhookSecretSealed: await seal(secret, encryptionKey),
      // Re-sealed rather than copied, which also proves the stored secret still opens with this key.
      webhookSecretPreviousSealed: await seal(await open(m.sealed, encryptionKey), encryptionKey),
      webhookSecretPreviousUntil: previousUntil,
    })
    .where(eq(merchants.id, ctx.merchant.id));
  return { object: 'webhook_secret' as const, secret, previous_secret_expires_at: isoUtc(previousUntil) };
}
