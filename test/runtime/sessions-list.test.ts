import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, createSession, type Merchant, newMerchant } from './helpers';

type Page = {
  object: string;
  data: Array<{ token: string; status: string }>;
  has_more: boolean;
  next_cursor: string | null;
};

let m: Merchant;
let tokens: string[];
beforeAll(async () => {
  m = await newMerchant();
  tokens = [];
  for (let i = 0; i < 7; i++) tokens.push((await createSession(m.secret_keys.test)).token);
  // Spread creation times so the created_* filters have something to cut.
  for (const [i, token] of tokens.entries()) {
    await env.DB.prepare('UPDATE checkout_sessions SET created_at = ? WHERE id = ?')
      .bind(Date.parse('2026-01-01T00:00:00Z') + i * 60_000, token)
      .run();
  }
});

async function page(query: string): Promise<Page> {
  const res = await api(`/api/v1/checkout/sessions${query}`, m.secret_keys.test);
  expect(res.status).toBe(200);
  return res.json();
}

describe('GET /api/v1/checkout/sessions', () => {
  it('pages newest first with a cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let query = '?limit=3';
    for (;;) {
      const p = await page(query);
      expect(p.object).toBe('list');
      seen.push(...p.data.map((s) => s.token));
      if (!p.has_more) {
        expect(p.next_cursor).toBeNull();
        break;
      }
      expect(p.data).toHaveLength(3);
      query = `?limit=3&cursor=${p.next_cursor}`;
    }
    expect(seen).toEqual([...tokens].reverse());
  });

  it('filters by status and by merchant_order_id', async () => {
    await api(`/api/v1/checkout/sessions/${tokens[2]}/expire`, m.secret_keys.test, { method: 'POST' });
    const expired = await page('?status=expired');
    expect(expired.data.map((s) => s.token)).toEqual([tokens[2]]);
    const one = (await (await api(`/api/v1/checkout/sessions/${tokens[4]}`, m.secret_keys.test)).json()) as {
      merchant_order_id: string;
    };
    const byOrder = await page(`?merchant_order_id=${encodeURIComponent(one.merchant_order_id)}`);
    expect(byOrder.data.map((s) => s.token)).toEqual([tokens[4]]);
  });

  it('filters by a created range, both ends inclusive', async () => {
    const p = await page('?created_gte=2026-01-01T00:01:00Z&created_lte=2026-01-01T00:03:00Z');
    expect(p.data.map((s) => s.token)).toEqual([tokens[3], tokens[2], tokens[1]]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['status=done', 'status'],
    ['created_gte=yesterday', 'created_gte'],
    ['cursor=not-a-cursor', 'cursor'],
    ['colour=blue', 'colour'],
  ])('refuses ?%s with 422 naming %s', async (query, field) => {
    const res = await api(`/api/v1/checkout/sessions?${query}`, m.secret_keys.test);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: Array<{ field: string }> };
    expect(body.errors.map((e) => e.field)).toContain(field);
  });
});
