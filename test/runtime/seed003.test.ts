import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { api, BASE, type Merchant, newMerchant } from './helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
/** Every payment here notifies its callback (https://hooks.*): all are answered here, none leave the machine. */
let stub: ReturnType<typeof stubReceiver>;

/** The Worker reads the rate and fee from its env; the tests pin them as wrangler vars would. */
const vars = env as unknown as Record<string, string | undefined>;
beforeAll(async () => {
  stub = stubReceiver(() => new Response('OK'));
  vars.SEED003_USD_BRL_RATE = '5.4321';
  vars.SEED003_FEE_PERCENT = '2.5';
  m = await newMerchant({ name: 'Loja PIX', country: 'BRA' });
});
afterAll(() => {
  stub.restore();
  delete vars.SEED003_USD_BRL_RATE;
  delete vars.SEED003_FEE_PERCENT;
});

let seq = 0;
/**
 * Seed 003's request, built from the document's own field examples (document 12345678909, amount
 * 300.10). Its callback example, http://my-url-callback/, is no public https host, which Borda's
 * webhook rules refuse, so an https one stands in; transaction.id is unique per call.
 */
const docRequest = (patch: Record<string, unknown> = {}) => {
  seq += 1;
  return {
    customer_id: 'customer-42',
    name: 'João da Silva',
    email: 'joao.da.silva@example-store.com.br',
    document: '12345678909',
    amount: 300.1,
    currency: 'USD',
    payment_method: 'pix',
    callback: 'https://hooks.my-url-callback.com/seed003',
    transaction: { id: `8fecdfcc-4e4d-11ee-${Date.now()}-${seq}` },
    ...patch,
  };
};

const post = (body: unknown, key = m.secret_keys.test) => api('/v1/payment', key, { body });
/**
 * The same request to a Worker deployed with other vars: the Worker reads its vars once per env (they
 * are fixed for a deployment), so a test hands it an env of its own rather than changing the shared one.
 */
