import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { card, pay, VISA_OK } from './client-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';

type Attempt = { gateway: string; outcome: string; error_code: string | null; account_id: string | null };

async function merchantWith(
  accounts: Array<Record<string, unknown>>,
): Promise<Merchant & { accountIds: string[] }> {
  const m = await newMerchant({ name: 'Roteador', country: 'BRA' });
  const accountIds: string[] = [];
  for (const a of accounts) {
    const res = await api('/api/v1/gateways', m.secret_keys.test, { body: { gateway: 'sandbox', ...a } });
    expect(res.status, await res.clone().text()).toBe(201);
    accountIds.push(((await res.json()) as { id: string }).id);
  }
  return { ...m, accountIds };
}

async function payByCard(m: Merchant, number = VISA_OK) {
  const s = await createSession(m.secret_keys.test, { payment_method: 'card' });
  const body = (await (await pay(s.token, { method: 'card', card: card(number) })).json()) as {
    status: string;
    payment: { id: string; status: string; failure_code: string | null };
  };
  const detail = (await (await api(`/api/v1/payments/${body.payment.id}`, m.secret_keys.test)).json()) as {
    gateway: string;
    attempts: Attempt[];
  };
  return { session: s, ...body, detail };
}

async function paidCount(sessionId: string) {
  const r = await env.DB.prepare(
    "SELECT count(*) AS n FROM payments WHERE session_id = ? AND status = 'paid'",
  )
    .bind(sessionId)
    .first<{ n: number }>();
  return r?.n;
}

describe('gateway routing with fallback', () => {
  it('falls back when the first gateway times out before being reached: one success, one charge', async () => {
    const m = await merchantWith([
      { name: 'primary', priority: 1, settings: { behaviour: 'connect_timeout' } },
      { name: 'backup', priority: 2 },
    ]);
    const r = await payByCard(m);
    expect(r.status).toBe('paid');
    expect(r.detail.attempts.map((a) => [a.account_id, a.outcome, a.error_code])).toEqual([
      [m.accountIds[0], 'retryable', 'gateway_timeout'],
      [m.accountIds[1], 'paid', null],
    ]);
    expect(await paidCount(r.session.token)).toBe(1);
  });

  it('does not try elsewhere after a hard decline', async () => {
    const m = await merchantWith([
      { name: 'strict', priority: 1, settings: { behaviour: 'hard_decline' } },
      { name: 'lenient', priority: 2 },
    ]);
    const r = await payByCard(m);
    expect(r.status).toBe('open');
    expect(r.payment).toMatchObject({ status: 'denied', failure_code: 'card_declined' });
    expect(r.detail.attempts.map((a) => a.outcome)).toEqual(['hard_decline']);
  });

  it('does not try elsewhere after a card decline (a result, not a failure)', async () => {
    const m = await merchantWith([
      { name: 'a', priority: 1 },
      { name: 'b', priority: 2 },
    ]);
    const r = await payByCard(m, '4000000000000002');
    expect(r.detail.attempts.map((a) => a.outcome)).toEqual(['denied']);
  });

  it('resolves an ambiguous timeout by asking the gateway: taken there, so nobody else is tried', async () => {
    const m = await merchantWith([
      { name: 'slowpoke', priority: 1, settings: { behaviour: 'timeout', status_after_timeout: 'paid' } },
      { name: 'backup', priority: 2 },
    ]);
    const r = await payByCard(m);
    expect(r.status).toBe('paid');
    expect(r.detail.attempts.map((a) => [a.account_id, a.outcome])).toEqual([
      [m.accountIds[0], 'ambiguous'],
      [m.accountIds[0], 'paid'],
    ]);
    expect(await paidCount(r.session.token)).toBe(1);
  });

  it('resolves an ambiguous timeout by asking the gateway: not there, so the next one takes it', async () => {
    const m = await merchantWith([
      {
        name: 'slowpoke',
        priority: 1,
        settings: { behaviour: 'timeout', status_after_timeout: 'not_found' },
      },
      { name: 'backup', priority: 2 },
    ]);
    const r = await payByCard(m);
    expect(r.status).toBe('paid');
    expect(r.detail.attempts.map((a) => [a.account_id, a.outcome])).toEqual([
      [m.accountIds[0], 'ambiguous'],
      [m.accountIds[0], 'retryable'],
      [m.accountIds[1], 'paid'],
    ]);
  });

  it('keeps an ambiguous attempt pending when the gateway cannot say, and refuses another attempt meanwhile', async () => {
    const m = await merchantWith([
      { name: 'slowpoke', priority: 1, settings: { behaviour: 'timeout', status_after_timeout: 'pending' } },
      { name: 'backup', priority: 2 },
    ]);
    const r = await payByCard(m);
    expect(r.payment.status).toBe('pending');
    expect(r.detail.attempts.map((a) => a.account_id)).toEqual([m.accountIds[0]]);
    const again = await pay(r.session.token, { method: 'card', card: card(VISA_OK) });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'payment_in_progress' });
  });

  it('opens the circuit after three consecutive failures, skips the account, and closes it after a good probe', async () => {
    const m = await merchantWith([
      { name: 'flaky', priority: 1, settings: { behaviour: 'fail' } },
      { name: 'steady', priority: 2 },
    ]);
    for (let i = 0; i < 3; i++) expect((await payByCard(m)).detail.attempts[0]?.outcome).toBe('retryable');
    const skipped = await payByCard(m);
    expect(skipped.status).toBe('paid');
    expect(skipped.detail.attempts.map((a) => [a.outcome, a.error_code])).toEqual([
      ['skipped_unhealthy', 'circuit_open'],
      ['paid', null],
    ]);
    const list = (await (await api('/api/v1/gateways', m.secret_keys.test)).json()) as {
      data: Array<{ name: string; health: { state: string } }>;
    };
    expect(list.data.find((a) => a.name === 'flaky')?.health.state).toBe('open');
    // The gateway recovers; once the open period has passed, the next payment probes it.
    await api(`/api/v1/gateways/${m.accountIds[0]}`, m.secret_keys.test, {
      method: 'PATCH',
      body: { settings: { behaviour: 'ok' } },
    });
    await env.DB.prepare('UPDATE gateway_accounts SET open_until = ? WHERE id = ?')
      .bind(Date.now() - 1, m.accountIds[0])
      .run();
    const probe = await payByCard(m);
    expect(probe.detail.attempts.map((a) => [a.account_id, a.outcome])).toEqual([[m.accountIds[0], 'paid']]);
    const after = (await (await api('/api/v1/gateways', m.secret_keys.test)).json()) as typeof list;
    expect(after.data.find((a) => a.name === 'flaky')?.health.state).toBe('closed');
  });

  it('puts the gateway that took the payment in its webhook as provider', async () => {
    const m = await merchantWith([{ name: 'only', priority: 1 }]);
    const r = await payByCard(m);
    expect(r.detail.gateway).toBe('sandbox');
    const row = await env.DB.prepare(
      "SELECT data FROM events WHERE payment_id = ? AND type = 'payment.success'",
    )
      .bind(r.payment.id)
      .first<{ data: string }>();
    expect(JSON.parse(row?.data ?? '{}')).toMatchObject({ provider: 'sandbox' });
  });
});

