import {
  type EmailSender,
  httpFailure,
  networkFailure,
  type OutgoingEmail,
  PROVIDER_TIMEOUT_MS,
} from './types';

/**
 * Resend's e-mail API, from its public documentation:
 * - https://resend.com/docs/api-reference/emails/send-email : `POST /emails` with
 *   `Authorization: Bearer re_...`, JSON `{from, to: [..], subject, html, text}`, answers `{ "id": "..." }`.
 * - https://resend.com/docs/dashboard/emails/idempotency-keys : the `Idempotency-Key` header (up to 256
 *   characters, kept 24 h) makes a retried request return the first answer without sending again; a
 *   request still in flight with the same key answers 409, which is retried.
 */
export const RESEND_API_BASE = 'https://api.resend.com';

export function resendSender(opts: { apiKey: string; apiBase?: string }): EmailSender {
  const base = opts.apiBase ?? RESEND_API_BASE;
  return {
    name: 'resend',
    async send(email: OutgoingEmail) {
      try {
        const res = await fetch(`${base}/emails`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${opts.apiKey}`,
            'content-type': 'application/json',
            'idempotency-key': email.idempotencyKey,
            'user-agent': 'Borda-Notifications/1',
          },
          body: JSON.stringify({
            from: email.from,
            to: [email.to],
            subject: email.subject,
            html: email.html,
            text: email.text,
          }),
          redirect: 'manual',
          signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
        });
        const body = await res.text();
        if (res.status < 200 || res.status > 299)
          return httpFailure(res.status, body, res.headers.get('retry-after'));
        const id = parseId(body);
        if (!id) return { ok: false, retryable: false, error: 'answer without an id', retryAfterMs: null };
        return { ok: true, messageId: id };
      } catch (err) {
        return networkFailure(err);
      }
    },
  };
}

function parseId(body: string): string | null {
  try {
    const json = JSON.parse(body) as { id?: unknown };
    return typeof json.id === 'string' && json.id !== '' ? json.id : null;
  } catch {
    return null;
  }
}
