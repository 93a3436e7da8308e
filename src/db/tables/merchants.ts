import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { BankAccount } from './payments';

export const merchants = sqliteTable('merchants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  country: text('country'),
  notificationUrl: text('notification_url'),
  /** City printed in PIX codes (BR Code field 60). */
  city: text('city'),
  /** Origins allowed to frame the checkout and call the client API (CORS), e.g. https://shop.example. */
  allowedOrigins: text('allowed_origins', { mode: 'json' }).notNull().$type<string[]>().default([]),
  /** Accounts customers transfer to (bank_transfer); empty means the sandbox's test account in test mode. */
  bankAccounts: text('bank_accounts', { mode: 'json' }).notNull().$type<BankAccount[]>().default([]),
  /** The merchant's CLABE for SPEI collections; null: the sandbox issues a test one in test mode. */
  speiClabe: text('spei_clabe'),
  /** Methods the merchant accepts; null means every method Borda offers in the session's country. */
  enabledMethods: text('enabled_methods', { mode: 'json' }).$type<string[] | null>(),
  /** The checkout's accent colour, #rrggbb, dark enough for white text on it (4.5:1); null: Borda's green. */
  brandColor: text('brand_color'),
  /** The checkout's logo as a data:image/... URL of at most 6 KB; null: the merchant's name only. */
  logo: text('logo'),
  /** AES-GCM ciphertext of the whsec_ secret, sealed with ENCRYPTION_KEY (see src/crypto/secretbox.ts). */
  webhookSecretSealed: text('webhook_secret_sealed').notNull(),
  /** After a roll, the old secret keeps signing beside the new one until this instant (24 h). */
  webhookSecretPreviousSealed: text('webhook_secret_previous_sealed'),
  webhookSecretPreviousUntil: integer('webhook_secret_previous_until'),
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
