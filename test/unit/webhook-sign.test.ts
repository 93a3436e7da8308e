import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signatureHeaders, standardWebhookSignature } from '../../src/webhooks/sign';

// The Standard Webhooks test vector, reproduced by every reference library (and by Svix's, whence it came).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
  // From Node, exactly as the JSDoc tells merchants:
  // createHmac('sha256', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw').update('{"test": 2432232314}').digest('hex')
  xSignature: '80ec8a89ce3cd22133a1066caecb4d04fea7467657c8514d717ec42c38a5c94c',
};

// Shaped like the secrets src/services/merchants.ts issues: whsec_ + base64 of 32 bytes.
const NEW_SECRET = `whsec_${btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i)))}`;
const OLD_SECRET = `whsec_${btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 255 - i)))}`;
const OTHER_SECRET = `whsec_${btoa('an unrelated merchant secret!!!!')}`;

const ID = 'evt_01JZ0000000000000000000000';
// Non-ASCII on purpose: both sides must sign the UTF-8 bytes, not UTF-16 code units or Latin-1.
const BODY = JSON.stringify({
  id: ID,
  type: 'payment.success',
  amount: 15000,
  city: 'São Paulo',
  note: '✓ 🎉',
});

/** The library rejects timestamps more than 5 min from its own clock, so sign with the current one. */
function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Independent of src/: Web Crypto HMAC keyed with the secret's UTF-8 text, rendered as lower-case hex. */
async function independentHexHmac(secret: string, body: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(body)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('standardWebhookSignature', () => {
  it('reproduces the published Standard Webhooks vector', async () => {
    expect(await standardWebhookSignature(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(
      VECTOR.signature,
    );
  });

  it('agrees with the standardwebhooks package on the vector, so the vector is the one it implements', () => {
    const lib = new Webhook(VECTOR.secret).sign(VECTOR.id, new Date(VECTOR.timestamp * 1000), VECTOR.body);
    expect(lib).toBe(VECTOR.signature);
  });

  it('agrees with the package for a non-ASCII body', async () => {
    const ts = nowSeconds();
    const ours = await standardWebhookSignature(NEW_SECRET, ID, ts, BODY);
    expect(ours).toBe(new Webhook(NEW_SECRET).sign(ID, new Date(ts * 1000), BODY));
  });

  it('keys each secret separately even with the key cache warm', async () => {
    const ts = nowSeconds();
    const a1 = await standardWebhookSignature(NEW_SECRET, ID, ts, BODY);
    const b = await standardWebhookSignature(OLD_SECRET, ID, ts, BODY);
    const a2 = await standardWebhookSignature(NEW_SECRET, ID, ts, BODY);
    expect(b).not.toBe(a1);
    expect(a2).toBe(a1);
    expect(b).toBe(new Webhook(OLD_SECRET).sign(ID, new Date(ts * 1000), BODY));
  });

  it.each([
    ['no whsec_ prefix', 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', /start with whsec_/],
    ['not base64', 'whsec_not*base64!', /not valid base64/],
    ['empty key', 'whsec_', /empty/],
  ])('rejects a secret with %s', async (_label, secret, message) => {
    await expect(standardWebhookSignature(secret, ID, 1, BODY)).rejects.toThrow(message);
  });

  it.each(['sk_live_do_not_log_me', 'whsec_do*not*log*me'])(
    'keeps secret %s out of the error',
    async (secret) => {
      const err = await standardWebhookSignature(secret, ID, 1, BODY).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).not.toMatch(/do.not.log/);
    },
  );

  it.each([1.5, -1, Number.NaN, 1_700_000_000_000.5])('rejects timestamp %s', async (ts) => {
    await expect(standardWebhookSignature(NEW_SECRET, ID, ts, BODY)).rejects.toThrow(/whole seconds/);
  });
});

describe('signatureHeaders verified by the standardwebhooks package', () => {
  it('emits exactly the four headers, with the id and the timestamp in seconds', async () => {
    const ts = nowSeconds();
    const h = await signatureHeaders({ secrets: [NEW_SECRET], id: ID, timestampSeconds: ts, body: BODY });
    expect(Object.keys(h).sort()).toEqual([
      'webhook-id',
      'webhook-signature',
      'webhook-timestamp',
      'x-signature',
    ]);
    expect(h['webhook-id']).toBe(ID);
    expect(h['webhook-timestamp']).toBe(String(ts));
    expect(h['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it('verifies with the secret and yields the parsed body', async () => {
    const h = await signatureHeaders({
      secrets: [NEW_SECRET],
      id: ID,
      timestampSeconds: nowSeconds(),
      body: BODY,
    });
    expect(new Webhook(NEW_SECRET).verify(BODY, h)).toEqual(JSON.parse(BODY));
  });

  it('verifies with the bare base64 secret too (the package strips whsec_ itself)', async () => {
    const h = await signatureHeaders({
      secrets: [NEW_SECRET],
      id: ID,
      timestampSeconds: nowSeconds(),
      body: BODY,
    });
    expect(new Webhook(NEW_SECRET.slice('whsec_'.length)).verify(BODY, h)).toEqual(JSON.parse(BODY));
  });

  it('rejects a tampered body', async () => {
    const h = await signatureHeaders({
      secrets: [NEW_SECRET],
      id: ID,
      timestampSeconds: nowSeconds(),
      body: BODY,
    });
    const tampered = BODY.replace('15000', '15001');
    expect(tampered).not.toBe(BODY);
    expect(() => new Webhook(NEW_SECRET).verify(tampered, h)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(NEW_SECRET).verify(tampered, h)).toThrow('No matching signature found');
  });

  it('rejects a body re-serialised with different whitespace', async () => {
    const h = await signatureHeaders({
      secrets: [NEW_SECRET],
      id: ID,
      timestampSeconds: nowSeconds(),
      body: BODY,
    });
    const reformatted = JSON.stringify(JSON.parse(BODY), null, 2);
    expect(() => new Webhook(NEW_SECRET).verify(reformatted, h)).toThrow('No matching signature found');
  });

  it('rejects a tampered id or timestamp header', async () => {
    const ts = nowSeconds();
    const h = await signatureHeaders({ secrets: [NEW_SECRET], id: ID, timestampSeconds: ts, body: BODY });
    const wh = new Webhook(NEW_SECRET);
    expect(() => wh.verify(BODY, { ...h, 'webhook-id': `${ID}x` })).toThrow('No matching signature found');
    expect(() => wh.verify(BODY, { ...h, 'webhook-timestamp': String(ts - 1) })).toThrow(
      'No matching signature found',
    );
  });

  it('rejects the wrong secret', async () => {
    const h = await signatureHeaders({
      secrets: [NEW_SECRET],
      id: ID,
      timestampSeconds: nowSeconds(),
      body: BODY,
    });
    expect(() => new Webhook(OTHER_SECRET).verify(BODY, h)).toThrow('No matching signature found');
  });

  it('signs with the timestamp given, which receivers check for staleness', async () => {
    const h = await signatureHeaders({
      secrets: [NEW_SECRET],
      id: ID,
      timestampSeconds: nowSeconds() - 3600,
      body: BODY,
    });
    expect(() => new Webhook(NEW_SECRET).verify(BODY, h)).toThrow('Message timestamp too old');
  });

  describe('during a secret roll', () => {
    async function rolled() {
      const ts = nowSeconds();
      const h = await signatureHeaders({
        secrets: [NEW_SECRET, OLD_SECRET],
        id: ID,
        timestampSeconds: ts,
        body: BODY,
      });
      return { ts, h, parts: (h['webhook-signature'] ?? '').split(' ') };
    }

    it('sends two signatures separated by a single space, the new secret first', async () => {
      const { ts, h, parts } = await rolled();
      expect(h['webhook-signature']).not.toMatch(/\s{2}|^\s|\s$/);
      expect(parts).toEqual([
        new Webhook(NEW_SECRET).sign(ID, new Date(ts * 1000), BODY),
        new Webhook(OLD_SECRET).sign(ID, new Date(ts * 1000), BODY),
      ]);
    });

    it('verifies for a receiver holding either secret', async () => {
      const { h } = await rolled();
      expect(new Webhook(NEW_SECRET).verify(BODY, h)).toEqual(JSON.parse(BODY));
      expect(new Webhook(OLD_SECRET).verify(BODY, h)).toEqual(JSON.parse(BODY));
    });

    it('verifies for the old secret only because of the second signature', async () => {
      const { h, parts } = await rolled();
      const onlyNew = { ...h, 'webhook-signature': parts[0] ?? '' };
      expect(() => new Webhook(OLD_SECRET).verify(BODY, onlyNew)).toThrow('No matching signature found');
      expect(new Webhook(NEW_SECRET).verify(BODY, onlyNew)).toEqual(JSON.parse(BODY));
    });

    it('still rejects a third secret and a tampered body', async () => {
      const { h } = await rolled();
      expect(() => new Webhook(OTHER_SECRET).verify(BODY, h)).toThrow('No matching signature found');
      expect(() => new Webhook(OLD_SECRET).verify(`${BODY} `, h)).toThrow('No matching signature found');
    });

    it('keys x-signature with the current (first) secret, not the old one', async () => {
      const { h } = await rolled();
      expect(h['x-signature']).toBe(await independentHexHmac(NEW_SECRET, BODY));
      expect(h['x-signature']).not.toBe(await independentHexHmac(OLD_SECRET, BODY));
    });
  });

  it('refuses an empty secret list', async () => {
    await expect(
      signatureHeaders({ secrets: [], id: ID, timestampSeconds: nowSeconds(), body: BODY }),
    ).rejects.toThrow(/at least one/);
  });
});

describe('x-signature', () => {
  it('matches the Node createHmac recipe from the JSDoc on the vector', async () => {
    const h = await signatureHeaders({
      secrets: [VECTOR.secret],
      id: VECTOR.id,
      timestampSeconds: VECTOR.timestamp,
      body: VECTOR.body,
    });
    expect(h['x-signature']).toBe(VECTOR.xSignature);
    expect(h['webhook-signature']).toBe(VECTOR.signature);
  });

  it('is the hex HMAC of the UTF-8 body keyed with the full whsec_ text', async () => {
    const h = await signatureHeaders({
      secrets: [NEW_SECRET],
      id: ID,
      timestampSeconds: nowSeconds(),
      body: BODY,
    });
    expect(h['x-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(h['x-signature']).toBe(await independentHexHmac(NEW_SECRET, BODY));
    // Not keyed with the decoded bytes or the bare base64: merchants pass the string they were shown.
    expect(h['x-signature']).not.toBe(await independentHexHmac(NEW_SECRET.slice('whsec_'.length), BODY));
  });

  it('covers the body only, so it is unchanged by id and timestamp', async () => {
    const a = await signatureHeaders({ secrets: [NEW_SECRET], id: 'a', timestampSeconds: 1, body: BODY });
    const b = await signatureHeaders({ secrets: [NEW_SECRET], id: 'b', timestampSeconds: 2, body: BODY });
    const c = await signatureHeaders({
      secrets: [NEW_SECRET],
      id: 'a',
      timestampSeconds: 1,
      body: `${BODY} `,
    });
    expect(b['x-signature']).toBe(a['x-signature']);
    expect(c['x-signature']).not.toBe(a['x-signature']);
  });
});