describe('gateway accounts API', () => {
  it('refuses to enable a gateway without a connector with a clear 422', async () => {
    const m = await newMerchant({ name: 'Sem conector' });
    const res = await api('/api/v1/gateways', m.secret_keys.test, {
      body: { gateway: 'safe2pay', credentials: { api_key: 'x' } },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: 'gateway_unavailable', errors: [{ field: 'gateway' }] });
  });

  it('never returns credentials, lists the catalog, and scopes accounts by merchant and mode', async () => {
    const m = await merchantWith([{ name: 'mine' }]);
    const list = await (await api('/api/v1/gateways', m.secret_keys.test)).text();
    expect(list).toContain('"gateway":"safe2pay","available":false');
    expect(list).not.toContain('credentials_sealed');
    const live = (await (await api('/api/v1/gateways', m.secret_keys.live)).json()) as { data: unknown[] };
    expect(live.data).toEqual([]);
    const other = await newMerchant({ name: 'Outro' });
    expect(
      (
        await api(`/api/v1/gateways/${m.accountIds[0]}`, other.secret_keys.test, {
          method: 'PATCH',
          body: { priority: 1 },
        })
      ).status,
    ).toBe(404);
    const dup = await api('/api/v1/gateways', m.secret_keys.test, {
      body: { gateway: 'sandbox', name: 'mine' },
    });
    expect(dup.status).toBe(409);
  });

  it('uses the merchant live accounts in live mode, so a live sandbox-less merchant still gets 503', async () => {
    const m = await newMerchant({ name: 'Ao vivo' });
    const s = await createSession(m.secret_keys.live, { payment_method: 'card' });
    expect((await pay(s.token, { method: 'card', card: card(VISA_OK) })).status).toBe(503);
  });
});
