import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession, newMerchant } from './helpers';
import { attemptsOf, consume, deliveries, insertEvent } from './webhook-helpers';

/** Webhook URLs are checked again when sent, with today's settings (here ALLOW_LOOPBACK_URLS=false). */
const original = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = original;
});

describe('a webhook URL stored while loopback was allowed', () => {
  it.each(['http://127.0.0.1:9/hooks', 'http://localhost:9/hooks'])(
    '%s is never called once loopback is off: the delivery fails with the reason recorded',
    async (url) => {
      const m = await newMerchant({ name: 'Dev', country: 'BRA' });
      const s = await createSession(m.secret_keys.test);
      // As stored by PATCH /merchant on a development server that allowed loopback URLs.
      await env.DB.prepare(
        "UPDATE merchant_mode_settings SET notification_url = ? WHERE merchant_id = ? AND mode = 'test'",
      )
        .bind(url, m.merchant_id)
        .run();
      const called: string[] = [];
      globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        called.push(new Request(input, init).url);
        return new Response('ok');
      }) as typeof fetch;
      const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId: s.token });
      const result = await consume(eventId);
      expect(called).toEqual([]);
      expect(result.explicitAcks).toEqual([`msg-${eventId}`]);
      const [d] = await deliveries(eventId);
      expect(d).toMatchObject({ url, status: 'failed', attempts: 1 });
      expect(await attemptsOf(d?.id ?? '')).toMatchObject([
        { status_code: null, error: expect.stringMatching(/^url refused: /) },
      ]);
    },
  );
});
