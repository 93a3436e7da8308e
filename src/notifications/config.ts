import type { Ports } from '../platform/ports';
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
export function notifyConfig(platform: Pick<Ports, 'config'>): NotifyConfig {
  const vars = platform.config.notify;
  const reminder = Number(vars.reminderBeforeSeconds ?? '');
  return {
    emailProvider: pick(vars.emailProvider, EMAIL_PROVIDERS, 'none'),
    smsProvider: pick(vars.smsProvider, SMS_PROVIDERS, 'none'),
    emailFrom: vars.emailFrom || 'Borda <no-reply@borda.invalid>',
    smsFrom: vars.smsFrom || '',
    retrySchedule: parseSchedule(vars.retrySchedule || DEFAULT_NOTIFY_SCHEDULE),
    reminderBeforeMs:
      vars.reminderBeforeSeconds && Number.isSafeInteger(reminder) && reminder >= 0
        ? reminder * 1000
        : DEFAULT_REMINDER_BEFORE_SECONDS * 1000,
  };
}

/** The adapter for a channel, or null when the channel is off or kept in the dev mailbox. */
export function emailSender(
  platform: Pick<Ports, 'config' | 'email'>,
  config: NotifyConfig,
): EmailSender | null {
  if (config.emailProvider === 'cloudflare') return cloudflareEmailSender(platform.email);
  if (config.emailProvider === 'resend')
    return resendSender({
      apiKey: platform.config.notify.resendApiKey ?? '',
      apiBase: platform.config.apiBases.resend,
    });
  return null;
}

export function smsSender(platform: Pick<Ports, 'config'>, config: NotifyConfig): SmsSender | null {
  if (config.smsProvider === 'twilio') {
    return twilioSender({
      accountSid: platform.config.notify.twilioAccountSid ?? '',
      authToken: platform.config.notify.twilioAuthToken ?? '',
      apiBase: platform.config.apiBases.twilio,
    });
  }
  return null;
}
