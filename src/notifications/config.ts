import { apiBaseOverrides } from '../gateways/api-base';
import { parseSchedule } from '../webhooks/schedule';
import { cloudflareEmailSender } from './providers/cloudflare-email';
import { resendSender } from './providers/resend';
import { twilioSender } from './providers/twilio';
import type { EmailSender, SmsSender } from './providers/types';

/** Local development keeps every message in D1 (the dev mailbox) and calls nothing outside. */
export const MAILBOX = 'mailbox';

export const EMAIL_PROVIDERS = ['cloudflare', 'resend', MAILBOX, 'none'] as const;
export const SMS_PROVIDERS = ['twilio', MAILBOX, 'none'] as const;
export type EmailProvider = (typeof EMAIL_PROVIDERS)[number];
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

/** Until the first retry, then 5 min, 30 min, 2 h and 6 h; a customer message is worth less a day late. */
export const DEFAULT_NOTIFY_SCHEDULE = '30,300,1800,7200,21600';
export const DEFAULT_REMINDER_BEFORE_SECONDS = 86400;

export type NotifyConfig = {
  emailProvider: EmailProvider;
  smsProvider: SmsProvider;
  emailFrom: string;
  smsFrom: string;
  retrySchedule: number[];
  /** How long before an asynchronous payment stops being payable the reminder goes; 0: no reminders. */
  reminderBeforeMs: number;
};

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The operator's choice for this environment (wrangler.toml vars; `.dev.vars` locally). */
export function notifyConfig(env: Env): NotifyConfig {
  const reminder = Number(env.NOTIFY_REMINDER_BEFORE_SECONDS ?? '');
  return {
    emailProvider: pick(env.NOTIFY_EMAIL_PROVIDER, EMAIL_PROVIDERS, 'none'),
    smsProvider: pick(env.NOTIFY_SMS_PROVIDER, SMS_PROVIDERS, 'none'),
    emailFrom: env.NOTIFY_EMAIL_FROM || 'Borda <no-reply@borda.invalid>',
    smsFrom: env.NOTIFY_SMS_FROM || '',
    retrySchedule: parseSchedule(env.NOTIFY_RETRY_SCHEDULE || DEFAULT_NOTIFY_SCHEDULE),
    reminderBeforeMs:
      env.NOTIFY_REMINDER_BEFORE_SECONDS && Number.isSafeInteger(reminder) && reminder >= 0
        ? reminder * 1000
        : DEFAULT_REMINDER_BEFORE_SECONDS * 1000,
  };
}

/** The adapter for a channel, or null when the channel is off or kept in the dev mailbox. */
export function emailSender(env: Env, config: NotifyConfig): EmailSender | null {
  const bases = apiBaseOverrides(env as unknown as Record<string, unknown>, {
    allowLoopback: env.ALLOW_LOOPBACK_URLS === 'true',
  });
  if (config.emailProvider === 'cloudflare') return cloudflareEmailSender(env.EMAIL);
  if (config.emailProvider === 'resend')
    return resendSender({ apiKey: env.RESEND_API_KEY ?? '', apiBase: bases.resend });
  return null;
}

export function smsSender(env: Env, config: NotifyConfig): SmsSender | null {
  const bases = apiBaseOverrides(env as unknown as Record<string, unknown>, {
    allowLoopback: env.ALLOW_LOOPBACK_URLS === 'true',
  });
  if (config.smsProvider === 'twilio') {
    return twilioSender({
      accountSid: env.TWILIO_ACCOUNT_SID ?? '',
      authToken: env.TWILIO_AUTH_TOKEN ?? '',
      apiBase: bases.twilio,
    });
  }
  return null;
}
