import { type Context, Hono } from 'hono';
import { qrSvg } from '../checkout/qr';
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from '../features/panel/totp';
import { userById } from '../features/panel/users';
import { otpauthUri } from '../lib/totp';
import { clientAddress, requirePanelSession } from './auth/middleware';
import type { PanelEnv } from './context';
import { render } from './render';
import { AccountBody } from './views/account';
import { Shell } from './views/layout';

type C = Context<PanelEnv>;

async function accountPage(
  c: C,
  extra: { enrol?: { secret: string; uri: string; qr: string }; notice?: string; error?: string } = {},
  status = 200,
) {
  const user = await userById(c.get('db'), c.get('panel').userId);
  return render(
    c,
    (nonce) => (
      <Shell
        title="Your account"
        nonce={nonce}
        who={c.get('panel')}
        csrf={c.get('csrf')}
        mode={null}
        path="/dashboard/account"
      >
        <AccountBody csrf={c.get('csrf')} enabled={Boolean(user?.totpSecretSealed)} {...extra} />
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

/** /dashboard/account: every user's own second factor. */
export const accountRoutes = new Hono<PanelEnv>()
  .use('/account', requirePanelSession)
  .use('/account/*', requirePanelSession)
  .get('/account', (c) => accountPage(c))
  .post('/account/totp/start', async (c) => {
    const secret = await startTotpEnrolment(c.get('db'), c.get('panel').userId, c.get('platform').secrets);
    const uri = otpauthUri(secret, c.get('panel').email);
    return accountPage(c, { enrol: { secret, uri, qr: qrSvg(uri) } });
  })
  .post('/account/totp/confirm', async (c) => {
    const ok = await confirmTotpEnrolment(
      c.get('db'),
      actor(c),
      c.get('form').code ?? '',
      c.get('platform').secrets,
      Date.now(),
    );
    return ok
      ? accountPage(c, { notice: 'Two-step sign-in is on.' })
      : accountPage(c, { error: 'That code is not valid. Set up again.' }, 400);
  })
  .post('/account/totp/disable', async (c) => {
    const ok = await disableTotp(
      c.get('db'),
      actor(c),
      c.get('form').code ?? '',
      c.get('platform').secrets,
      Date.now(),
    );
    return ok
      ? accountPage(c, { notice: 'Two-step sign-in is off.' })
      : accountPage(c, { error: 'That code is not valid.' }, 400);
  });
