import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { api, call } from './helpers';

export type NotificationView = {
  id: string;
  kind: string;
  channel: string;
  recipient: string;
  locale: string;
  status: string;
  provider: string | null;
  provider_message_id: string | null;
  attempts: number;
  last_error: string | null;
  subject: string | null;
  amount: number;
  event_id: string;
  next_attempt_at: string | null;
};

export type MailboxMessage = {
  id: string;
  channel: string;
  kind: string;
  checkout_session_id: string;
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
};

export async function notificationsOf(key: string, token: string): Promise<NotificationView[]> {
  const res = await api(`/api/v1/checkout/sessions/${token}/notifications`, key);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: NotificationView[] }).data;
}

/** Polls the session's notifications until `done` holds (the queues run on their own), with a deadline. */
export async function waitForNotifications(
  key: string,
  token: string,
  done: (list: NotificationView[]) => boolean,
  timeoutMs = 15_000,
): Promise<NotificationView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await notificationsOf(key, token);
    if (done(list)) return list;
    if (Date.now() > deadline) throw new Error(`notifications never settled: ${JSON.stringify(list)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function mailbox(to: string): Promise<MailboxMessage[]> {
  const res = await call(`/dev/mailbox/messages?to=${encodeURIComponent(to)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: MailboxMessage[] }).data;
}

export async function eventsOf(sessionId: string, type: string): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT id FROM events WHERE session_id = ? AND type = ?')
    .bind(sessionId, type)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}
