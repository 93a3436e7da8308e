import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { BoletoDefaults, CustomerField } from '../../domain/session-defaults';
import type { BankAccount } from './payment-details';

export const merchants = sqliteTable('merchants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  country: text('country'),
  /** City printed in PIX codes (BR Code field 60). */
  city: text('city'),
  createdAt: integer('created_at').notNull(),
});

export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    kind: text('kind', { enum: ['secret', 'public'] }).notNull(),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    /** A short readable prefix (e.g. "sk_test_4f9Q") so a merchant can tell keys apart. */
    prefix: text('prefix').notNull(),
    /** Hex SHA-256 of the whole key; the key itself is never stored. */
    hash: text('hash').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [
    uniqueIndex('api_keys_hash_idx').on(t.hash),
    index('api_keys_merchant_idx').on(t.merchantId, t.mode),
  ],
);

export type MerchantRow = typeof merchants.$inferSelect;

/**
 * Everything that steers money or data, kept per mode like Stripe's test and live endpoints: a key
 * reads and changes only its own mode's row. Add a column here (and to `settingsPatch` and
 * `settingsView` in src/services/merchant-settings.ts) for a new per-mode setting.
 */
export const merchantModeSettings = sqliteTable(
  'merchant_mode_settings',
  {
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    mode: text('mode', { enum: ['test', 'live'] }).notNull(),
    /** Default webhook URL of this mode; a session's own notification_url wins. */
    notificationUrl: text('notification_url'),
    /** AES-GCM ciphertext of this mode's whsec_ secret, sealed with ENCRYPTION_KEY (src/lib/secretbox.ts). */
    webhookSecretSealed: text('webhook_secret_sealed').notNull(),
    /** After a roll, the old secret keeps signing beside the new one until this instant (24 h). */
    webhookSecretPreviousSealed: text('webhook_secret_previous_sealed'),
    webhookSecretPreviousUntil: integer('webhook_secret_previous_until'),
    /** Accounts customers transfer to (bank_transfer); empty means the sandbox's test account in test mode. */
    bankAccounts: text('bank_accounts', { mode: 'json' }).notNull().$type<BankAccount[]>().default([]),
    /** The merchant's CLABE for SPEI collections; null: the sandbox issues a test one in test mode. */
    speiClabe: text('spei_clabe'),
    /** Origins allowed to frame the checkout and call the client API (CORS), e.g. https://shop.example. */
    allowedOrigins: text('allowed_origins', { mode: 'json' }).notNull().$type<string[]>().default([]),
    /** Methods the merchant accepts; null means every method Borda offers in the session's country. */
    enabledMethods: text('enabled_methods', { mode: 'json' }).$type<string[] | null>(),
    /** Card defaults for a session created without payment_settings (seed 004's "painel de controle"). */
    defaultMaxInstallments: integer('default_max_installments'),
    defaultMaxInstallmentsInterest: integer('default_max_installments_interest'),
    /** Monthly interest in percent for the installments past `defaultMaxInstallments`. */
    defaultInterest: real('default_interest'),
    /** Boleto terms (seed 004's names: due and void days, fine, interest, discount) for sessions that omit them. */
    defaultBoletoTerms: text('default_boleto_terms', { mode: 'json' }).$type<BoletoDefaults | null>(),
    /** Customer fields the checkout must collect (copied onto each session at creation). */
    requiredCustomerFields: text('required_customer_fields', { mode: 'json' })
      .notNull()
      .$type<CustomerField[]>()
      .default([]),
    /** What happens to late, duplicate or mismatched money (domain/settlement-rules.ts): accept | refund | hold. */
    latePaymentPolicy: text('late_payment_policy', { enum: ['accept', 'refund', 'hold'] })
      .notNull()
      .default('hold'),
    /** How customers hear about sessions that do not say (seed 004's "configuração do Painel de Controle"). */
    notifyCustomer: text('notify_customer', { enum: ['none', 'email', 'sms', 'both'] })
      .notNull()
      .default('email'),
    /** The checkout's accent colour, #rrggbb, dark enough for white text on it (4.5:1); null: Borda's green. */
    brandColor: text('brand_color'),
    /** The checkout's logo as a data:image/... URL of at most 6 KB; null: the merchant's name only. */
    logo: text('logo'),
    updatedAt: integer('updated_at').notNull(),
    /** Bumped by every change; a session insert is guarded by the version its defaults came from. */
    version: integer('version').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.merchantId, t.mode] })],
);

export type MerchantModeSettingsRow = typeof merchantModeSettings.$inferSelect;
