import { toBase64 } from '../../lib/crypto';
import { httpFailure, networkFailure, type OutgoingSms, PROVIDER_TIMEOUT_MS, type SmsSender } from './types';

/**
 * Twilio's Programmable Messaging API, from its public documentation:
 * - https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource :
 *   `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded `To` (E.164), `From` and
 *   `Body`; answers 201 with the Message resource, whose `sid` (SM...) names it.
 * - https://www.twilio.com/docs/usage/your-request-to-twilio : HTTP basic auth with the Account SID
 *   and Auth Token.
 * Twilio has no idempotency key for this call; Borda's lease on the notification row is what keeps a
 * message from being sent twice.
 */
export const TWILIO_API_BASE = 'https://api.twilio.com';

export function twilioSender(opts: { accountSid: string; authToken: string; apiBase?: string }): SmsSender {
  const base = opts.apiBase ?? TWILIO_API_BASE;
  const auth = toBase64(new TextEncoder().encode(`${opts.accountSid}:${opts.authToken}`));
  return {
    name: 'twilio',
    async send(sms: OutgoingSms) {
      try {
        const res = await fetch(
          `${base}/2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}/Messages.json`,
          {
            method: 'POST',
            headers: {
              authorization: `Basic ${auth}`,
              'content-type': 'application/x-www-form-urlencoded',
              'user-agent': 'Borda-Notifications/1',
            },
            body: new URLSearchParams({ To: sms.to, From: sms.from, Body: sms.body }).toString(),
            redirect: 'manual',
            signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
          },
        );
        const body = await res.text();
        if (res.status < 200 || res.status > 299)
          return httpFailure(res.status, body, res.headers.get('retry-after'));
        let sid: unknown;
        try {
          sid = (JSON.parse(body) as { sid?: unknown }).sid;
        } catch {
          sid = undefined;
        }
        if (typeof sid !== 'string' || sid === '')
          return { ok: false, retryable: false, error: 'answer without a sid', retryAfterMs: null };
        return { ok: true, messageId: sid };
      } catch (err) {
        return networkFailure(err);
      }
    },
  };
}
