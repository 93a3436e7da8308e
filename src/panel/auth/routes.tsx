import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { auditInsert } from '../../features/panel/audit';
import {
  loadPanelSession,
  PANEL_SESSION_TTL_MS,
  revokePanelSession,
  SECOND_FACTOR_TTL_MS,
  startPanelSession,
} from '../../features/panel/sessions';
import { acceptInvite, findInvite, signIn } from '../../features/panel/users';
import { ApiError } from '../../http/errors';
import { readForm } from '../../http/form';
import type { PanelEnv } from '../context';
import { clearedSessionCookie, SESSION_COOKIE, sessionCookie } from '../headers';
import { render } from '../render';
import { InvitePage, LoginPage } from '../views/auth-pages';
import { clientAddress, crossOrigin, requirePanelSession } from './middleware';

const crossSite = () => new Response('Cross-origin form posts are refused.', { status: 403 });

/** Sign-in, invite acceptance and sign-out: the only panel pages open without a session. */
export const panelAuthRoutes = new Hono<PanelEnv>()
  .get('/login', (c) =>
    render(c, (nonce) => (
      <LoginPage
        nonce={nonce}
        notice={c.req.query('done') === 'password' ? 'Password set. Sign in.' : undefined}
      />
    )),
  )
  .post('/login', async (c) => {
    // No session exists yet, so no CSRF token: a cross-origin post (login CSRF) is refused by Origin.
    if (crossOrigin(c.req.raw)) return crossSite();
    const form = await readForm(c.req.raw);
    const email = (form.email ?? '').slice(0, 254);
    const address = clientAddress(c.req.raw);
    const now = Date.now();
    const result = await signIn(c.get('db'), { email, password: form.password ?? '', address }, now);
    if (!result.ok) {
      const throttled = result.reason === 'throttled';
      return render(
        c,
        (nonce) => (
          <LoginPage
            nonce={nonce}
            email={email}
            error={
              throttled
                ? 'Too many sign-in attempts. Wait 15 minutes and try again.'
                : 'Wrong e-mail or password.'
            }
          />
        ),
        throttled ? 429 : 400,
      );
    }
    if (result.user.totpSecretSealed) {
      // Password right; the session opens nothing until the authenticator code is given.
      const pending = await startPanelSession(c.get('db'), result.user, address, now, false);
      return new Response(null, {
        status: 303,
        headers: {
          location: '/dashboard/login/totp',
          'set-cookie': sessionCookie(pending, SECOND_FACTOR_TTL_MS / 1000),
        },
      });
    }
    const token = await startPanelSession(c.get('db'), result.user, address, now);
    return new Response(null, {
      status: 303,
      headers: { location: '/dashboard', 'set-cookie': sessionCookie(token, PANEL_SESSION_TTL_MS / 1000) },
    });
  })
  .get('/invite/:token', async (c) => {
    const token = c.req.param('token');
    const user = await findInvite(c.get('db'), token, Date.now());
    if (!user) return c.text('This invite link is not valid any more. Ask for a new one.', 404);
    return render(c, (nonce) => <InvitePage nonce={nonce} email={user.email} token={token} />);
  })
  .post('/invite/:token', async (c) => {
    if (crossOrigin(c.req.raw)) return crossSite();
    const token = c.req.param('token');
    const form = await readForm(c.req.raw);
    try {
      await acceptInvite(
        c.get('db'),
        { token, password: form.password ?? '', address: clientAddress(c.req.raw) },
        Date.now(),
      );
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const user = await findInvite(c.get('db'), token, Date.now());
      if (!user) return c.text('This invite link is not valid any more. Ask for a new one.', 404);
      return render(
        c,
        (nonce) => <InvitePage nonce={nonce} email={user.email} token={token} error={err.message} />,
        400,
      );
    }
    return c.redirect('/dashboard/login?done=password', 303);
  })
  .post('/logout', requirePanelSession, async (c) => {
    const who = c.get('panel');
    const now = Date.now();
    await revokePanelSession(c.get('db'), who.sessionId, now);
    await auditInsert(
      c.get('db'),
      {
        merchantId: who.merchant.id,
        userId: who.userId,
        email: who.email,
        action: 'signout',
        address: clientAddress(c.req.raw),
      },
      now,
    );
    return new Response(null, {
      status: 303,
      headers: { location: '/dashboard/login', 'set-cookie': clearedSessionCookie() },
    });
  })
  .get('/', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const who = token ? await loadPanelSession(c.get('db'), token, Date.now()) : null;
    // Live first: it is where real money is; the switch in the header goes to test.
    return c.redirect(who ? '/dashboard/live/payments' : '/dashboard/login', 303);
  });
