import { apiKeys, merchantModeSettings, merchants } from '../../db/schema';
import { sha256Hex } from '../../lib/crypto';
import { newId, randomBase62 } from '../../lib/ids';
import { isoUtc } from '../../lib/time';
import type { ServiceCtx } from '../context';
import { newWebhookSecret } from '../merchant/webhook-secret';

/** 32 base62 characters ≈ 190 bits for API keys; the spec asks for at least 128. */
const KEY_CHARS = 32;
/** Readable part kept beside the hash: enough to tell keys apart, far too little to guess one. */
const PREFIX_SECRET_CHARS = 4;

export type NewMerchantInput = {
  name: string;
  country?: string | null;
  notification_url?: string | null;
  city?: string;
  allowed_origins?: string[];
};

export type CreatedMerchant = {
  merchant_id: string;
  name: string;
  country: string | null;
  notification_url: string | null;
  secret_keys: { test: string; live: string };
  public_keys: { test: string; live: string };
  /** One whsec_ secret per mode: test events and live events are signed with different secrets. */
  webhook_secrets: { test: string; live: string };
  created_at: string;
};

/**
 * Creates a merchant with test and live key pairs and a webhook secret per mode. The keys are returned once,
 * here; D1 keeps only their SHA-256 and a short prefix. The webhook secret must be usable for
 * signing later, so it is sealed with AES-GCM instead of hashed.
 */
export async function createMerchant({
  ctx,
  input,
}: {
  ctx: Pick<ServiceCtx, 'db' | 'now' | 'secrets'>;
  input: NewMerchantInput;
}): Promise<CreatedMerchant> {
  const merchantId = newId('mer', 20);
  const keys = {
    secret: { test: `sk_test_${randomBase62(KEY_CHARS)}`, live: `sk_live_${randomBase62(KEY_CHARS)}` },
    public: { test: `pk_test_${randomBase62(KEY_CHARS)}`, live: `pk_live_${randomBase62(KEY_CHARS)}` },
  };
  const webhookSecrets = { test: newWebhookSecret(), live: newWebhookSecret() };
  const keyRows = await Promise.all(
    (['secret', 'public'] as const).flatMap((kind) =>
      (['test', 'live'] as const).map(async (mode) => {
        const key = keys[kind][mode];
        return {
          id: newId('key', 20),
          merchantId,
          kind,
          mode,
          prefix: key.slice(0, key.indexOf('_', 3) + 1 + PREFIX_SECRET_CHARS),
          hash: await sha256Hex(key),
          createdAt: ctx.now,
        };
      }),
    ),
  );
  const merchant = {
    id: merchantId,
    name: input.name,
    country: input.country ?? null,
    city: input.city ?? null,
    createdAt: ctx.now,
  };
  // The operator's starting notification URL and origins apply to both modes; from then on each
  // mode's key changes only its own row.
  const settingsRows = await Promise.all(
    (['test', 'live'] as const).map(async (mode) => ({
      merchantId,
      mode,
      notificationUrl: input.notification_url ?? null,
      // Stored as origins (scheme://host[:port]), the form browsers send in the Origin header.
      allowedOrigins: (input.allowed_origins ?? []).map((u) => new URL(u).origin),
      enabledMethods: null,
      webhookSecretSealed: await ctx.secrets.seal(webhookSecrets[mode]),
      updatedAt: ctx.now,
    })),
  );
  await ctx.db.batch([
    ctx.db.insert(merchants).values(merchant),
    ctx.db.insert(merchantModeSettings).values(settingsRows),
    ctx.db.insert(apiKeys).values(keyRows),
  ]);
  return {
    merchant_id: merchantId,
    name: merchant.name,
    country: merchant.country,
    notification_url: input.notification_url ?? null,
    secret_keys: keys.secret,
    public_keys: keys.public,
    webhook_secrets: webhookSecrets,
    created_at: isoUtc(ctx.now),
  };
}
