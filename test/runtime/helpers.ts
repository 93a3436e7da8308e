import { exports } from 'cloudflare:workers';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const BASE = 'https://borda.test';

export type Merchant = {
  merchant_id: string;
  secret_keys: { test: string; live: string };
  public_keys: { test: string; live: string };
  webhook_secrets: { test: string; live: string };
};

/** Calls the Worker's own fetch handler, as a client on the network would. */
export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

export function api(
  path: string,
  key: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { 'x-api-key': key, ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  return call(path, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
}

export async function newMerchant(
  body: Record<string, unknown> = { name: 'Loja Teste', country: 'BRA' },
): Promise<Merchant> {
  const res = await call('/admin/v1/merchants', {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`merchant create failed: ${res.status} ${await res.text()}`);
  return res.json();
}

let orderSeq = 0;
/** Seed 001's example request, with a unique order id per call. */
export function sessionBody(overrides: Record<string, unknown> = {}) {
  orderSeq += 1;
  return {
    amount: 15000,
    currency: 'BRL',
    merchant_order_id: `ORD-${Date.now()}-${orderSeq}`,
    payment_method: 'card',
    gateway_first_try: 'pagarme',
    expires_in: 1800,
    metadata: {},
    success_url: 'https://mystore.com/order/success',
    cancel_url: 'https://mystore.com/order/failed',
    ...overrides,
  };
}

export async function createSession(key: string, overrides: Record<string, unknown> = {}) {
  const res = await api('/api/v1/checkout/sessions', key, { body: sessionBody(overrides) });
  if (res.status !== 201) throw new Error(`session create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown> & { token: string; id: string };
}
