import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, api, call, type Merchant, newMerchant, sessionBody } from './helpers';

/** POST /admin/v1/merchants: operator auth, the keys it hands out, how it stores them, validation. */

const MERCHANTS = '/admin/v1/merchants';

type Row = Record<string, unknown>;
type Problem = { code: string; errors?: { field: string; code: string }[] };

function postMerchant(body: string, headers: Record<string, string> = {}) {
  return call(MERCHANTS, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...headers },
    body,
  });
}

/** Asserts an RFC 9457 problem with `status` and `code`, and returns it. */
async function expectProblem(res: Response, status: number, code: string): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const problem = JSON.parse(text) as Problem;
  expect(problem.code).toBe(code);
  return problem;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function rows(sql: string, ...params: unknown[]): Promise<Row[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...params)
      .all<Row>()
  ).results;
}

/** Every column value of every row, as text, to search for secrets. */
const cellsOf = (table: Row[]) => table.flatMap((row) => Object.values(row).map((v) => String(v)));

describe('creating a merchant', () => {
  it('returns 201 with ids and freshly generated keys', async () => {
    const res = await postMerchant(JSON.stringify({ name: 'Loja Nova', country: 'BRA' }));
    expect(res.status).toBe(201);
    const m = (await res.json()) as Merchant & Row;
    expect(m).toMatchObject({ name: 'Loja Nova', country: 'BRA', notification_url: null });
    expect(m.merchant_id).toEqual(expect.any(String));
    expect(m.merchant_id.length).toBeGreaterThan(0);
    expect(m.secret_keys.test).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
    expect(m.secret_keys.live).toMatch(/^sk_live_[0-9A-Za-z]{32}$/);
    expect(m.public_keys.test).toMatch(/^pk_test_[0-9A-Za-z]{32}$/);
    expect(m.public_keys.live).toMatch(/^pk_live_[0-9A-Za-z]{32}$/);
    expect(m.webhook_secrets.test).toMatch(/^whsec_.{20,}$/);
    expect(m.webhook_secrets.live).toMatch(/^whsec_.{20,}$/);
    // Stripe-style separate worlds: knowing the test secret tells nothing about live signatures.
    expect(m.webhook_secrets.live).not.toBe(m.webhook_secrets.test);
  });

  it('gives two merchants different ids and keys', async () => {
    const [a, b] = await Promise.all([newMerchant(), newMerchant()]);
    const secrets = (m: Merchant) => [
      m.merchant_id,
      m.secret_keys.test,
      m.secret_keys.live,
      m.public_keys.test,
      m.public_keys.live,
      m.webhook_secrets.test,
      m.webhook_secrets.live,
    ];
    const all = [...secrets(a), ...secrets(b)];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('operator authentication', () => {
  const body = JSON.stringify({ name: 'Loja' });

  const json = { 'content-type': 'application/json' };

  it.each([
    { name: 'no Authorization header', headers: json },
    { name: 'a wrong token', headers: { ...json, authorization: 'Bearer not-the-admin-token' } },
    { name: 'the token without Bearer', headers: { ...json, authorization: `Basic ${ADMIN_TOKEN}` } },
    { name: 'a merchant-style X-API-Key', headers: { ...json, 'x-api-key': 'sk_test_x' } },
  ])('refuses $name with 401', async ({ headers }) => {
    const res = await call(MERCHANTS, { method: 'POST', headers, body });
    await expectProblem(res, 401, 'authentication_required');
  });

  it("refuses a merchant's own secret key", async () => {
    const m = await newMerchant();
    const res = await postMerchant(body, { authorization: `Bearer ${m.secret_keys.test}` });
    await expectProblem(res, 401, 'authentication_required');
  });
});

describe('storage of secrets', () => {
  it('keeps only a hash and a short prefix of each secret key', async () => {
    const m = await newMerchant();
    const keyRows = await rows('SELECT * FROM api_keys WHERE merchant_id = ?', m.merchant_id);
    expect(keyRows).toHaveLength(4);
    const cells = cellsOf(await rows('SELECT * FROM api_keys'));

    for (const [mode, key] of Object.entries(m.secret_keys)) {
      expect(cells.filter((c) => c.includes(key))).toEqual([]);
      expect(cells.filter((c) => c.includes(key.slice(8)))).toEqual([]); // nor its random part
      const row = keyRows.find((r) => r.kind === 'secret' && r.mode === mode);
      expect(row?.hash).toBe(await sha256Hex(key));
      const prefix = String(row?.prefix);
      expect(key.startsWith(prefix)).toBe(true);
      expect(prefix.length).toBeGreaterThan(0);
      expect(prefix.length).toBeLessThanOrEqual(12);
    }
  });

  it('does not keep the webhook secrets in clear in the merchant or its per-mode settings', async () => {
    const m = await newMerchant();
    const found = [
      ...(await rows('SELECT * FROM merchants WHERE id = ?', m.merchant_id)),
      ...(await rows('SELECT * FROM merchant_mode_settings WHERE merchant_id = ?', m.merchant_id)),
    ];
    expect(found).toHaveLength(3);
    const cells = cellsOf(found as Row[]);
    for (const secret of Object.values(m.webhook_secrets)) {
      const bare = secret.slice('whsec_'.length);
      expect(cells.filter((c) => c.includes(secret) || c.includes(bare))).toEqual([]);
    }
    // Nor any secret key.
    const keys = Object.values(m.secret_keys);
    expect(cells.filter((c) => keys.some((k) => c.includes(k)))).toEqual([]);
  });
});

describe('validation', () => {
  it.each([
    { name: 'an empty name', body: { name: '' }, field: 'name', code: 'too_small' },
    { name: 'a blank name', body: { name: '   ' }, field: 'name', code: 'too_small' },
    { name: 'a 101-character name', body: { name: 'n'.repeat(101) }, field: 'name', code: 'too_big' },
    { name: 'no name', body: { country: 'BRA' }, field: 'name', code: 'required' },
    { name: 'country "BR"', body: { name: 'Loja', country: 'BR' }, field: 'country', code: 'invalid_value' },
    {
      name: 'an http notification_url',
      body: { name: 'Loja', notification_url: 'http://example.com' },
      field: 'notification_url',
      code: 'https_required',
    },
    {
      name: 'a private notification_url',
      body: { name: 'Loja', notification_url: 'https://10.0.0.1/hooks' },
      field: 'notification_url',
      code: 'host_not_allowed',
    },
    { name: 'an unknown field', body: { name: 'Loja', plan: 'gold' }, field: 'plan', code: 'unknown_field' },
  ])('refuses $name', async ({ body, field, code }) => {
    const problem = await expectProblem(await postMerchant(JSON.stringify(body)), 422, 'validation_failed');
    expect(problem.errors).toContainEqual(expect.objectContaining({ field, code }));
  });

  it.each([
    { name: 'a 100-character name', body: { name: 'n'.repeat(100) } },
    { name: 'no country', body: { name: 'Loja' } },
    {
      name: 'a public https notification_url',
      body: { name: 'Loja', notification_url: 'https://hooks.loja.com/b' },
    },
  ])('accepts $name', async ({ body }) => {
    const res = await postMerchant(JSON.stringify(body));
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject(body);
  });

  it('refuses malformed JSON with 400 invalid_json', async () => {
    await expectProblem(await postMerchant('{"name": "Loja",'), 400, 'invalid_json');
  });

  it('checks the token before reading the body: anonymous text/plain is 401, not 415', async () => {
    const res = await postMerchant(JSON.stringify({ name: 'Loja' }), {
      'content-type': 'text/plain',
      authorization: '',
    });
    await expectProblem(res, 401, 'authentication_required');
  });

  it('refuses a text/plain body with 415 unsupported_media_type', async () => {
    const res = await postMerchant(JSON.stringify({ name: 'Loja' }), { 'content-type': 'text/plain' });
    await expectProblem(res, 415, 'unsupported_media_type');
  });
});

describe("a new merchant's keys", () => {
  it.each([
    { mode: 'test', livemode: false, prefix: 'cs_test_' },
    { mode: 'live', livemode: true, prefix: 'cs_live_' },
  ] as const)('the $mode secret key creates a session', async ({ mode, livemode, prefix }) => {
    const m = await newMerchant();
    const res = await api('/api/v1/checkout/sessions', m.secret_keys[mode], { body: sessionBody() });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    const session = JSON.parse(text) as { livemode: boolean; token: string };
    expect(session.livemode).toBe(livemode);
    expect(session.token.startsWith(prefix)).toBe(true);
  });
});
