import { hmacSha256, timingSafeEqualText } from '../../lib/crypto';
/**
 * Seed 002's session_token (`<session id>_sec_<secret>`), derived instead of stored: the secret is an
 * HMAC-SHA256 of the session id under ENCRYPTION_KEY, so the widget endpoint verifies it with no
 * D1 table and no lookup. It is valid for TOKEN_TTL_MS after the session's created_at, as Fintoc's
 * "the session_token is temporary and will expire 10 minutes after its creation".
 */
export const SESSION_TOKEN_TTL_MS = 10 * 60 * 1000;

/** 24 base64url characters = 144 bits of the MAC: unguessable, and short enough to paste. */
const SECRET_CHARS = 24;
/** Domain separation: the same ENCRYPTION_KEY seals other things, whose MACs must never double as tokens. */
const LABEL = 'borda:seed002:session_token:v1:';
const TOKEN = /^(cs_(?:test|live)_[0-9A-Za-z]{8,64})_sec_([0-9A-Za-z_-]{24})$/;

async function secretFor(sessionId: string, encryptionKey: string): Promise<string> {
  const mac = await hmacSha256(encryptionKey, LABEL + sessionId);
  let bin = '';
  for (const b of new Uint8Array(mac)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, SECRET_CHARS);
}

export async function sessionTokenFor(sessionId: string, encryptionKey: string): Promise<string> {
  return `${sessionId}_sec_${await secretFor(sessionId, encryptionKey)}`;
}

/** The session id the token names when its secret is right; null otherwise (malformed or forged). */
export async function verifySessionToken(token: string, encryptionKey: string): Promise<string | null> {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, sessionId, presented] = match as unknown as [string, string, string];
  const expected = await secretFor(sessionId, encryptionKey);
  return timingSafeEqualText(presented, expected) ? sessionId : null;
}
