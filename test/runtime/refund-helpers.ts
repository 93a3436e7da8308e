import { card, pay, VISA_OK } from './client-helpers';
import { api, createSession, type Merchant } from './helpers';

// biome-ignore lint/suspicious/noExplicitAny: the tests read API objects as plain JSON.
export type Json = any;

/** A session of `method` paid through the sandbox (asynchronous methods settled by simulation). */
export async function paidPayment(m: Merchant, method: string, overrides: Record<string, unknown> = {}) {
  const key = m.secret_keys.test;
  const s = await createSession(key, { payment_method: method, ...overrides });
  const res = await pay(s.token, method === 'card' ? { method, card: card(VISA_OK) } : { method });
  const body = (await res.json()) as Json;
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`pay failed: ${res.status} ${JSON.stringify(body)}`);
  const paymentId = body.payment.id as string;
  if (method !== 'card') {
    const sim = await api(`/api/v1/test/payments/${paymentId}/simulate`, key, { body: { outcome: 'paid' } });
    if (sim.status !== 200) throw new Error(`simulate failed: ${sim.status} ${await sim.text()}`);
  }
  return { session: s, paymentId };
}

export async function refund(
  m: Merchant,
  paymentId: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await api(`/api/v1/payments/${paymentId}/refunds`, m.secret_keys.test, {
    method: 'POST',
    body,
    headers,
  });
  return { status: res.status, body: (await res.json()) as Json };
}

export async function getJson(m: Merchant, path: string) {
  const res = await api(path, m.secret_keys.test);
  return (await res.json()) as Json;
}

export async function eventTypes(m: Merchant, sessionId: string): Promise<string[]> {
  const page = await getJson(m, `/api/v1/events?session=${sessionId}&limit=100`);
  return (page.data as Array<{ type: string }>).map((e) => e.type).reverse();
}
