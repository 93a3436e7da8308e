import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkoutSessions } from '../../src/db/schema';
import { serializeSession } from '../../src/features/sessions/serialize';
import worker from '../../src/index';
import { expireSessionsInD1 } from '../../src/jobs/expire-set';
import { database } from '../../src/platform/db';
import { card, pay, VISA_OK } from './client-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';
import { waitFor } from './webhook-helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant();
});

async function runCron(at = Date.now()) {
  const controller = createScheduledController({ scheduledTime: new Date(at), cron: '* * * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

async function row(id: string) {
  const [r] = await database(env).select().from(checkoutSessions).where(eq(checkoutSessions.id, id));
  if (!r) throw new Error(`no session ${id}`);
  return r;
}

async function expiredEvents(id: string) {
  const { results } = await env.DB.prepare(
    "SELECT id, data, enqueued_at FROM events WHERE session_id = ? AND type = 'checkout_session.expired'",
  )
    .bind(id)
    .all<{ id: string; data: string; enqueued_at: number | null }>();
  return results;
}

/** Moves a session's due instant into the past, straight in D1 (no object has loaded it yet). */
async function makeDue(id: string, set = 'expires_at = ?', at = Date.now() - 1000) {
  await env.DB.prepare(`UPDATE checkout_sessions SET ${set} WHERE id = ?`).bind(at, id).run();
}

describe('set-based expiry in D1', () => {
  it('writes the event payload serializeSession would, for sessions with and without every optional field', async () => {
    // The mode requires two customer fields while `full` is created (copied onto it), none after.
    const required = async (fields: string[]) =>
      expect(
        (
          await api('/api/v1/merchant', m.secret_keys.test, {
            method: 'PATCH',
            body: { required_customer_fields: fields },
          })
        ).status,
      ).toBe(200);
    await required(['document', 'phone']);
    const full = await createSession(m.secret_keys.test, {
      payment_method: ['pix', 'card'],
      description: 'Pedido "especial" \\ com acentuação',
      locale: 'pt-BR',
      customer: { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' },
      metadata: { cart: 'c-1', note: 'línea 2\nok' },
      notification_url: 'https://hooks.example.com/borda',
      payment_settings: [{ payment_type: 'pix', discount: 5 }],
    });
    await required([]);
    const bare = await createSession(m.secret_keys.test, {
      payment_method: null,
      success_url: undefined,
      cancel_url: undefined,
      gateway_first_try: undefined,
    });
    const live = await createSession(m.secret_keys.live, { gateway_first_try: undefined });
    for (const s of [full, bare, live]) await makeDue(s.token);
    const before = await Promise.all([full, bare, live].map((s) => row(s.token)));
    const now = Date.now();
    const ids = await expireSessionsInD1(
      env.DB,
      before.map((r) => r.id),
      now,
    );
    expect(ids).toHaveLength(3);
    for (const r of before) {
      const [event] = await expiredEvents(r.id);
      if (!event) throw new Error(`no event for ${r.id}`);
      const expected = serializeSession({ ...r, status: 'expired', version: r.version + 1, updatedAt: now });
      // Same keys in the same order with the same values (the webhook body is this object re-serialized).
      expect(JSON.stringify(JSON.parse(event.data))).toBe(JSON.stringify(expected));
      const after = await row(r.id);
      expect(after).toMatchObject({ status: 'expired', version: r.version + 1, updatedAt: now });
    }
  });

  it('changes nothing twice when sweeps overlap: one event and one version step per session', async () => {
    const sessions = await Promise.all(Array.from({ length: 12 }, () => createSession(m.secret_keys.test)));
    for (const s of sessions) await makeDue(s.token);
    const ids = sessions.map((s) => s.token);
    const results = await Promise.all([
      expireSessionsInD1(env.DB, ids, Date.now()),
      expireSessionsInD1(env.DB, [...ids].reverse(), Date.now()),
      expireSessionsInD1(env.DB, [...ids, ...ids], Date.now()),
      runCron(),
      runCron(),
    ]);
    const written = results.slice(0, 3).flat() as string[];
    expect(written.length).toBeLessThanOrEqual(ids.length);
    await waitFor(async () => {
      const rows = await Promise.all(ids.map(row));
      return rows.every((r) => r.status === 'expired');
    });
    await runCron();
    for (const id of ids) {
      expect((await row(id)).version).toBe(1);
      const events = await expiredEvents(id);
      expect(events).toHaveLength(1);
    }
  });

  it('the cron expires due sessions through the jobs queue and hands their events to the webhook queue', async () => {
    const sessions = await Promise.all(Array.from({ length: 5 }, () => createSession(m.secret_keys.test)));
    for (const s of sessions) await makeDue(s.token);
    await Promise.all([runCron(), runCron()]);
    // Marked enqueued once sent, so the outbox reconcile leaves them alone.
    await waitFor(async () => {
      const all = await Promise.all(sessions.map((s) => expiredEvents(s.token)));
      return all.every((e) => e.length === 1 && e[0]?.enqueued_at !== null);
    });
    for (const s of sessions) expect(await row(s.token)).toMatchObject({ status: 'expired', version: 1 });
  });

  it('leaves sessions that are not due, finished, or held by an issued boleto', async () => {
    const notDue = await createSession(m.secret_keys.test);
    const paid = await createSession(m.secret_keys.test);
    await makeDue(paid.token, "status = 'paid', expires_at = ?");
    const held = await createSession(m.secret_keys.test);
    await makeDue(held.token, "status = 'pending', expires_at = ?");
    await makeDue(held.token, 'pending_until = ?', Date.now() + 3_600_000);
    const holdOver = await createSession(m.secret_keys.test);
    await makeDue(holdOver.token, "status = 'pending', expires_at = ?", Date.now() + 3_600_000);
    await makeDue(holdOver.token, 'pending_until = ?');
    const written = await expireSessionsInD1(
      env.DB,
      [notDue.token, paid.token, held.token, holdOver.token],
      Date.now(),
    );
    expect(written).toHaveLength(1);
    expect((await row(notDue.token)).status).toBe('open');
    expect((await row(paid.token)).status).toBe('paid');
    expect((await row(held.token)).status).toBe('pending');
    // A hold that ran out is due at pending_until, even with expires_at still ahead.
    expect(await row(holdOver.token)).toMatchObject({ status: 'expired', pendingUntil: null });
  });

  it('never expires a session under a payment in flight: the attempt settles, no expiry event', async () => {
    const slow = await newMerchant({ name: 'Lenta', country: 'BRA' });
    const acct = await api('/api/v1/gateways', slow.secret_keys.test, {
      body: {
        gateway: 'sandbox',
        name: 'slow',
        priority: 1,
        settings: { behaviour: 'slow', delay_ms: 1500 },
      },
    });
    expect(acct.status).toBe(201);
    const s = await createSession(slow.secret_keys.test, { payment_method: 'card' });
    const paying = pay(s.token, { method: 'card', card: card(VISA_OK) });
    // The attempt is persisted before the gateway call: wait for it, then make the session due.
    await waitFor(async () => {
      const p = await env.DB.prepare(
        "SELECT 1 AS x FROM payments WHERE session_id = ? AND status = 'pending'",
      )
        .bind(s.token)
        .first();
      return p !== null;
    });
    await makeDue(s.token);
    expect(await expireSessionsInD1(env.DB, [s.token], Date.now())).toEqual([]);
    await runCron();
    const res = await paying;
    expect(res.status).toBe(201);
    expect(((await res.json()) as { status: string }).status).toBe('paid');
    await runCron();
    await new Promise((r) => setTimeout(r, 300));
    expect((await row(s.token)).status).toBe('paid');
    expect(await expiredEvents(s.token)).toEqual([]);
  });

  it('a SessionDO holding the row from before learns of the expiry on its next command', async () => {
    const s = await createSession(m.secret_keys.test, { expires_in: 60 });
    const stub = env.SESSION_DO.get(env.SESSION_DO.idFromName(s.token));
    // The object loads and caches the open row (not due yet, so the sweep's transition is refused).
    expect(await stub.transition({ sessionId: s.token, to: 'expired', onlyIfDue: true })).toMatchObject({
      ok: false,
    });
    const later = Date.now() + 120_000;
    expect(await expireSessionsInD1(env.DB, [s.token], later)).toHaveLength(1);
    // It answers from D1's truth, not its cached `open`: no second event, no concurrent-update retry.
    expect(await stub.transition({ sessionId: s.token, to: 'canceled', now: later })).toMatchObject({
      ok: false,
      code: 'invalid_state_transition',
      status: 'expired',
    });
    expect(await stub.transition({ sessionId: s.token, to: 'expired', now: later })).toMatchObject({
      ok: false,
      status: 'expired',
    });
    expect(await expiredEvents(s.token)).toHaveLength(1);
  });
});
