/**
 * Load tests: Borda under concurrency and volume, against real local servers (`npm start`, i.e.
 * wrangler dev + workerd + local D1, Durable Objects and Queues), never a mock.
 *
 * 1. Payment race: many concurrent card attempts on ONE session. Exactly one is 201 paid, every other
 *    one is 409 payment_in_progress / session_paid (never a 5xx), and the merchant API shows exactly one
 *    paid payment and exactly one payment.success and one checkout_session.finished event.
 * 2. Webhooks at volume: many sessions created and paid concurrently (50 in flight) while the
 *    merchant's webhook receiver (node:http on 127.0.0.1) answers 500 to half its requests at random.
 *    The server runs with WEBHOOK_RETRY_SCHEDULE of 24 one-second retries, so a 50 % failure rate cannot
 *    exhaust it (chance ~3e-8 per event). Every event must reach the receiver with a 2xx, and D1 must hold
 *    exactly what was created: N paid sessions, N paid payments, 2N events, 2N delivered deliveries.
 * 3. Expiry at volume: sessions made due all at once. A few are created through the API to learn the
 *    row shape; the rest are INSERTed straight into the local D1 (`wrangler d1 execute --file`, creating
 *    10,000 through the API would take minutes). The cron is triggered by hand (npm start passes
 *    --test-scheduled), three overlapping sweeps a time, a bounded number of times until every one is
 *    expired, each with exactly one checkout_session.expired event and one version step.
 *
 * Sizes: `LOAD_SCALE=full` runs 200 / 2,000 / 10,000; anything else (CI) 100 / 200 / 1,000, which
 * takes a few minutes on 2 cores. Each scenario starts its own server with its own temp data directory
 * and port, so nothing is shared with other test files. Every loop is bounded in count and time, and
 * only loopback addresses are used. Each scenario prints a one-line summary (sizes, durations).
 *
 * Note: wrangler dev reloads the Worker when a file under src/ changes, which drops in-flight queue
 * messages and Durable Object calls; run these tests on a tree nobody is editing.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, onTestFailed, vi } from 'vitest';
import { d1, d1Rows, num, type Row, sqlLiteral } from './d1';
import { type FlakyReceiver, startFlakyReceiver } from './flaky-receiver';
import { countBy, FULL, http, pollUntil, pool, seconds, serverTrouble, sleep, useBorda } from './util';

/**
 * Sizes, and bounds on the waits. The cron expires due sessions set-based in D1, 500 per statement
 * pair, thousands a second locally; the waits are generous bounds for a loaded 2-core machine.
 */
const SIZES = FULL
  ? { race: 200, paid: 2000, expiry: 10_000, deliveryWaitMs: 420_000, expiryWaitMs: 300_000, pollMs: 3000 }
  : { race: 100, paid: 200, expiry: 1000, deliveryWaitMs: 120_000, expiryWaitMs: 120_000, pollMs: 1500 };
const TEST_TIMEOUT = FULL ? 1_200_000 : 300_000;
/** Sessions in flight at once in scenario 2 (each: create, then pay). */
const IN_FLIGHT = 50;
/** 24 retries one second apart: 25 attempts, so a 50 % failure rate leaves ~3e-8 per event undelivered. */
const FAST_RETRIES = Array.from({ length: 24 }, () => '1').join(',');
/** Order ids of this run, so D1 queries pick out exactly the rows the test made. */
const RUN = `L${Date.now().toString(36)}`;

const CARD_PAYMENT = {
  method: 'card',
  customer: { name: 'Maria Silva', email: 'maria@example.com', document: '52998224725' },
  card: { number: '4242424242424242', holder_name: 'MARIA SILVA', exp_month: 12, exp_year: 2035, cvc: '123' },
};

function sessionBody(orderId: string, extra: Record<string, unknown> = {}) {
  return {
    amount: 15000,
    currency: 'BRL',
    merchant_order_id: orderId,
    payment_method: 'card',
    success_url: 'https://mystore.example/ok?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://mystore.example/failed',
    ...extra,
  };
}

