import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { csrfToken, loadPanelSession } from '../../features/panel/sessions';
import { readForm } from '../../http/form';
import { timingSafeEqualText } from '../../lib/crypto';
import type { PanelEnv } from '../context';
import { SESSION_COOKIE } from '../headers';
import { can, type Permission } from './roles';

export function clientAddress(req: Request): string {
  return req.headers.get('cf-connecting-ip') ?? 'unknown';
}

/** A POST from a page of another origin is refused before anything else (browsers send Origin on form posts). */
export function crossOrigin(req: Request): boolean {
  const origin = req.headers.get('origin');
  return origin !== null && origin !== new URL(req.url).origin;
}

/**
 * Signs the request in from the session cookie, or sends it to the sign-in page. Every POST must
 * carry the session's CSRF token in `_csrf` and come from the panel's own origin; anything else is 403.
 */
export const requirePanelSession = createMiddleware<PanelEnv>(async (c, next) => {
  // Mounted on overlapping paths ('/users' and '/users/*'): the body is read only once.
  if (c.get('panel')) return next();
  const token = getCookie(c, SESSION_COOKIE);
  const identity = token ? await loadPanelSession(c.get('db'), token, Date.now()) : null;
  if (!token || !identity) return c.redirect('/dashboard/login', 303);
  const csrf = await csrfToken(token);
  c.set('panel', identity);
  c.set('csrf', csrf);
  c.set('merchant', identity.merchant);
  if (c.req.method === 'POST') {
    const form = await readForm(c.req.raw);
    if (crossOrigin(c.req.raw) || !form._csrf || !timingSafeEqualText(form._csrf, csrf)) {
      return c.text(
        'This form has expired or did not come from the panel. Reload the page and try again.',
        403,
      );
    }
    c.set('form', form);
  }
  await next();
});

/** Refuses (403) a signed-in user whose role lacks the permission. */
export function requirePermission(permission: Permission) {
  return createMiddleware<PanelEnv>(async (c, next) => {
    if (!can(c.get('panel').role, permission)) {
      return c.text(`Your role (${c.get('panel').role}) cannot do this.`, 403);
    }
    await next();
  });
}
