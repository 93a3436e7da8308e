import { hmacSha256, timingSafeEqualText, toHex } from '../lib/crypto';
import type { Secrets } from '../platform/ports';

/**
 * Signed checkout links: the `signature` parameter of a checkout_url handed out by the orders API
 * (Southpayments'): HMAC-SHA256 of the session id under a key
 * derived from ENCRYPTION_KEY, hex, first 32 characters (128 bits, the length Southpayments shows).
 * Derived, never stored as a secret: the hosted page recomputes it with no lookup.
 */
const SIGNATURE_CHARS = 32;
/** Domain separation: ENCRYPTION_KEY also seals secrets and signs seed 002 tokens; these MACs must differ. */
const LABEL = 'borda:seed004:checkout_signature:v1:';
const SIGNATURE = /^[0-9a-f]{32}$/;

export async function orderSignature(sessionId: string, encryptionKey: string): Promise<string> {
  const mac = await hmacSha256(encryptionKey, LABEL + sessionId);
  return toHex(mac).slice(0, SIGNATURE_CHARS);
}

/** Whether `signature` is the one issued for this session; a missing or malformed one is simply false. */
export async function verifyOrderSignature(
  secrets: Pick<Secrets, 'signingKey'>,
  sessionId: string,
  signature: string | null | undefined,
): Promise<boolean> {
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return false;
  return timingSafeEqualText(signature, await orderSignature(sessionId, secrets.signingKey));
}
