import { newNonce } from '../http/page-headers';

export { newNonce };

/**
 * The panel's headers: the checkout's nonce CSP, except that forms post to the panel itself and
 * nothing may frame it (clickjacking a refund button); no caching of pages that hold customer data.
 */
export function panelHeaders(nonce: string): Record<string, string> {
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // Not no-referrer: with it Chromium sends `Origin: null` on form posts, which the origin check refuses.
    'referrer-policy': 'same-origin',
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
    'cache-control': 'no-store',
  };
}

/** `__Host-`: the browser keeps it only if Secure, Path=/ and without Domain, so no subdomain can plant it. */
export const SESSION_COOKIE = '__Host-borda_panel';

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAgeSeconds}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
}
