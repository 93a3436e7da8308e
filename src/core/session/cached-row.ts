import type { SessionRow } from '../../db/schema';
import { dueAt } from '../../domain/session-state';

/**
 * Whether a SessionDO may answer from its cached row. Not once the row is due: the expiry sweep
 * expires due sessions in D1 without waking their objects (jobs/expire-set.ts), so an open or
 * pending row past its due instant is read again, and the object never keeps answering `open` for
 * a session D1 already expired. Before that instant only the object itself changes the session
 * (every other writer is refused by the version guard), so the cache is the truth.
 */
export function cachedRowHolds(row: SessionRow | null, sessionId: string, now: number): row is SessionRow {
  if (row?.id !== sessionId) return false;
  return !((row.status === 'open' || row.status === 'pending') && now >= dueAt(row));
}
