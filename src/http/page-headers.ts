export {
  fillNonce,
  fillNonceBytes,
  NONCE_PLACEHOLDER,
  type NonceTemplate,
  newNonce,
  nonceTemplate,
} from '../lib/nonce';

/**
 * Headers of every checkout page: a nonce-based CSP with no inline handlers, framing limited to the
 * checkout itself and the merchant's allowed origins, no MIME sniffing, no referrer (the URL holds
 * the session token), HSTS.
 */
export function pageHeaders(nonce: string, frameAncestors: string[]): Record<string, string> {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    `frame-ancestors 'self'${frameAncestors.map((o) => ` ${o}`).join('')}`,
  ].join('; ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
    'cache-control': 'no-store',
  };
}
