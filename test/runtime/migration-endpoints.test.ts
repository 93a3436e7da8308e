import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

/**
 * Migration 0018 (webhook endpoints) keeps every delivery and attempt written before it, and the
 * uniqueness the consumer relies on: one delivery per event and target, and now per endpoint.
 */
describe('migration 0018 (webhook endpoints, response excerpts)', () => {
  it('keeps old deliveries and attempts, one delivery per event and target, one per endpoint', async () => {
    const db = env.MIGRATION_DB;
    const index = env.TEST_MIGRATIONS.findIndex((m) => m.name.startsWith('0018_'));
    expect(index).toBeGreaterThan(0);
    await applyD1Migrations(db, env.TEST_MIGRATIONS.slice(0, index));
    await db.batch([
      db.prepare(
        `INSERT INTO webhook_deliveries (id, event_id, merchant_id, target, url, status, attempts, created_at, updated_at)
         VALUES ('whd_old', 'evt_old', 'mer_old', 'notification', 'https://hooks.old.com/in', 'delivered', 1, 5, 6)`,
      ),
      db.prepare(
        `INSERT INTO webhook_attempts (id, delivery_id, attempted_at, status_code, latency_ms, error)
         VALUES ('wha_old', 'whd_old', 6, 200, 42, NULL)`,
      ),
    ]);
    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    expect(await db.prepare('SELECT * FROM webhook_deliveries').first()).toMatchObject({
      id: 'whd_old',
      target: 'notification',
      endpoint_id: null,
      status: 'delivered',
      url: 'https://hooks.old.com/in',
    });
    expect(await db.prepare('SELECT * FROM webhook_attempts').first()).toMatchObject({
      id: 'wha_old',
      status_code: 200,
      latency_ms: 42,
      response_excerpt: null,
    });
    const insert = (id: string, target: string, endpoint: string | null) =>
      db
        .prepare(
          `INSERT OR IGNORE INTO webhook_deliveries (id, event_id, merchant_id, target, endpoint_id, url, status, attempts, created_at, updated_at)
           VALUES (?, 'evt_old', 'mer_old', ?, ?, 'https://hooks.old.com/in', 'pending', 0, 7, 7)`,
        )
        .bind(id, target, endpoint);
    await db.batch([
      insert('whd_dup', 'notification', null),
      insert('whd_e1', 'endpoint', 'we_1'),
      insert('whd_e2', 'endpoint', 'we_2'),
      insert('whd_e1_again', 'endpoint', 'we_1'),
    ]);
    const { results } = await db
      .prepare('SELECT id FROM webhook_deliveries ORDER BY id')
      .all<{ id: string }>();
    expect(results.map((r) => r.id)).toEqual(['whd_e1', 'whd_e2', 'whd_old']);
  });
});
