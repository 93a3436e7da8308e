import { serializeSession as sessionView } from '../../core/session/view';
import type { SessionRow } from '../../db/schema';
import type { CheckoutSession } from './schema';

/** The session as the API documents it: the session core's view, typed by the API's schema. */
export function serializeSession(row: SessionRow): CheckoutSession {
  return sessionView(row) as CheckoutSession;
}
