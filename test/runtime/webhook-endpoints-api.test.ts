import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Merchant, newMerchant } from './helpers';

/** GET/POST /api/v1/webhook_endpoints and DELETE /api/v1/webhook_endpoints/{id}, in the key's mode. */
let m: Merchant;
let other: Merchant;
beforeAll(async () => {
  [m, other] = await Promise.all([newMerchant({ name: 'Api' }), newMerchant({ name: 'Other' })]);
});

type Endpoint = { id: string; url: string; enabled_events: string[]; status: string; livemode: boolean };
const list = async (key: string) =>
  ((await (await api('/api/v1/webhook_endpoints', key)).json()) as { data: Endpoint[] }).data;

describe('webhook endpoints API', () => {
  it('creates endpoints in the key mode only, lists them and deletes them', async () => {
    const all = await api('/api/v1/webhook_endpoints', m.secret_keys.test, {
      body: { url: 'https://hooks.lojadamaria.com.br/all' },
    });
    expect(all.status).toBe(201);
    const created = (await all.json()) as Endpoint;
    expect(created).toMatchObject({
      object: 'webhook_endpoint',
      url: 'https://hooks.lojadamaria.com.br/all',
      enabled_events: ['*'],
      status: 'enabled',
      livemode: false,
    });
    expect(created.id).toMatch(/^we_[0-9A-Za-z]{24}$/);
    const typed = await api('/api/v1/webhook_endpoints', m.secret_keys.test, {
      body: {
        url: 'https://hooks.lojadamaria.com.br/refunds',
        enabled_events: ['refund.succeeded', 'refund.failed', 'refund.succeeded'],
        description: 'Refunds team',
      },
    });
    expect(await typed.json()).toMatchObject({ enabled_events: ['refund.succeeded', 'refund.failed'] });
    const live = await api('/api/v1/webhook_endpoints', m.secret_keys.live, {
      body: { url: 'https://hooks.lojadamaria.com.br/live' },
    });
    expect(await live.json()).toMatchObject({ livemode: true });

    expect((await list(m.secret_keys.test)).map((e) => e.url)).toEqual([
      'https://hooks.lojadamaria.com.br/all',
      'https://hooks.lojadamaria.com.br/refunds',
    ]);
    expect((await list(m.secret_keys.live)).map((e) => e.url)).toEqual([
      'https://hooks.lojadamaria.com.br/live',
    ]);
    expect(await list(other.secret_keys.test)).toEqual([]);

    // Another merchant's key and the other mode's key cannot delete it; the owner's can, once.
    const path = `/api/v1/webhook_endpoints/${created.id}`;
    expect((await api(path, other.secret_keys.test, { method: 'DELETE' })).status).toBe(404);
    expect((await api(path, m.secret_keys.live, { method: 'DELETE' })).status).toBe(404);
    const deleted = await api(path, m.secret_keys.test, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ id: created.id, object: 'webhook_endpoint', deleted: true });
    expect((await api(path, m.secret_keys.test, { method: 'DELETE' })).status).toBe(404);
    expect((await list(m.secret_keys.test)).map((e) => e.url)).toEqual([
      'https://hooks.lojadamaria.com.br/refunds',
    ]);
  });

  it.each([
    [{ url: 'https://8.8.8.8/in' }, 'url', 'ip_literal_not_allowed'],
    [{ url: 'https://localhost/in' }, 'url', undefined],
    [{ url: 'http://hooks.lojadamaria.com.br/in' }, 'url', undefined],
    [
      { url: 'https://hooks.lojadamaria.com.br/in', enabled_events: ['payment.teleported'] },
      'enabled_events',
      undefined,
    ],
    [{ url: 'https://hooks.lojadamaria.com.br/in', enabled_events: [] }, 'enabled_events', undefined],
    [{ url: 'https://hooks.lojadamaria.com.br/in', extra: 1 }, undefined, undefined],
    [{}, 'url', undefined],
  ])('refuses %j with 422 naming the field', async (body, field, code) => {
    const res = await api('/api/v1/webhook_endpoints', m.secret_keys.test, { body });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { code: string; errors: { field: string; code: string }[] };
    expect(problem.code).toBe('validation_failed');
    if (field) expect(problem.errors.map((e) => e.field.split(/[.[]/)[0])).toContain(field);
    if (code) expect(problem.errors.map((e) => e.code)).toContain(code);
  });

  it('holds at most 16 endpoints per mode', async () => {
    const merchant = await newMerchant({ name: 'Many' });
    for (let i = 0; i < 16; i += 1) {
      const res = await api('/api/v1/webhook_endpoints', merchant.secret_keys.test, {
        body: { url: `https://hooks.lojadamaria.com.br/${i}` },
      });
      expect(res.status).toBe(201);
    }
    const over = await api('/api/v1/webhook_endpoints', merchant.secret_keys.test, {
      body: { url: 'https://hooks.lojadamaria.com.br/17' },
    });
    expect(over.status).toBe(422);
    expect(await over.json()).toMatchObject({ errors: [{ field: 'url', code: 'too_many_endpoints' }] });
    // The live mode has its own 16.
    const live = await api('/api/v1/webhook_endpoints', merchant.secret_keys.live, {
      body: { url: 'https://hooks.lojadamaria.com.br/live' },
    });
    expect(live.status).toBe(201);
  });

  it('holds the limit when the requests arrive at the same time', async () => {
    const merchant = await newMerchant({ name: 'Racing' });
    const statuses = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        api('/api/v1/webhook_endpoints', merchant.secret_keys.test, {
          body: { url: `https://hooks.lojadamaria.com.br/race/${i}` },
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(16);
    expect(statuses.filter((s) => s === 422)).toHaveLength(8);
    const list = await api('/api/v1/webhook_endpoints', merchant.secret_keys.test);
    expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(16);
  });
});
