/// <reference types="vite/client" />
import { env } from 'cloudflare:workers';
import { asc, eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { events, merchantModeSettings } from '../../src/db/schema';
import { modeSettingsOf, ownedBy, ownedByMerchant } from '../../src/db/tenant';
import { newMerchant } from './helpers';

/**
 * The one tenant filter every query of per-mode data goes through: rows of one merchant in one mode,
 * never another merchant's, never the other mode's.
 */
const db = drizzle(env.DB);

async function seedEvents(rows: { id: string; merchantId: string; mode: 'test' | 'live' }[]) {
  await db
    .insert(events)
    .values(rows.map((r) => ({ ...r, type: 'session.created', data: {}, createdAt: 1 })));
}

describe('ownedBy', () => {
  it("keeps another merchant's rows and the other mode's rows out", async () => {
    await seedEvents([
      { id: 'evt_tf_a_test', merchantId: 'mer_tf_a', mode: 'test' },
      { id: 'evt_tf_a_live', merchantId: 'mer_tf_a', mode: 'live' },
      { id: 'evt_tf_b_test', merchantId: 'mer_tf_b', mode: 'test' },
      { id: 'evt_tf_b_live', merchantId: 'mer_tf_b', mode: 'live' },
    ]);
    const ids = async (where: ReturnType<typeof ownedBy>) =>
      (await db.select({ id: events.id }).from(events).where(where).orderBy(asc(events.id))).map((r) => r.id);
    expect(await ids(ownedBy(events, 'mer_tf_a', 'test'))).toEqual(['evt_tf_a_test']);
    expect(await ids(ownedBy(events, 'mer_tf_a', 'live'))).toEqual(['evt_tf_a_live']);
    expect(await ids(ownedBy(events, 'mer_tf_b', 'test'))).toEqual(['evt_tf_b_test']);
    expect(await ids(ownedBy(events, 'mer_tf_c', 'test'))).toEqual([]);
    // Merchant-wide on purpose: both modes of one merchant, still never the other merchant.
    expect(await ids(ownedByMerchant(events, 'mer_tf_a'))).toEqual(['evt_tf_a_live', 'evt_tf_a_test']);
  });

  it('joins on columns: each row meets only the settings of its own merchant and mode', async () => {
    const [a, b] = [await newMerchant(), await newMerchant()];
    await seedEvents([
      { id: 'evt_tf_join_a_live', merchantId: a.merchant_id, mode: 'live' },
      { id: 'evt_tf_join_b_test', merchantId: b.merchant_id, mode: 'test' },
    ]);
    const joined = await db
      .select({ id: events.id, merchantId: merchantModeSettings.merchantId, mode: merchantModeSettings.mode })
      .from(events)
      .innerJoin(merchantModeSettings, modeSettingsOf(events.merchantId, events.mode))
      .where(inArray(events.id, ['evt_tf_join_a_live', 'evt_tf_join_b_test']))
      .orderBy(asc(events.id));
    expect(joined).toEqual([
      { id: 'evt_tf_join_a_live', merchantId: a.merchant_id, mode: 'live' },
      { id: 'evt_tf_join_b_test', merchantId: b.merchant_id, mode: 'test' },
    ]);
    const settingsOfA = await db
      .select()
      .from(merchantModeSettings)
      .where(eq(merchantModeSettings.merchantId, a.merchant_id));
    expect(settingsOfA.map((s) => s.mode).sort()).toEqual(['live', 'test']);
  });
});

describe('the tenant filter is written once', () => {
  const sources = import.meta.glob<string>(['/src/**/*.ts', '/src/**/*.tsx'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  const byHand = /\beq\(\s*[\w.]+\.(merchantId|mode)\b/;

  it('no query outside src/db/tenant.ts compares merchantId or mode by hand', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(200);
    const found = Object.entries(sources)
      .filter(([path]) => path !== '/src/db/tenant.ts')
      .flatMap(([path, text]) =>
        text
          .split('\n')
          .map((line, i) => ({ at: `${path}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => byHand.test(line)),
      );
    expect(found).toEqual([]);
    expect(byHand.test('eq(payments.merchantId, ctx.merchant.id)')).toBe(true);
    expect(byHand.test('eq(events.mode, ctx.mode)')).toBe(true);
  });
});
