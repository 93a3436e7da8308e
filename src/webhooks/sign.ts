import { fromBase64, toBase64, toHex } from '../lib/crypto';

const encoder = new TextEncoder();

const SECRET_PREFIX = 'whsec_';

/**
 * Imported keys, so a busy isolate does not re-import the same secret for every message. The promise is
 * cached (not the key) so concurrent deliveries share one import. Bounded because a long-lived isolate
 * sees one secret per merchant and, during rolls, two; evicting the oldest is enough to cap memory.
 */
const MAX_CACHED_KEYS = 1000;
const standardKeys = new Map<string, Promise<CryptoKey>>();
const rawTextKeys = new Map<string, Promise<CryptoKey>>();

function cachedKey(cache: Map<string, Promise<CryptoKey>>, secret: string, bytes: () => Uint8Array) {
  const hit = cache.get(secret);
  if (hit) return hit;
  if (cache.size >= MAX_CACHED_KEYS) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  const imported = crypto.subtle.importKey('raw', bytes(), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  // A failed import must not poison the cache: the next call retries instead of replaying the rejection.
  imported.catch(() => {
    if (cache.get(secret) === imported) cache.delete(secret);
  });
  cache.set(secret, imported);
  return imported;
}

/** The Standard Webhooks key: the base64-decoded bytes after `whsec_`, never the secret's text. */
function decodeSecret(secret: string): Uint8Array {
  // The message names neither the secret nor its bytes: errors end up in logs.
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('Webhook secret must start with whsec_');
  let key: Uint8Array;
  try {
    key = fromBase64(secret.slice(SECRET_PREFIX.length));
  } catch {
    throw new Error('Webhook secret is not valid base64 after whsec_');
  }
  if (key.byteLength === 0) throw new Error('Webhook secret is empty after whsec_');
  return key;
}

function standardKey(secret: string): Promise<CryptoKey> {
  // decodeSecret runs before anything is cached, so a malformed secret throws and is never stored.
  return cachedKey(standardKeys, secret, () => decodeSecret(secret));
}

function rawTextKey(secret: string): Promise<CryptoKey> {
  return cachedKey(rawTextKeys, secret, () => encoder.encode(secret));
}

async function hmac(key: CryptoKey, message: string): Promise<ArrayBuffer> {
  return crypto.subtle.sign('HMAC', key, encoder.encode(message));
}

/**
 * One Standard Webhooks signature (https://www.standardwebhooks.com): `v1,` + base64 HMAC-SHA256 of
 * `${id}.${timestampSeconds}.${body}`, keyed with the base64-decoded bytes after the `whsec_` prefix.
 * `body` must be exactly the string that is sent, since receivers sign the raw bytes they get.
 *
 * @throws Error when the secret lacks `whsec_`, is not base64, or the timestamp is not whole seconds.
 */
export async function standardWebhookSignature(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Promise<string> {
  // A fractional or millisecond timestamp would sign a string no receiver reconstructs from the header.
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new Error(`Webhook timestamp must be whole seconds, got ${timestampSeconds}`);
  }
  const key = await standardKey(secret);
  return `v1,${toBase64(await hmac(key, `${id}.${timestampSeconds}.${body}`))}`;
}

/**
 * Every signature header for one POST of `body`:
 *
 * - `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature` per Standard Webhooks; the
 *   signature header holds one `v1,...` entry per secret, space-separated, current secret first. During a
 *   secret roll pass `[current, previous]` so a receiver still holding the old secret verifies too.
 * - `x-signature`: lower-case hex HMAC-SHA256 of the body alone, keyed with the UTF-8 text of the current
 *   secret INCLUDING its `whsec_` prefix (seed 000's header). A merchant recomputes it with
 *   `createHmac('sha256', 'whsec_...').update(rawBody).digest('hex')` and compares in constant time. It
 *   carries no timestamp, so it does not protect against replays; `webhook-signature` does.
 *
 * @throws Error when `secrets` is empty or any secret is malformed.
 */
export async function signatureHeaders(opts: {
  secrets: string[];
  id: string;
  timestampSeconds: number;
  body: string;
}): Promise<Record<string, string>> {
  const [current] = opts.secrets;
  if (current === undefined) throw new Error('signatureHeaders needs at least one webhook secret');
  const signatures = await Promise.all(
    opts.secrets.map((s) => standardWebhookSignature(s, opts.id, opts.timestampSeconds, opts.body)),
  );
  const legacy = toHex(await hmac(await rawTextKey(current), opts.body));
  return {
    'webhook-id': opts.id,
    'webhook-timestamp': String(opts.timestampSeconds),
    'webhook-signature': signatures.join(' '),
    'x-signature': legacy,
  };
}