async function postUnder(vars: Record<string, string | undefined>, body: unknown, key = m.secret_keys.test) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${BASE}/v1/payment`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { ...env, ...vars } as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe('seed 003 dialect: POST /v1/payment', () => {
  it("answers a PIX request in the document's response shape, USD converted with the rate and fee", async () => {
    const res = await post(docRequest());
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(body).sort()).toEqual(['id', 'payment', 'pix', 'status', 'values']);
    expect(body).toMatchObject({ status: 'pending', payment: { method: 'pix' } });
    expect(String(body.id)).toMatch(/^pay_/);
    // 300.10 USD × 5.4321 = 1630.17321 -> 1630.17; 2.5 % fee = 40.754 -> 40.75; total 1670.92.
    expect(body.values).toEqual({ total: '1670.92', subtotal: '1630.17', exchange: '5.4321', fee: '40.75' });
    expect(Object.keys(body.pix ?? {}).sort()).toEqual(['beneficiary', 'qrcode', 'reference']);
    expect(String(body.pix?.qrcode)).toMatch(/^000201/);
    expect(body.pix?.reference).toBe(body.pix?.qrcode);
    expect(String(body.pix?.qrcode)).toContain('54071670.92'); // BR Code field 54 (length 07): the BRL total
    expect(body.pix?.beneficiary).toBe('Loja PIX');
  });

  it('rounds half up to the cent, once for the conversion and once for the fee', async () => {
    // 2.00 × 5.4325 = 10.865 -> 10.87; 2.5 % of 10.87 = 0.27175 -> 0.27.
    const res = await postUnder({ SEED003_USD_BRL_RATE: '5.4325' }, docRequest({ amount: '2.00' }));
    const body = (await res.json()) as { values: unknown };
    expect(body.values).toEqual({ total: '11.14', subtotal: '10.87', exchange: '5.4325', fee: '0.27' });
  });

  it('takes BRL without conversion (the fee still applies) and defaults currency to USD', async () => {
    const brl = (await (await post(docRequest({ amount: 100, currency: 'BRL' }))).json()) as {
      values: unknown;
    };
    expect(brl.values).toEqual({ total: '102.50', subtotal: '100.00', exchange: '1', fee: '2.50' });
    const { currency: _, ...noCurrency } = docRequest({ amount: 10 });
    const usd = (await (await post(noCurrency)).json()) as { values: { exchange: string } };
    expect(usd.values).toEqual({ total: '55.68', subtotal: '54.32', exchange: '5.4321', fee: '1.36' });
  });

  it('answers bank_transfer with the bank block', async () => {
    const res = await post(docRequest({ payment_method: 'bank_transfer' }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(body).sort()).toEqual(['bank', 'id', 'payment', 'status', 'values']);
    expect(body.payment).toEqual({ method: 'bank_transfer' });
    expect(Object.keys(body.bank ?? {}).sort()).toEqual([
      'account',
      'account_operation',
      'agency',
      'beneficiary',
      'code',
      'document',
      'name',
    ]);
    expect(['current account', 'saving account']).toContain(body.bank?.account_operation);
  });

  const long = (n: number) => 'x'.repeat(n);
  const cb = (n: number) => {
    const base = 'https://hooks.example.com/';
    return base + 'a'.repeat(n - base.length);
  };
  it.each([
    ['customer_id', { customer_id: '' }, { customer_id: long(255) }, long(256)],
    ['branch', { branch: '' }, { branch: long(255) }, long(256)],
    ['name', { name: 'Jo' }, { name: 'Joa' }, long(151)],
    ['email', { email: 'not-an-email' }, { email: 'a@b.co' }, `${long(250)}@b.com`],
    ['document', { document: '12345678900' }, { document: '12345678909' }, '11111111111'],
    ['amount', { amount: 1.99 }, { amount: 2 }, '2.001'],
    ['currency', { currency: 'EUR' }, { currency: 'BRL' }, 'usd'],
    ['payment_method', { payment_method: 'boleto' }, { payment_method: 'bank_transfer' }, 'card'],
    ['callback', { callback: '' }, { callback: cb(250) }, cb(251)],
  ])('bounds %s on both sides', async (field, below, inside, above) => {
    for (const bad of [below, { [field]: above }]) {
      const res = await post(docRequest(bad));
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ field }] });
    }
    expect((await post(docRequest(inside))).status).toBe(201);
  });

  it('bounds transaction.id (1-64 in Borda) and pix.expire_in (60-86400)', async () => {
    for (const [patch, field] of [
      [{ transaction: { id: '' } }, 'transaction.id'],
      [{ transaction: { id: long(65) } }, 'transaction.id'],
      [{ pix: { expire_in: 59 } }, 'pix.expire_in'],
      [{ pix: { expire_in: 86401 } }, 'pix.expire_in'],
      [{ callback: 'http://my-url-callback/' }, 'callback'],
      [{ amount: '123456789.00' }, 'amount'],
      [{ extra: 1 }, 'extra'],
    ] as const) {
      const res = await post(docRequest(patch));
      expect(res.status, JSON.stringify(patch)).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ field }] });
    }
    const id = `${long(60)}${seq}`.slice(-64);
    expect((await post(docRequest({ transaction: { id }, pix: { expire_in: 60 } }))).status).toBe(201);
  });

  it('refuses a second payment for a transaction id that has a pending one', async () => {
    const first = docRequest();
    expect((await post(first)).status).toBe(201);
    expect((await post(first)).status).toBe(409);
  });

  it('refuses USD in live mode when no rate is configured', async () => {
    const res = await postUnder({ SEED003_USD_BRL_RATE: undefined }, docRequest(), m.secret_keys.live);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      errors: [{ field: 'currency', code: 'conversion_unavailable' }],
    });
  });
});

describe('seed 003 dialect: reads', () => {
  it('GET /v1/payment/{id} answers the documented object; other merchants and modes get 404', async () => {
    const req = docRequest({ branch: 'Filial 1' });
    const created = (await (await post(req)).json()) as { id: string };
    const res = await api(`/v1/payment/${created.id}`, m.secret_keys.test);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'id',
      'customer_id',
      'transaction_id',
      'amount',
      'currency',
      'status',
      'method',
      'created_at',
      'updated_at',
    ]);
    expect(body).toMatchObject({
      id: created.id,
      customer_id: 'customer-42',
      transaction_id: req.transaction.id,
      amount: '300.10',
      currency: 'USD',
      status: 'pending',
      method: 'pix',
    });
    expect(body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    expect((await api(`/v1/payment/${created.id}`, m.secret_keys.live)).status).toBe(404);
    const other = await newMerchant({ name: 'Other', country: 'BRA' });
    expect((await api(`/v1/payment/${created.id}`, other.secret_keys.test)).status).toBe(404);
    expect((await api('/v1/payment/pay_nope', m.secret_keys.test)).status).toBe(404);
  });

  it('GET /v1/payments filters, sorts and pages', async () => {
    const lm = await newMerchant({ name: 'Lista', country: 'BRA' });
    const ids: string[] = [];
    const txs: string[] = [];
    for (const [i, amount] of [5, 3, 9, 4, 7].entries()) {
      const req = docRequest({ amount, customer_id: i % 2 === 0 ? 'even' : 'odd' });
      const res = await post(req, lm.secret_keys.test);
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
      txs.push(req.transaction.id);
      await new Promise((r) => setTimeout(r, 5));
    }
    const list = async (q: string) => {
      const res = await api(`/v1/payments${q}`, lm.secret_keys.test);
      expect(res.status, q).toBe(200);
      return (await res.json()) as {
        data: Record<string, unknown>[];
        page: number;
        limit: number;
        has_more: boolean;
      };
    };
    const all = await list('');
    expect(all.data.map((p) => p.id)).toEqual([...ids].reverse());
    expect(Object.keys(all.data[0] ?? {})).toEqual([
      'id',
      'customer_id',
      'transaction_id',
      'amount',
      'currency',
      'status',
      'payment_method',
      'created_at',
      'updated_at',
    ]);
    expect((await list('?sort=amount,asc')).data.map((p) => p.amount)).toEqual([
      '3.00',
      '4.00',
      '5.00',
      '7.00',
      '9.00',
    ]);
    const p1 = await list('?sort=amount,desc&limit=2&page=1');
    const p3 = await list('?sort=amount,desc&limit=2&page=3');
    expect(p1).toMatchObject({ page: 1, limit: 2, has_more: true });
    expect(p1.data.map((p) => p.amount)).toEqual(['9.00', '7.00']);
    expect(p3).toMatchObject({ has_more: false, data: [{ amount: '3.00' }] });
    expect((await list('?customer_id=odd')).data.map((p) => p.id).sort()).toEqual([ids[1], ids[3]].sort());
    const two = await list(`?transaction_id=${txs[0]},${txs[4]}&sort=id,asc`);
    expect(two.data.map((p) => p.id)).toEqual([ids[0], ids[4]].sort());
    // The schema allows 100 ids: all of them are one query (D1 binds about 100 parameters at most).
    const hundred = [txs[1], ...Array.from({ length: 98 }, (_, i) => `absent-${i}`), txs[3]].join(',');
    const many = await list(`?transaction_id=${hundred}&sort=id,asc`);
    expect(many.data.map((p) => p.id)).toEqual([ids[1], ids[3]].sort());
    const tooMany = Array.from({ length: 101 }, (_, i) => `t-${i}`).join(',');
    expect((await api(`/v1/payments?transaction_id=${tooMany}`, lm.secret_keys.test)).status).toBe(422);
    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await list(`?start_time=${future}`)).data).toEqual([]);
    expect((await list(`?end_time=${future}`)).data).toHaveLength(5);
    for (const bad of [
      '?limit=0',
      '?limit=41',
      '?page=0',
      '?sort=amount',
      '?sort=nope,asc',
      '?start_time=x',
    ]) {
      expect((await api(`/v1/payments${bad}`, lm.secret_keys.test)).status, bad).toBe(422);
    }
    expect((await list('?limit=40')).limit).toBe(40);
    expect((await api('/v1/payments', lm.secret_keys.live).then((r) => r.json())) as unknown).toMatchObject({
      data: [],
    });
  });
});

describe('seed 003 dialect: callback', () => {
  it("moves to paid on a simulated payment and POSTs the document's payment object to callback", async () => {
    const req = docRequest({ callback: 'https://hooks.seed003-shop.com/callback' });
    const created = (await (await post(req)).json()) as { id: string };
    const sim = await api(`/api/v1/test/payments/${created.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    expect(sim.status).toBe(200);
    const got = (await (await api(`/v1/payment/${created.id}`, m.secret_keys.test)).json()) as Record<
      string,
      unknown
    >;
    expect(got.status).toBe('paid');
    const hit = await waitFor(async () =>
      stub.received.find((r) => r.body.includes(created.id) && r.body.includes('"status":"paid"')),
    );
    expect(hit.url).toBe('https://hooks.seed003-shop.com/callback');
    const payload = JSON.parse(hit.body) as Record<string, unknown>;
    expect(Object.keys(payload)).toEqual(Object.keys(got));
    expect(payload).toMatchObject({ ...got, updated_at: expect.any(String) });
  });
});
