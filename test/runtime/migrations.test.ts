import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

/**
 * Migration 0008 moves each merchant's settings into per-mode rows: the data must survive, in both
 * modes, on a database that holds merchants from before it.
 */
describe('migration 0008 (per-mode merchant settings)', () => {
  it('copies every setting into both modes, keeps disabled endpoints per mode and disables live sandbox accounts', async () => {
    const db = env.MIGRATION_DB;
    const index = env.TEST_MIGRATIONS.findIndex((m) => m.name.startsWith('0008_'));
    expect(index).toBeGreaterThan(0);
    await applyD1Migrations(db, env.TEST_MIGRATIONS.slice(0, index));
    const account = { bank_name: 'Banco do Brasil', bank_code: '001', agency: '1', account: '2' };
    await db.batch([
      db
        .prepare(
          `INSERT INTO merchants (id, name, country, notification_url, city, allowed_origins, bank_accounts, spei_clabe,
             enabled_methods, webhook_secret_sealed, webhook_secret_previous_sealed, webhook_secret_previous_until, created_at)
           VALUES ('mer_old', 'Loja Antiga', 'BRA', 'https://hooks.old.com/in', 'Recife', '["https://shop.old.com"]', ?,
             '002010077777777771', '["pix","card"]', 'v1.sealed', 'v1.previous', 1234, 1000)`,
        )
        .bind(JSON.stringify([account])),
      db.prepare(
        "INSERT INTO disabled_endpoints (merchant_id, url, disabled_at) VALUES ('mer_old', 'https://gone.old.com', 5)",
      ),
      db.prepare(
        `INSERT INTO gateway_accounts (id, merchant_id, mode, gateway, name, credentials_sealed, created_at, updated_at)
         VALUES ('gwa_live_sandbox', 'mer_old', 'live', 'sandbox', 'sandbox', 'v1.x', 1, 1),
                ('gwa_test_sandbox', 'mer_old', 'test', 'sandbox', 'sandbox2', 'v1.x', 1, 1)`,
      ),
    ]);
    await applyD1Migrations(db, env.TEST_MIGRATIONS);

    const { results } = await db.prepare('SELECT * FROM merchant_mode_settings ORDER BY mode').all();
    const expected = {
      merchant_id: 'mer_old',
      notification_url: 'https://hooks.old.com/in',
      webhook_secret_sealed: 'v1.sealed',
      webhook_secret_previous_sealed: 'v1.previous',
      webhook_secret_previous_until: 1234,
      bank_accounts: JSON.stringify([account]),
      spei_clabe: '002010077777777771',
      allowed_origins: '["https://shop.old.com"]',
      enabled_methods: '["pix","card"]',
    };
    // Later migrations add their own per-mode columns (with defaults); the ones 0008 moved must hold.
    expect(results).toEqual([
      expect.objectContaining({ ...expected, mode: 'live', updated_at: 1000 }),
      expect.objectContaining({ ...expected, mode: 'test', updated_at: 1000 }),
    ]);
    expect(results).toHaveLength(2);
    expect(await db.prepare('SELECT id, name, country, city, created_at FROM merchants').all()).toMatchObject(
      {
        results: [{ id: 'mer_old', name: 'Loja Antiga', country: 'BRA', city: 'Recife', created_at: 1000 }],
      },
    );
    const disabled = await db.prepare('SELECT mode, url FROM disabled_endpoints ORDER BY mode').all();
    expect(disabled.results).toEqual([
      { mode: 'live', url: 'https://gone.old.com' },
      { mode: 'test', url: 'https://gone.old.com' },
    ]);
    const gateways = await db.prepare('SELECT id, enabled FROM gateway_accounts ORDER BY id').all();
    expect(gateways.results).toEqual([
      { id: 'gwa_live_sandbox', enabled: 0 },
      { id: 'gwa_test_sandbox', enabled: 1 },
    ]);
  });
});
