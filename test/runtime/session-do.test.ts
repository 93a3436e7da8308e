import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { commitSessionChange, newEvent } from '../../src/core/session/commit';
import type { SessionRow } from '../../src/db/schema';
import { database } from '../../src/platform/db';
import { api, createSession, type Merchant, newMerchant } from './helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant();
});

const stubFor = (token: string) => env.SESSION_DO.get(env.SESSION_DO.idFromName(token));

async function eventTypes(sessionId: string): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT type FROM events WHERE session_id = ?')
    .bind(sessionId)
    .all<{ type: string }>();
  return results.map((r) => r.type);
}

async function loadRow(id: string): Promise<SessionRow> {
  const row = await env.DB.prepare('SELECT * FROM checkout_sessions WHERE id = ?')
    .bind(id)
    .first<Record<string, unknown>>();
  if (!row) throw new Error('missing session');
  return {
    ...(row as unknown as SessionRow),
    merchantId: row.merchant_id as string,
    expiresAt: row.expires_at as number,
    version: row.version as number,
  };
}

describe('SessionDO', () => {
  it('lets exactly one of two concurrent expires through; the other gets 409', async () => {
    const s = await createSession(m.secret_keys.test);
    const path = `/api/v1/checkout/sessions/${s.token}/expire`;
    const results = await Promise.all([
      api(path, m.secret_keys.test, { method: 'POST' }),
      api(path, m.secret_keys.test, { method: 'POST' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await eventTypes(s.token)).toEqual(['checkout_session.expired']);
  });

  it('applies exactly one of many racing transitions to a terminal state', async () => {
    const s = await createSession(m.secret_keys.test);
    const targets = [
      'paid',
      'expired',
      'canceled',
      'paid',
      'expired',
      'canceled',
      'paid',
      'expired',
    ] as const;
    const outcomes = await Promise.all(
      targets.map((to) => stubFor(s.token).transition({ sessionId: s.token, to })),
    );
    const winners = outcomes.filter((o) => o.ok);
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.code === 'invalid_state_transition')).toBe(
      true,
    );
    const row = await loadRow(s.token);
    expect(row.version).toBe(1);
    expect(await eventTypes(s.token)).toHaveLength(1);
  });

  it('refuses to pay an open session whose expires_at has passed, and lets it expire', async () => {
    const s = await createSession(m.secret_keys.test);
    const later = Date.parse(s.expires_at as string) + 1;
    const pay = await stubFor(s.token).transition({ sessionId: s.token, to: 'paid', now: later });
    expect(pay).toMatchObject({ ok: false, code: 'invalid_state_transition' });
    const expire = await stubFor(s.token).transition({ sessionId: s.token, to: 'expired', now: later });
    expect(expire).toMatchObject({ ok: true });
  });

  it('notices a write it did not make (version moved) and recovers on the next call', async () => {
    const s = await createSession(m.secret_keys.test);
    const stub = stubFor(s.token);
    expect(await stub.transition({ sessionId: s.token, to: 'pending' })).toMatchObject({ ok: true });
    // Another writer bumps the version behind the object's back.
    await env.DB.prepare('UPDATE checkout_sessions SET version = version + 1 WHERE id = ?')
      .bind(s.token)
      .run();
    expect(await stub.transition({ sessionId: s.token, to: 'paid' })).toMatchObject({
      ok: false,
      code: 'concurrent_update',
    });
    expect(await eventTypes(s.token)).toEqual([]);
    expect(await stub.transition({ sessionId: s.token, to: 'paid' })).toMatchObject({ ok: true });
    expect(await eventTypes(s.token)).toEqual(['checkout_session.finished']);
  });
});

describe('commitSessionChange', () => {
  it('writes state and event together at the expected version', async () => {
    const s = await createSession(m.secret_keys.test);
    const row = await loadRow(s.token);
    const committed = await commitSessionChange(
      database(env),
      row,
      { session: { status: 'canceled' }, events: [newEvent('checkout_session.canceled', {})] },
      Date.now(),
    );
    expect(committed).toMatchObject({ status: 'canceled', version: row.version + 1 });
    expect(await eventTypes(s.token)).toEqual(['checkout_session.canceled']);
  });

  it('writes neither state nor event when the version moved', async () => {
    const s = await createSession(m.secret_keys.test);
    const stale = await loadRow(s.token);
    await env.DB.prepare('UPDATE checkout_sessions SET version = version + 1 WHERE id = ?')
      .bind(s.token)
      .run();
    const committed = await commitSessionChange(
      database(env),
      stale,
      {
        session: { status: 'expired' },
        events: [newEvent('checkout_session.expired', {}), newEvent('checkout_session.expired', {})],
      },
      Date.now(),
    );
    expect(committed).toBeNull();
    expect((await loadRow(s.token)).status).toBe('open');
    expect(await eventTypes(s.token)).toEqual([]);
  });
});
