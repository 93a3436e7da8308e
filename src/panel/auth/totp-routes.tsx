import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { auditInsert } from '../../features/panel/audit';
import { admitAttempt, clearAccount } from '../../features/panel/login-throttle';
import {
  loadPendingSession,
  PANEL_SESSION_TTL_MS,
  revokePanelSession,
  startPanelSession,
} from '../../features/panel/sessions';
import { checkSecondFactor } from '../../features/panel/totp';
import { readForm } from '../../http/form';
import type { PanelEnv } from '../context';
import { SESSION_COOKIE, sessionCookie } from '../headers';
import { render } from '../render';
import { TotpPage } from '../views/account';
import { clientAddress, crossOrigin } from './middleware';

/**
 * The second step of signing in with an authenticator. The code is throttled with the password
 * (same per-account and per-address counters); success replaces the half session with a new token,
 * so the cookie set after the password alone never becomes a full session.
 */
export const totpSignInRoutes = new Hono<PanelEnv>()
  .get('/login/totp', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const pending = token ? await loadPendingSession(c.get('db'), token, Date.now()) : undefined;
    if (!pending) return c.redirect('/dashboard/login', 303);
    return render(c, (nonce) => <TotpPage nonce={nonce} />);
  })
  .post('/login/totp', async (c) => {
    if (crossOrigin(c.req.raw)) return c.text('Cross-origin form posts are refused.', 403);
    const db = c.get('db');
    const now = Date.now();
    const token = getCookie(c, SESSION_COOKIE);
    const pending = token ? await loadPendingSession(db, token, now) : undefined;
    if (!pending) return c.redirect('/dashboard/login', 303);
    const { user } = pending;
    const address = clientAddress(c.req.raw);
    const form = await readForm(c.req.raw);
    const admitted = await admitAttempt(db, { email: user.email, address }, now);
    const ok =
      admitted && (await checkSecondFactor(db, user.id, form.code ?? '', c.get('platform').secrets, now));
    const who = { merchantId: user.merchantId, userId: user.id, email: user.email, address };
    await auditInsert(
      db,
      { ...who, action: ok ? 'signin.second_factor' : 'signin.second_factor_failed' },
      now,
    );
    if (!ok) {
      const error = admitted
        ? 'That code is not valid.'
        : 'Too many attempts. Wait 15 minutes and try again.';
      return render(c, (nonce) => <TotpPage nonce={nonce} error={error} />, admitted ? 400 : 429);
    }
    await clearAccount(db, user.email);
    await revokePanelSession(db, pending.sessionId, now);
    const full = await startPanelSession(db, user, address, now);
    return new Response(null, {
      status: 303,
      headers: { location: '/dashboard', 'set-cookie': sessionCookie(full, PANEL_SESSION_TTL_MS / 1000) },
    });
  });
