import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { merchants } from './merchants';

export const PANEL_ROLES = ['owner', 'developer', 'support'] as const;
export type PanelRole = (typeof PANEL_ROLES)[number];

/** People who sign in to the merchant's panel. One e-mail is one user of one merchant. */
export const panelUsers = sqliteTable(
  'panel_users',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id')
      .notNull()
      .references(() => merchants.id),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: text('role', { enum: PANEL_ROLES }).notNull(),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`; null until the invite is accepted. */
    passwordHash: text('password_hash'),
    /** SHA-256 of the one-time invite token; cleared when the password is set. */
    inviteHash: text('invite_hash'),
    inviteExpiresAt: integer('invite_expires_at'),
    createdAt: integer('created_at').notNull(),
    disabledAt: integer('disabled_at'),
    /** The confirmed TOTP secret (base32), sealed with ENCRYPTION_KEY; null: no second factor. */
    totpSecretSealed: text('totp_secret_sealed'),
    /** A secret shown for enrolment, until a code from it confirms it. */
    totpPendingSealed: text('totp_pending_sealed'),
    /** The last TOTP step accepted: a code is never accepted twice. */
    totpLastStep: integer('totp_last_step'),
  },
  (t) => [
    uniqueIndex('panel_users_email_idx').on(t.email),
    uniqueIndex('panel_users_invite_idx').on(t.inviteHash),
    index('panel_users_merchant_idx').on(t.merchantId),
  ],
);

/** Server-side sign-in sessions: the cookie holds a random token, D1 only its SHA-256. */
export const panelSessions = sqliteTable(
  'panel_sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    userId: text('user_id').notNull(),
    merchantId: text('merchant_id').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    address: text('address'),
    /** False between a correct password and the second factor: such a session opens nothing else. */
    verified: integer('verified', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('panel_sessions_token_idx').on(t.tokenHash),
    index('panel_sessions_user_idx').on(t.userId),
  ],
);

/** Sign-in attempts per key (`account:<email>` or `address:<ip>`) in a fixed window. */
export const loginThrottle = sqliteTable('login_throttle', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  attempts: integer('attempts').notNull(),
});

/** Sign-ins and sensitive actions, readable by the merchant's owners. Never holds a secret. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    merchantId: text('merchant_id').notNull(),
    userId: text('user_id'),
    email: text('email'),
    mode: text('mode', { enum: ['test', 'live'] }),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    address: text('address'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('audit_log_merchant_idx').on(t.merchantId, t.createdAt)],
);

export type PanelUserRow = typeof panelUsers.$inferSelect;
export type PanelSessionRow = typeof panelSessions.$inferSelect;
