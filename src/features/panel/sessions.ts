import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { merchants, type PanelRole, panelSessions, panelUsers } from '../../db/schema';
import { sha256Hex, toHex } from '../../lib/crypto';
import { newId, randomBase62 } from '../../lib/ids';

/** A panel session lasts 12 hours from sign-in, then the user signs in again. */
export const PANEL_SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const SECOND_FACTOR_TTL_MS = 5 * 60 * 1000;

export type PanelIdentity = {
  sessionId: string;
  userId: string;
  email: string;
  role: PanelRole;
  merchant: { id: string; name: string; country: string | null };
};

/** Starts a session; returns the cookie token (D1 keeps only its SHA-256). */
export async function startPanelSession(
  db: DrizzleD1Database,
  user: { id: string; merchantId: string },
  address: string | null,
  now: number,
  verified = true,
): Promise<string> {
  const token = randomBase62(43);
  await db.insert(panelSessions).values({
    id: newId('pss', 20),
    tokenHash: await sha256Hex(token),
    userId: user.id,
    merchantId: user.merchantId,
    createdAt: now,
    // A half-signed-in session (password only) lasts just long enough to type the code.
    expiresAt: now + (verified ? PANEL_SESSION_TTL_MS : SECOND_FACTOR_TTL_MS),
    address,
    verified,
  });
  return token;
}

/** Who a cookie token signs in: a live, unrevoked session of an enabled user, or nothing. */
export async function loadPanelSession(
  db: DrizzleD1Database,
  token: string,
  now: number,
): Promise<PanelIdentity | null> {
  const [row] = await db
    .select({
      sessionId: panelSessions.id,
      userId: panelUsers.id,
      email: panelUsers.email,
      role: panelUsers.role,
      merchantId: merchants.id,
      name: merchants.name,
      country: merchants.country,
    })
    .from(panelSessions)
    .innerJoin(panelUsers, eq(panelUsers.id, panelSessions.userId))
    .innerJoin(merchants, eq(merchants.id, panelUsers.merchantId))
    .where(
      and(
        eq(panelSessions.tokenHash, await sha256Hex(token)),
        isNull(panelSessions.revokedAt),
        gt(panelSessions.expiresAt, now),
        isNull(panelUsers.disabledAt),
        eq(panelSessions.verified, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    email: row.email,
    role: row.role,
    merchant: { id: row.merchantId, name: row.name, country: row.country },
  };
}

export async function revokePanelSession(db: DrizzleD1Database, sessionId: string, now: number) {
  await db.update(panelSessions).set({ revokedAt: now }).where(eq(panelSessions.id, sessionId));
}

/**
 * The session's CSRF token: HMAC of the fixed label under the session's own cookie token. It is a
 * per-session secret that is never stored and that a page on another site cannot read or compute.
 */
export async function csrfToken(cookieToken: string): Promise<string> {
  // Not lib/crypto's hmacSha256: its per-isolate key cache would keep one entry per session token.
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    enc.encode(cookieToken),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return toHex(await crypto.subtle.sign('HMAC', key, enc.encode('borda-panel-csrf')));
}

/** A session waiting for its second factor, with its user: the only thing its cookie can reach. */
export async function loadPendingSession(db: DrizzleD1Database, token: string, now: number) {
  const [row] = await db
    .select({ sessionId: panelSessions.id, user: panelUsers })
    .from(panelSessions)
    .innerJoin(panelUsers, eq(panelUsers.id, panelSessions.userId))
    .where(
      and(
        eq(panelSessions.tokenHash, await sha256Hex(token)),
        isNull(panelSessions.revokedAt),
        gt(panelSessions.expiresAt, now),
        isNull(panelUsers.disabledAt),
        eq(panelSessions.verified, false),
      ),
    )
    .limit(1);
  return row;
}
