import { type Context, Hono } from 'hono';
import { ApiError } from '../domain/errors';
import { InvitePanelUser } from '../features/admin/schema';
import { listAudit } from '../features/panel/audit';
import { disableUser, inviteUser, listUsers, resetSecondFactor } from '../features/panel/users';
import { validate } from '../http/body';
import { statusOf } from '../http/errors';
import { baseUrlOf } from '../http/problem';
import { accountRoutes } from './account';
import { clientAddress, requirePanelSession, requirePermission } from './auth/middleware';
import { panelAuthRoutes } from './auth/routes';
import { totpSignInRoutes } from './auth/totp-routes';
import type { PanelEnv } from './context';
import { render } from './render';
import { noPageAt, scopedRoutes } from './scoped';
import { ErrorPage } from './views/auth-pages';
import { Shell } from './views/layout';
import { AuditPage, UsersPage } from './views/team';

type C = Context<PanelEnv>;

function teamShell(c: C, title: string, body: () => unknown, status: 200 | 400 = 200) {
  return render(
    c,
    (nonce) => (
      <Shell
        title={title}
        nonce={nonce}
        who={c.get('panel')}
        csrf={c.get('csrf')}
        mode={null}
        path={new URL(c.req.url).pathname}
      >
        {body() as never}
      </Shell>
    ),
    status,
  );
}

const actor = (c: C) => {
  const who = c.get('panel');
  return {
    merchantId: who.merchant.id,
    userId: who.userId,
    email: who.email,
    address: clientAddress(c.req.raw),
  };
};

async function usersPage(c: C, extra: { invite?: string; error?: string } = {}, status: 200 | 400 = 200) {
  const users = await listUsers(c.get('db'), c.get('panel').merchant.id);
  return teamShell(
    c,
    'Users',
    () => <UsersPage csrf={c.get('csrf')} users={users} selfId={c.get('panel').userId} {...extra} />,
    status,
  );
}

/** The merchant's users and the audit log: the merchant's, not a mode's, and for owners only. */
const teamRoutes = new Hono<PanelEnv>()
  .use('/users', requirePanelSession)
  .use('/users/*', requirePanelSession)
  .use('/audit', requirePanelSession)
  .get('/users', requirePermission('users.manage'), (c) => usersPage(c))
  .post('/users', requirePermission('users.manage'), async (c) => {
    try {
      const f = c.get('form');
      const input = validate(InvitePanelUser, { email: f.email, role: f.role });
      const invite = await inviteUser(c.get('db'), input, actor(c), Date.now());
      return usersPage(c, { invite: `${baseUrlOf(c as never)}/dashboard/invite/${invite.token}` });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return usersPage(c, { error: err.message }, 400);
    }
  })
  .post('/users/:id/disable', requirePermission('users.manage'), async (c) => {
    await disableUser(c.get('db'), c.req.param('id'), actor(c), Date.now());
    return usersPage(c);
  })
  .post('/users/:id/reset-two-step', requirePermission('users.manage'), async (c) => {
    await resetSecondFactor(c.get('db'), c.req.param('id'), actor(c), Date.now());
    return usersPage(c);
  })
  .get('/audit', requirePermission('audit.read'), async (c) => {
    const rows = await listAudit(c.get('db'), c.get('panel').merchant.id);
    return teamShell(c, 'Audit log', () => <AuditPage rows={rows} />);
  });

/** The merchant's control panel at /dashboard. */
export const panelRoutes = new Hono<PanelEnv>()
  // A refusal from a service (404 for another merchant's or mode's object, 403, 409) as a page, not JSON.
  .onError((err, c) => {
    if (!(err instanceof ApiError)) throw err;
    const status = statusOf(err);
    return render(c, (nonce) => <ErrorPage nonce={nonce} status={status} message={err.message} />, status);
  })
  .route('/', panelAuthRoutes)
  .route('/', totpSignInRoutes)
  .route('/', accountRoutes)
  .route('/', teamRoutes)
  // Registered after the sign-in, invite and team routes, which answer first; scopedRoutes 404s any
  // mode but test and live (a plain :mode keeps the route table's parameter names simple).
  .use('/:mode/*', requirePanelSession)
  .route('/:mode', scopedRoutes)
  // Last: a path no page answers is a page too (a signed-out visitor under a mode was sent to sign in).
  .all('*', (c) => {
    throw noPageAt(c.req.url);
  });
