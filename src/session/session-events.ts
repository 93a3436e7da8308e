import { serializeSession } from '../api/sessions/serialize';
import type { SessionRow } from '../db/schema';
import { type SessionStatus, TRANSITION_EVENTS } from '../domain/session-state';
import { newEvent, type OutboxEvent } from './commit';

/** The session event a status change emits, carrying the session as it will be after the change. */
export function sessionEvents(row: SessionRow, to: SessionStatus, now: number): OutboxEvent[] {
  const type = TRANSITION_EVENTS[to];
  if (!type || to === row.status) return [];
  return [newEvent(type, serializeSession({ ...row, status: to, version: row.version + 1, updatedAt: now }))];
}