describe(`load: ${SIZES.race} concurrent card payments on one session`, () => {
  const borda = useBorda('race');

  it(
    'pays exactly once; every other attempt is 409 payment_in_progress or session_paid',
    async () => {
      const b = borda();
      onTestFailed(() => console.log(`[load:race] server trouble:\n${serverTrouble(b)}`));
      const created = await http('POST', `${b.base}/api/v1/checkout/sessions`, {
        key: b.key,
        body: sessionBody(`${RUN}-race`),
      });
      expect(created.status).toBe(201);
      const token = String(created.body.token);

      const started = Date.now();
      const replies = await Promise.all(
        Array.from({ length: SIZES.race }, () =>
          http('POST', `${b.base}/c/v1/sessions/${token}/payments`, { body: CARD_PAYMENT }),
        ),
      );
      const took = Date.now() - started;
      const outcomes = countBy(replies, (r) =>
        r.status === 201 ? `201 ${String(r.body.status)}` : `${r.status} ${String(r.body.code)}`,
      );
      console.log(
        `[load:race] ${SIZES.race} concurrent attempts on one session in ${seconds(took)}: ${JSON.stringify(outcomes)}`,
      );

      expect(replies.filter((r) => r.status >= 500)).toEqual([]);
      expect(outcomes['201 paid']).toBe(1);
      expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
      const unexpected = Object.keys(outcomes).filter(
        (k) => !['201 paid', '409 payment_in_progress', '409 session_paid'].includes(k),
      );
      expect(unexpected).toEqual([]);

      const session = await http('GET', `${b.base}/api/v1/checkout/sessions/${token}`, { key: b.key });
      expect(session.status).toBe(200);
      expect(session.body.status).toBe('paid');
      const payments = session.body.payments as Array<{ status: string }>;
      expect(payments.filter((p) => p.status === 'paid')).toHaveLength(1);

      const events = await http('GET', `${b.base}/api/v1/events?session=${token}&limit=100`, { key: b.key });
      expect(events.status).toBe(200);
      const types = (events.body.data as Array<{ type: string }>).map((e) => e.type).sort();
      expect(types).toEqual(['checkout_session.finished', 'payment.success']);
      console.log(
        `[load:race] merchant view: session paid, ${payments.length} payment(s), events ${JSON.stringify(types)}`,
      );
    },
    TEST_TIMEOUT,
  );
});

