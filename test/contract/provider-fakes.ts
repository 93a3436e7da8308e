import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';

export type ProviderHit = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
  /** The body it answered with. */
  answer: string;
};

/**
 * Resend and Twilio on loopback, answering as their public documentation shows:
 * - Resend `POST /emails` (https://resend.com/docs/api-reference/emails/send-email): Bearer key,
 *   JSON `{from, to: [...], subject, html, text}`, 200 `{"id": "<uuid>"}`; the same `Idempotency-Key`
 *   again answers the first id without sending (https://resend.com/docs/dashboard/emails/idempotency-keys).
 * - Twilio `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`
 *   (https://www.twilio.com/docs/messaging/api/message-resource): basic auth SID:token, form `To`,
 *   `From`, `Body`, 201 with the Message resource (`sid` SM + 32 hex, `status` "queued").
 * `failFirst` e-mails per idempotency key are answered 500 first, so retries can be watched.
 */
export async function startProviderFakes(opts: {
  resendKey: string;
  twilioSid: string;
  twilioToken: string;
  failFirst?: number;
}) {
  const hits: ProviderHit[] = [];
  const sent = new Map<string, string>();
  const tries = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const answer = (status: number, json: unknown) => {
        const text = JSON.stringify(json);
        hits.push({
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body,
          status,
          answer: text,
        });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(text);
      };
      if (req.method === 'POST' && req.url === '/emails') {
        if (req.headers.authorization !== `Bearer ${opts.resendKey}`)
          return answer(401, { name: 'missing_api_key' });
        const email = JSON.parse(body) as {
          from?: string;
          to?: string[];
          subject?: string;
          html?: string;
          text?: string;
        };
        if (!email.from || !Array.isArray(email.to) || !email.subject || !(email.html || email.text)) {
          return answer(422, { name: 'validation_error' });
        }
        const key = String(req.headers['idempotency-key'] ?? randomUUID());
        const known = sent.get(key);
        if (known) return answer(200, { id: known });
        const n = (tries.get(key) ?? 0) + 1;
        tries.set(key, n);
        if (n <= (opts.failFirst ?? 0)) return answer(500, { name: 'internal_server_error' });
        const id = randomUUID();
        sent.set(key, id);
        return answer(200, { id });
      }
      const twilio = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/.exec(req.url ?? '');
      if (req.method === 'POST' && twilio) {
        const basic = `Basic ${Buffer.from(`${opts.twilioSid}:${opts.twilioToken}`).toString('base64')}`;
        if (twilio[1] !== opts.twilioSid || req.headers.authorization !== basic)
          return answer(401, { code: 20003 });
        const form = new URLSearchParams(body);
        if (!form.get('To') || !form.get('From') || !form.get('Body')) return answer(400, { code: 21604 });
        return answer(201, {
          sid: `SM${randomUUID().replace(/-/g, '')}`,
          account_sid: opts.twilioSid,
          to: form.get('To'),
          from: form.get('From'),
          body: form.get('Body'),
          status: 'queued',
          direction: 'outbound-api',
          api_version: '2010-04-01',
        });
      }
      return answer(404, { message: 'not found' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    emails: () => hits.filter((h) => h.path === '/emails'),
    sms: () => hits.filter((h) => h.path.endsWith('/Messages.json')),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
