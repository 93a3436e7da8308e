import { and, eq, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { preparedOnce } from '../../db/prepared';
import {
  checkoutSessions,
  disabledEndpoints,
  type MerchantModeSettingsRow,
  merchantModeSettings,
  merchants,
} from '../../db/schema';
import { modeSettingsOf, ownedBy } from '../../db/tenant';
import { contrastWithWhite } from '../../domain/colour';
import { fieldError } from '../../domain/errors';
import type { Mode } from '../../domain/tenant';
import { checkReturnUrl, checkWebhookUrl } from '../../domain/urls';
import type { MerchantCtx } from '../context';
import type { UpdateMerchant } from '../events/schema';

/**
 * A merchant's settings, per mode (table merchant_mode_settings). A key reads and changes only its own
 * mode's row; webhook signing and delivery use the event's mode, the checkout the session's mode.
 * Every change bumps the row's version. Only a new session's defaults are remembered per isolate
 * (defaults-read.ts), and its insert is guarded by that version; everything else reads the row,
 * so a change holds on the next request in every isolate and every session's Durable Object.
 *
 * To add a per-mode setting: a column on `merchantModeSettings` (and a migration), its input on
 * `UpdateMerchant`, one line in `settingsPatch` and one in `settingsView`.
 */
export { modeSettingsOf } from '../../db/tenant';
export type ModeSettings = MerchantModeSettingsRow;
type SettingsSet = Partial<typeof merchantModeSettings.$inferInsert>;

/** The row of one merchant in one mode; every merchant has both rows from creation (or migration 0008). */
export async function loadModeSettings(db: DrizzleD1Database, merchantId: string, mode: Mode) {
  const [row] = await db
    .select()
    .from(merchantModeSettings)
    .where(ownedBy(merchantModeSettings, merchantId, mode))
    .limit(1);
  if (!row) throw new Error('merchant without settings for its mode');
  return row;
}

/** The allowed origins of a session's merchant in the session's mode (null: no such session). */
export async function sessionAllowedOrigins(
  db: DrizzleD1Database,
  sessionId: string,
): Promise<string[] | null> {
  const [row] = await allowedOriginsRead(db).all({ sessionId });
  return row?.origins ?? null;
}

// Read on every view of a remembered checkout page: prepared once per isolate.
const allowedOriginsRead = preparedOnce((db) =>
  db
    .select({ origins: merchantModeSettings.allowedOrigins })
    .from(checkoutSessions)
    .innerJoin(merchantModeSettings, modeSettingsOf(checkoutSessions.merchantId, checkoutSessions.mode))
    .where(eq(checkoutSessions.id, sql.placeholder('sessionId')))
    .limit(1)
    .prepare(),
);

/** Validates a PATCH and turns it into the columns to set. Throws a field error on bad input. */
export function settingsPatch(ctx: MerchantCtx, input: UpdateMerchant): SettingsSet {
  const set: SettingsSet = {};
  if (input.notification_url !== undefined) {
    if (input.notification_url !== null) {
      const problem = checkWebhookUrl(input.notification_url, { allowLoopback: ctx.allowLoopbackUrls });
      if (problem) throw fieldError('notification_url', problem.code, problem.message);
    }
    set.notificationUrl = input.notification_url;
  }
  // Stored as origins (scheme://host[:port]), the form browsers send in the Origin header; https only
  // (plain http to loopback in local development), as a page framing a checkout must be.
  if (input.allowed_origins) {
    input.allowed_origins.forEach((u, i) => {
      const problem = checkReturnUrl(u, { allowLocalHttp: ctx.allowLoopbackUrls });
      if (problem) throw fieldError(`allowed_origins[${i}]`, problem.code, problem.message);
    });
    set.allowedOrigins = [...new Set(input.allowed_origins.map((u) => new URL(u).origin))];
  }
  if (input.enabled_methods !== undefined)
    set.enabledMethods = input.enabled_methods === null ? null : [...new Set(input.enabled_methods)];
  if (input.default_boleto_terms !== undefined) set.defaultBoletoTerms = input.default_boleto_terms;
  if (input.required_customer_fields)
    set.requiredCustomerFields = [...new Set(input.required_customer_fields)];
  if (input.bank_accounts) set.bankAccounts = input.bank_accounts;
  if (input.spei_clabe !== undefined) set.speiClabe = input.spei_clabe;
  if (input.default_installments !== undefined) {
    const d = input.default_installments;
    set.defaultMaxInstallments = d?.max_installments ?? null;
    set.defaultMaxInstallmentsInterest = d?.max_installments_interest ?? null;
    set.defaultInterest = d?.interest ?? null;
  }
  if (input.late_payment_policy) set.latePaymentPolicy = input.late_payment_policy;
  if (input.notify_customer !== undefined) set.notifyCustomer = input.notify_customer;
  if (input.brand_color !== undefined) {
    if (input.brand_color !== null && contrastWithWhite(input.brand_color) < 4.5)
      throw fieldError('brand_color', 'insufficient_contrast', 'is too light for white text (needs 4.5:1).');
    set.brandColor = input.brand_color?.toLowerCase() ?? null;
  }
  if (input.logo !== undefined) set.logo = input.logo;
  return set;
}

/** The API view of the merchant in one mode (GET and PATCH /api/v1/merchant). Never holds a secret. */
export function settingsView(
  merchant: { id: string; name: string; country: string | null; city: string | null },
  s: ModeSettings,
) {
  return {
    id: merchant.id,
    object: 'merchant' as const,
    name: merchant.name,
    country: merchant.country,
    city: merchant.city,
    mode: s.mode,
    livemode: s.mode === 'live',
    notification_url: s.notificationUrl,
    allowed_origins: s.allowedOrigins,
    bank_accounts: s.bankAccounts,
    spei_clabe: s.speiClabe,
    enabled_methods: s.enabledMethods,
    default_installments: defaultInstallmentsView(s),
    default_boleto_terms: s.defaultBoletoTerms,
    required_customer_fields: s.requiredCustomerFields,
    late_payment_policy: s.latePaymentPolicy,
    notify_customer: s.notifyCustomer,
    brand_color: s.brandColor,
    logo: s.logo,
  };
}

export async function getMerchant(ctx: MerchantCtx) {
  const [[m], settings] = await Promise.all([
    ctx.db.select().from(merchants).where(eq(merchants.id, ctx.merchant.id)).limit(1),
    loadModeSettings(ctx.db, ctx.merchant.id, ctx.mode),
  ]);
  if (!m) throw new Error('authenticated merchant vanished');
  return settingsView(m, settings);
}

/**
 * PATCH /api/v1/merchant: changes the key's mode only. `city` is the merchant's own, printed in live
 * PIX codes too, so only a live key changes it: a test key never alters what live mode shows.
 */
export async function updateMerchant({ ctx, input }: { ctx: MerchantCtx; input: UpdateMerchant }) {
  if (input.city !== undefined && ctx.mode !== 'live')
    throw fieldError(
      'city',
      'live_key_required',
      "is the merchant's for both modes (live PIX codes print it): change it with a live key.",
    );
  const set = settingsPatch(ctx, input);
  const statements = [];
  if (Object.keys(set).length > 0)
    statements.push(
      ctx.db
        .update(merchantModeSettings)
        .set({ ...set, updatedAt: ctx.now, version: sql`${merchantModeSettings.version} + 1` })
        .where(modeSettingsOf(ctx.merchant.id, ctx.mode)),
    );
  if (input.city)
    statements.push(
      ctx.db.update(merchants).set({ city: input.city }).where(eq(merchants.id, ctx.merchant.id)),
    );
  if (input.notification_url) {
    // Setting a URL again is how a merchant re-enables an endpoint that answered 410 Gone (in this mode).
    statements.push(
      ctx.db
        .delete(disabledEndpoints)
        .where(
          and(
            ownedBy(disabledEndpoints, ctx.merchant.id, ctx.mode),
            eq(disabledEndpoints.url, input.notification_url),
          ),
        ),
    );
  }
  if (statements.length > 0) await ctx.db.batch(statements as [(typeof statements)[number]]);
  return getMerchant(ctx);
}

export function defaultInstallmentsView(
  s: Pick<ModeSettings, 'defaultMaxInstallments' | 'defaultMaxInstallmentsInterest' | 'defaultInterest'>,
) {
  if (s.defaultMaxInstallments === null) return null;
  return {
    max_installments: s.defaultMaxInstallments,
    ...(s.defaultMaxInstallmentsInterest === null
      ? {}
      : { max_installments_interest: s.defaultMaxInstallmentsInterest }),
    ...(s.defaultInterest === null ? {} : { interest: s.defaultInterest }),
  };
}