describe(`load: ${SIZES.paid} sessions paid concurrently, webhooks to a receiver failing 50 %`, () => {
  const borda = useBorda('webhooks', { WEBHOOK_RETRY_SCHEDULE: FAST_RETRIES });
  let receiver: FlakyReceiver | undefined;
  beforeAll(async () => {
    receiver = await startFlakyReceiver(0.5);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it(
    'delivers every event with a 2xx at least once; D1 holds every session, payment, event and delivery',
    async () => {
      const b = borda();
      const rx = receiver;
      if (!rx) throw new Error('no receiver');
      onTestFailed(() => console.log(`[load:webhooks] server trouble:\n${serverTrouble(b)}`));
      const n = SIZES.paid;
      const prefix = `${RUN}-paid`;
      const patched = await http('PATCH', `${b.base}/api/v1/merchant`, {
        key: b.key,
        body: { notification_url: rx.url('/hooks') },
      });
      expect(patched.status).toBe(200);

      // Create and pay, IN_FLIGHT sessions at a time.
      const started = Date.now();
      const orders = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
      const results = await pool(orders, IN_FLIGHT, async (order) => {
        const c = await http('POST', `${b.base}/api/v1/checkout/sessions`, {
          key: b.key,
          body: sessionBody(order),
        });
        if (c.status !== 201) return { token: '', outcome: `create ${c.status} ${String(c.body.code)}` };
        const token = String(c.body.token);
        const p = await http('POST', `${b.base}/c/v1/sessions/${token}/payments`, { body: CARD_PAYMENT });
        const outcome =
          p.status === 201 ? `paid ${String(p.body.status)}` : `pay ${p.status} ${String(p.body.code)}`;
        return { token, outcome };
      });
      const paidIn = Date.now() - started;
      const outcomes = countBy(results, (r) => r.outcome);
      console.log(
        `[load:webhooks] ${n} sessions created and paid (${IN_FLIGHT} in flight) in ${seconds(paidIn)}: ${JSON.stringify(outcomes)}`,
      );
      expect(outcomes).toEqual({ 'paid paid': n });
      const tokens = new Set(results.map((r) => r.token));
      expect(tokens.size).toBe(n);

      // The events of those sessions, from D1: both are written in the commit that paid the session.
      const ofRun = `JOIN checkout_sessions s ON s.id = e.session_id WHERE s.merchant_order_id LIKE '${prefix}-%'`;
      const events = await d1Rows(b.stateDir, `SELECT e.id, e.type, e.session_id FROM events e ${ofRun}`);
      const eventIds = events.map((e) => String(e.id));
      expect(countBy(events, (e) => String(e.type))).toEqual({
        'payment.success': n,
        'checkout_session.finished': n,
      });
      expect(new Set(events.map((e) => String(e.session_id)))).toEqual(tokens);

      // Wait (bounded) until the receiver has answered 2xx to every event at least once.
      const undelivered = () => eventIds.filter((id) => (rx.seen.get(id)?.ok ?? 0) === 0);
      await pollUntil(() => (undelivered().length === 0 ? true : undefined), {
        ms: SIZES.deliveryWaitMs,
        everyMs: 500,
      });
      const deliveredIn = Date.now() - started;
      const missing = undelivered();
      expect(missing.length, `events never answered 2xx, e.g. ${missing.slice(0, 5).join(', ')}`).toBe(0);

      // The receiver saw the webhook-id of every event, and nothing else.
      const eventIdSet = new Set(eventIds);
      expect([...rx.seen.keys()].filter((id) => !eventIdSet.has(id))).toEqual([]);
      expect(rx.totals.withoutId).toBe(0);
      // Each first accepted request verifies with the merchant's secret and carries its own event. A
      // receiver verifies on arrival: the clock is set to that moment, since the library refuses
      // timestamps more than 5 minutes from now and a full-size run takes longer than that.
      const wh = new Webhook(b.webhookSecret);
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        for (const id of eventIds) {
          const first = rx.seen.get(id)?.firstOk;
          if (!first) throw new Error(`no accepted request for ${id}`);
          vi.setSystemTime(first.receivedAt);
          const payload = wh.verify(first.body, first.headers as Record<string, string>) as { id?: string };
          expect(payload.id).toBe(id);
        }
      } finally {
        vi.useRealTimers();
      }

      // D1 catches up with the receiver: every delivery row is `delivered` (bounded poll).
      const deliveriesOfRun = `FROM webhook_deliveries d JOIN events e ON e.id = d.event_id ${ofRun}`;
      await pollUntil(
        async () => {
          const [r] = await d1Rows(
            b.stateDir,
            `SELECT count(*) AS n, sum(d.status = 'delivered') AS delivered ${deliveriesOfRun}`,
          );
          return num(r, 'n') === 2 * n && num(r, 'delivered') === 2 * n ? true : undefined;
        },
        { ms: 30_000, everyMs: 1000 },
      );

      // Nothing missing or doubled in D1.
      const [sessions, payments, eventTypes, deliveries, attempts] = await d1(b.stateDir, {
        sql: [
          `SELECT status, count(*) AS n FROM checkout_sessions WHERE merchant_order_id LIKE '${prefix}-%' GROUP BY status`,
          `SELECT p.status, count(*) AS n, count(DISTINCT p.session_id) AS sessions FROM payments p JOIN checkout_sessions s ON s.id = p.session_id WHERE s.merchant_order_id LIKE '${prefix}-%' GROUP BY p.status`,
          `SELECT e.type, count(*) AS n, count(DISTINCT e.session_id) AS sessions FROM events e ${ofRun} GROUP BY e.type ORDER BY e.type`,
          `SELECT d.status, d.target, count(*) AS n, count(DISTINCT d.event_id) AS events ${deliveriesOfRun} GROUP BY d.status, d.target`,
          `SELECT count(*) AS n, sum(a.status_code BETWEEN 200 AND 299) AS ok, max(d.attempts) AS most ${deliveriesOfRun.replace('FROM webhook_deliveries d', 'FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id')}`,
        ].join('; '),
      });
      expect(sessions).toEqual([{ status: 'paid', n }]);
      expect(payments).toEqual([{ status: 'paid', n, sessions: n }]);
      expect(eventTypes).toEqual([
        { type: 'checkout_session.finished', n, sessions: n },
        { type: 'payment.success', n, sessions: n },
      ]);
      expect(deliveries).toEqual([{ status: 'delivered', target: 'notification', n: 2 * n, events: 2 * n }]);

      const a = attempts?.[0];
      const dupes = eventIds.filter((id) => (rx.seen.get(id)?.ok ?? 0) > 1).length;
      console.log(
        `[load:webhooks] ${2 * n} events all answered 2xx ${seconds(deliveredIn)} after the first create; ` +
          `receiver: ${rx.totals.requests} requests (${rx.totals.failed} answered 500), ${dupes} events accepted twice; ` +
          `D1: ${num(a, 'n')} attempts, ${num(a, 'ok')} 2xx, at most ${num(a, 'most')} attempts for one delivery`,
      );
    },
    TEST_TIMEOUT,
  );
});

describe(`load: ${SIZES.expiry} sessions due at once, expired by the cron`, () => {
  const borda = useBorda('expiry');

  it(
    'expires every due session, each with exactly one checkout_session.expired event',
    async () => {
      const b = borda();
      onTestFailed(() => console.log(`[load:expiry] server trouble:\n${serverTrouble(b)}`));
      const n = SIZES.expiry;
      const prefix = `${RUN}-due`;

      // A few real sessions, created through the API, to learn the row shape (not due: not counted).
      const models: string[] = [];
      for (let i = 0; i < 3; i++) {
        const c = await http('POST', `${b.base}/api/v1/checkout/sessions`, {
          key: b.key,
          body: sessionBody(`${RUN}-model-${i}`, { expires_in: 1800 }),
        });
        expect(c.status).toBe(201);
        models.push(String(c.body.token));
      }
      const [template] = await d1Rows(
        b.stateDir,
        `SELECT * FROM checkout_sessions WHERE id = ${sqlLiteral(models[0])}`,
      );
      if (!template) throw new Error('the model session is not in D1');

      // The rest straight into D1: open, expired a minute ago (a few distinct instants, so the sweep
      // pages over ties), unique ids and order ids, the demo merchant.
      const insertStarted = Date.now();
      const now = Date.now();
      const columns = Object.keys(template);
      const token = (i: number) => `cs_test_${RUN}x${String(i).padStart(8, '0')}`.padEnd(32, 'z');
      const statements: string[] = [];
      for (let from = 0; from < n; from += 100) {
        const values: string[] = [];
        for (let i = from; i < Math.min(n, from + 100); i++) {
          const row: Row = {
            ...template,
            id: token(i),
            merchant_order_id: `${prefix}-${i}`,
            status: 'open',
            checkout_url: String(template.checkout_url).replace(String(template.id), token(i)),
            expires_at: now - 60_000 - (i % 7) * 1000,
            created_at: now - 120_000,
            updated_at: now - 120_000,
            version: 0,
          };
          values.push(`(${columns.map((c) => sqlLiteral(row[c])).join(',')})`);
        }
        statements.push(
          `INSERT INTO checkout_sessions (${columns.join(',')}) VALUES\n${values.join(',\n')};`,
        );
      }
      const file = path.join(b.stateDir, `${prefix}.sql`);
      writeFileSync(file, `${statements.join('\n')}\n`);
      await d1(b.stateDir, { file });
      const openOfRun = `SELECT count(*) AS n FROM checkout_sessions WHERE merchant_order_id LIKE '${prefix}-%' AND status IN ('open', 'pending')`;
      const [inserted] = await d1Rows(b.stateDir, `${openOfRun} AND expires_at <= ${now}`);
      expect(num(inserted, 'n')).toBe(n);
      const insertTook = Date.now() - insertStarted;

      // Run the cron (at most 6 times); after each run, watch until all are expired or progress stalls
      // (two reads in a row without progress), then run it again. Bounded by count and by time.
      const started = Date.now();
      const deadline = started + SIZES.expiryWaitMs;
      const progress: string[] = [];
      let remaining = n;
      let runs = 0;
      let polls = 0;
      while (runs < 6 && remaining > 0 && Date.now() < deadline) {
        runs += 1;
        // Overlapping sweeps, forced: two at the same instant, and a third once the first two have
        // fanned out (their jobs are being consumed). Each enqueues every due id; nothing may change twice.
        const trigger = async () => {
          const cron = await fetch(`${b.base}/__scheduled?cron=*+*+*+*+*`);
          await cron.text();
          return cron.status;
        };
        expect(await Promise.all([trigger(), trigger()])).toEqual([200, 200]);
        expect(await trigger()).toBe(200);
        // Each read spawns wrangler (~2 s of CPU), so reads are spaced to leave the server the cores.
        let still = 0;
        while (polls < 300 && still < 2 && remaining > 0 && Date.now() < deadline) {
          polls += 1;
          await sleep(SIZES.pollMs);
          const before = remaining;
          remaining = num((await d1Rows(b.stateDir, openOfRun))[0], 'n');
          progress.push(`${seconds(Date.now() - started)}:${remaining}`);
          still = remaining === before ? still + 1 : 0;
        }
      }
      const expiredIn = Date.now() - started;
      console.log(`[load:expiry] cron runs ${runs}, open left over time: ${progress.join(' ')}`);
      expect(remaining).toBe(0);

      // One query: every session expired, each with exactly one checkout_session.expired event.
      const perSession = await d1Rows(
        b.stateDir,
        `SELECT status, expired_events, count(*) AS n FROM (
           SELECT s.id, s.status, count(e.id) AS expired_events FROM checkout_sessions s
           LEFT JOIN events e ON e.session_id = s.id AND e.type = 'checkout_session.expired'
           WHERE s.merchant_order_id LIKE '${prefix}-%' GROUP BY s.id
         ) GROUP BY status, expired_events`,
      );
      expect(perSession).toEqual([{ status: 'expired', expired_events: 1, n }]);
      // Changed exactly once each: one version step from the inserted 0.
      const [versions] = await d1Rows(
        b.stateDir,
        `SELECT min(version) AS lo, max(version) AS hi FROM checkout_sessions WHERE merchant_order_id LIKE '${prefix}-%'`,
      );
      expect(versions).toEqual({ lo: 1, hi: 1 });
      console.log(
        `[load:expiry] ${n} due sessions inserted in ${seconds(insertTook)}, all expired with one event each ` +
          `${seconds(expiredIn)} after the first cron run (${runs} run(s))`,
      );
    },
    TEST_TIMEOUT,
  );
});
