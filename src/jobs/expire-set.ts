import { newId } from '../lib/ids';
import { sessionJsonSql } from './session-json-sql';

/** Sessions per D1 batch: two statements, each with two bound parameters whatever the count. */
export const EXPIRE_SET_CHUNK = 500;

/**
 * A session the sweep may expire in D1 without its Durable Object, evaluated inside the writing
 * statement: open or pending, past its due instant (pending_until while an issued boleto holds it,
 * else expires_at), and with no payment pending. A pending payment is either an attempt in flight
 * (persisted before the gateway call, its object still working) or an issued PIX/boleto whose own
 * payment must be closed and announced with it: both go through the SessionDO instead.
 * `?1` is the JSON array of [session id, event id] pairs, `?2` the instant. The unary `+` keeps
 * SQLite off the status index here, so it looks each session up by its primary key instead of
 * scanning every open session once per chunk.
 */
const DUE = `+s.status IN ('open', 'pending')
  AND (CASE WHEN s.status = 'pending' AND s.pending_until IS NOT NULL THEN s.pending_until ELSE s.expires_at END) <= ?2
  AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.session_id = s.id AND p.status = 'pending')`;

/** CROSS JOIN: SQLite keeps the left table outside, so the 500 ids drive primary-key lookups. */
const INSERT_EVENTS = `INSERT INTO events (id, merchant_id, mode, type, session_id, payment_id, data, created_at, enqueued_at)
SELECT json_extract(j.value, '$[1]'), s.merchant_id, s.mode, 'checkout_session.expired', s.id, NULL,
  ${sessionJsonSql('expired')}, ?2, NULL
FROM json_each(?1) j CROSS JOIN checkout_sessions s ON s.id = json_extract(j.value, '$[0]')
WHERE ${DUE}
RETURNING id`;

const EXPIRE_SESSIONS = `UPDATE checkout_sessions AS s
SET status = 'expired', pending_until = NULL, version = s.version + 1, updated_at = ?2
WHERE s.id IN (SELECT json_extract(value, '$[0]') FROM json_each(?1)) AND ${DUE}`;

/**
 * Expires, in D1 alone, those of `sessionIds` that are due and have no pending payment; answers
 * the ids of the `checkout_session.expired` events written (one per session expired).
 *
 * Each chunk is one D1 batch, i.e. one SQLite transaction: the event insert and the session update
 * evaluate the same condition with nothing in between, so every session updated gets exactly one
 * event and no other. The update bumps `version`, the guard every SessionDO commit carries: an
 * object holding the session's row from before finds its next commit refused and reloads (it also
 * reloads by itself once its cached row is due, see SessionDO #load). A sweep overlapping this one
 * finds the sessions no longer open or pending and writes nothing; a payment the object persisted
 * first keeps the session out of the set.
 */
export async function expireSessionsInD1(
  db: D1Database,
  sessionIds: string[],
  now: number,
): Promise<string[]> {
  const ids = [...new Set(sessionIds)];
  const eventIds: string[] = [];
  for (let i = 0; i < ids.length; i += EXPIRE_SET_CHUNK) {
    const pairs = JSON.stringify(ids.slice(i, i + EXPIRE_SET_CHUNK).map((id) => [id, newId('evt')]));
    const [inserted] = await db.batch<{ id: string }>([
      db.prepare(INSERT_EVENTS).bind(pairs, now),
      db.prepare(EXPIRE_SESSIONS).bind(pairs, now),
    ]);
    for (const row of inserted?.results ?? []) eventIds.push(row.id);
  }
  return eventIds;
}
