import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../src/index';
import { toHex } from '../../src/lib/crypto';

/**
 * "Nothing written": a digest of the contents of every table (not row counts, so an UPDATE or an
 * insert-then-delete shows) and a count of queue sends. Requests go to the Worker's own fetch
 * handler with its real bindings; the queue producers are wrapped to count what is sent, and pass
 * every message on. The SessionDO's sends each follow an outbox row and mark it enqueued, which the
 * digest sees.
 */
let tables: string[] | null = null;
let queueSends = 0;

async function tableNames(): Promise<string[]> {
  if (tables) return tables;
  const res = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  ).all<{ name: string }>();
  tables = res.results.map((r) => r.name).sort();
  return tables;
}

async function digestOf(text: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

export type StoreSnapshot = { tables: Record<string, string>; queueSends: number };

/**
 * Written only by the webhook queue consumer and the outbox publisher, which run after a request
 * answered: an accepted request's events are delivered (webhook_* tables) and marked enqueued
 * (events.enqueued_at) while later probes run. A request cannot start that work without a queue
 * send (counted) or a new outbox row (events is compared without enqueued_at), so leaving these
 * out of the comparison hides nothing a refused request did.
 */
const BACKGROUND_TABLES = new Set([
  'webhook_deliveries',
  'webhook_attempts',
  'disabled_endpoints',
  // A refused panel sign-in is written on purpose: the throttle counts it before the password is
  // checked and the audit log records it (panel-auth.test.ts checks both rows).
  'login_throttle',
  'audit_log',
]);
const EVENTS_WITHOUT_ENQUEUED =
  'SELECT id, merchant_id, mode, type, session_id, payment_id, data, created_at FROM events ORDER BY rowid';

/**
 * Digest of every table's rows (in rowid order) and the queue sends so far. `foreground` leaves out
 * what background delivery writes (see BACKGROUND_TABLES), for probes taken while it may run.
 */
export async function snapshot(
  opts: { exceptIdempotencyKey?: string; foreground?: boolean } = {},
): Promise<StoreSnapshot> {
  const names = (await tableNames()).filter((t) => !(opts.foreground && BACKGROUND_TABLES.has(t)));
  const results = await env.DB.batch(
    names.map((t) =>
      t === 'idempotency_keys' && opts.exceptIdempotencyKey !== undefined
        ? env.DB.prepare('SELECT * FROM idempotency_keys WHERE key != ? ORDER BY rowid').bind(
            opts.exceptIdempotencyKey,
          )
        : t === 'events' && opts.foreground
          ? env.DB.prepare(EVENTS_WITHOUT_ENQUEUED)
          : env.DB.prepare(`SELECT * FROM "${t}" ORDER BY rowid`),
    ),
  );
  const digests = await Promise.all(results.map((r) => digestOf(JSON.stringify(r.results))));
  return { tables: Object.fromEntries(names.map((t, i) => [t, digests[i] ?? ''])), queueSends };
}

/** The tables whose contents differ, and whether anything was sent to a queue in between. */
export function changes(before: StoreSnapshot, after: StoreSnapshot): string[] {
  const changed = Object.keys(after.tables).filter((t) => after.tables[t] !== before.tables[t]);
  if (after.queueSends !== before.queueSends)
    changed.push(`queue sends: ${after.queueSends - before.queueSends}`);
  return changed;
}

function counted<Q extends Queue>(queue: Q): Q {
  return new Proxy(queue, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop === 'send' || prop === 'sendBatch')
        return (...args: unknown[]) => {
          queueSends += prop === 'send' ? 1 : ((args[0] as unknown[]).length ?? 1);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const spiedEnv = {
  ...env,
  WEBHOOKS: counted(env.WEBHOOKS),
  WEBHOOKS_DLQ: counted(env.WEBHOOKS_DLQ),
  JOBS: counted(env.JOBS),
} as Env;

/** Calls the Worker's fetch handler with the counted queues, and waits for its waitUntil work. */
export async function fetchCounted(request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request, spiedEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Rows per table, for tests that count what concurrent requests inserted. */
export async function rowCounts(): Promise<Record<string, number>> {
  const names = await tableNames();
  const results = await env.DB.batch<{ n: number }>(
    names.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM "${t}"`)),
  );
  return Object.fromEntries(names.map((t, i) => [t, results[i]?.results[0]?.n ?? -1]));
}

export function rowDelta(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.keys(after)
      .filter((t) => after[t] !== before[t])
      .map((t) => [t, (after[t] ?? 0) - (before[t] ?? 0)]),
  );
}
