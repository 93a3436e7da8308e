import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { open, seal } from '../lib/secretbox';
import { apiBaseOverrides } from './api-base';
import { database } from './db';

/** ENCRYPTION_KEY and what is done with it: sealing secrets at rest, and the HMAC key of signed links. */
export type Secrets = {
  seal: (plaintext: string) => Promise<string>;
  open: (sealed: string) => Promise<string>;
  /** The key signed links and tokens are HMAC'd with (checkout links, refund bank links, widget tokens). */
  signingKey: string;
};

export type Queues = { jobs: Queue; webhooks: Queue; webhooksDlq: Queue; notifications: Queue };

/** The operator's settings of this environment (wrangler.toml vars, `.dev.vars` locally), as text. */
export type PlatformConfig = {
  publicBaseUrl: string | undefined;
  adminToken: string | undefined;
  /** Loopback and private webhook/API URLs are allowed (local development only). */
  allowLoopbackUrls: boolean;
  webhookRetrySchedule: string;
  eventRetentionDays: string | undefined;
  /** `<SLUG>_API_BASE` overrides by lower-case slug, already refused where loopback is not allowed. */
  apiBases: Record<string, string>;
  pixDirect: { usdBrlRate: string | undefined; feePercent: string | undefined };
  notify: {
    emailProvider: string | undefined;
    smsProvider: string | undefined;
    emailFrom: string | undefined;
    smsFrom: string | undefined;
    retrySchedule: string | undefined;
    reminderBeforeSeconds: string | undefined;
    resendApiKey: string | undefined;
    twilioAccountSid: string | undefined;
    twilioAuthToken: string | undefined;
  };
};

/**
 * What the Worker's bindings give the code above: clients, queues, secrets and settings. The session
 * stubs are added in ./platform.ts, so the session core can take these ports without a circle.
 */
export type Ports = {
  db: DrizzleD1Database;
  /** The raw D1 binding, for the set-based statements drizzle cannot express. */
  d1: D1Database;
  queues: Queues;
  archive: R2Bucket;
  email: SendEmail;
  secrets: Secrets;
  config: PlatformConfig;
};

const built = new WeakMap<Env, Ports>();

/** The ports of an `env` object, built once per object (a long-lived Durable Object asks on every command). */
export function portsOf(env: Env): Ports {
  let found = built.get(env);
  if (!found) {
    found = ports(env);
    built.set(env, found);
  }
  return found;
}

/** Turns the Worker's `env` into ports. Only the entry points (and the SessionDO) hand `env` here. */
export function ports(env: Env): Ports {
  const key = env.ENCRYPTION_KEY;
  const allowLoopbackUrls = env.ALLOW_LOOPBACK_URLS === 'true';
  return {
    db: database(env),
    d1: env.DB,
    queues: {
      jobs: env.JOBS,
      webhooks: env.WEBHOOKS,
      webhooksDlq: env.WEBHOOKS_DLQ,
      notifications: env.NOTIFICATIONS,
    },
    archive: env.ARCHIVE,
    email: env.EMAIL,
    secrets: { seal: (text) => seal(text, key), open: (sealed) => open(sealed, key), signingKey: key },
    config: {
      publicBaseUrl: env.PUBLIC_BASE_URL,
      adminToken: env.ADMIN_TOKEN,
      allowLoopbackUrls,
      webhookRetrySchedule: env.WEBHOOK_RETRY_SCHEDULE,
      eventRetentionDays: env.EVENT_RETENTION_DAYS,
      apiBases: apiBaseOverrides(env as unknown as Record<string, unknown>, {
        allowLoopback: allowLoopbackUrls,
      }),
      pixDirect: { usdBrlRate: env.SEED003_USD_BRL_RATE, feePercent: env.SEED003_FEE_PERCENT },
      notify: {
        emailProvider: env.NOTIFY_EMAIL_PROVIDER,
        smsProvider: env.NOTIFY_SMS_PROVIDER,
        emailFrom: env.NOTIFY_EMAIL_FROM,
        smsFrom: env.NOTIFY_SMS_FROM,
        retrySchedule: env.NOTIFY_RETRY_SCHEDULE,
        reminderBeforeSeconds: env.NOTIFY_REMINDER_BEFORE_SECONDS,
        resendApiKey: env.RESEND_API_KEY,
        twilioAccountSid: env.TWILIO_ACCOUNT_SID,
        twilioAuthToken: env.TWILIO_AUTH_TOKEN,
      },
    },
  };
}
