import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, stepAt } from '../../src/lib/totp';
import { newMerchant } from './helpers';
import { PASSWORD, PanelClient, signedIn } from './panel-helpers';

const codeAt = async (secret: string, ms: number) => hotp(base32Decode(secret), stepAt(ms));

async function enrol(client: PanelClient) {
  const res = await client.submit('/dashboard/account', '/dashboard/account/totp/start');
  const html = await res.text();
  const secret = /id="totp-secret">([A-Z2-7]+)</.exec(html)?.[1] ?? '';
  expect(secret).toHaveLength(32);
  expect(html).toContain('<svg');
  return secret;
}

describe('panel two-step sign-in', () => {
  it('an enrolled user needs the code after the password; the half session opens nothing; codes are not replayed', async () => {
    const m = await newMerchant();
    const { client, email } = await signedIn(m.merchant_id, 'owner');
    const secret = await enrol(client);
    // A wrong code does not turn it on.
    expect(
      (await client.submit('/dashboard/account', '/dashboard/account/totp/confirm', { code: '000000' }))
        .status,
    ).toBe(400);
    const now = Date.now();
    const confirmed = await client.submit('/dashboard/account', '/dashboard/account/totp/confirm', {
      code: await codeAt(secret, now),
    });
    expect(await confirmed.text()).toContain('Two-step sign-in is on.');

    const c = new PanelClient('203.0.113.20');
    const first = await c.signIn(email, PASSWORD);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/dashboard/login/totp');
    expect(first.headers.get('set-cookie')).toMatch(/Max-Age=300/);
    const blocked = await c.request('/dashboard/test/payments');
    expect(blocked.status).toBe(303);
    expect(blocked.headers.get('location')).toBe('/dashboard/login');
    expect((await c.request('/dashboard/login/totp')).status).toBe(200);

    // The code just used to confirm is spent; a wrong one is refused.
    expect(
      (await c.request('/dashboard/login/totp', { form: { code: await codeAt(secret, now) } })).status,
    ).toBe(400);
    expect((await c.request('/dashboard/login/totp', { form: { code: '123456' } })).status).toBe(400);
    const pendingCookie = c.cookie;
    const ok = await c.request('/dashboard/login/totp', {
      form: { code: await codeAt(secret, now + 30_000) },
    });
    expect(ok.status).toBe(303);
    expect(c.cookie).not.toBe(pendingCookie);
    expect((await c.request('/dashboard/test/payments')).status).toBe(200);
    // The half session's cookie stays dead.
    const old = new PanelClient();
    old.cookie = pendingCookie;
    expect((await old.request('/dashboard/test/payments')).status).toBe(303);

    const audit = await c.page('/dashboard/audit');
    for (const action of ['totp.enabled', 'signin.second_factor', 'signin.second_factor_failed'])
      expect(audit.html).toContain(`>${action}<`);
  });

  it('the code step is throttled with the password, and turning it off needs a code', async () => {
    const m = await newMerchant();
    const { client, email } = await signedIn(m.merchant_id, 'developer');
    const secret = await enrol(client);
    const now = Date.now();
    await client.submit('/dashboard/account', '/dashboard/account/totp/confirm', {
      code: await codeAt(secret, now - 30_000),
    });
    expect(
      (await client.submit('/dashboard/account', '/dashboard/account/totp/disable', { code: '000000' }))
        .status,
    ).toBe(400);
    const off = await client.submit('/dashboard/account', '/dashboard/account/totp/disable', {
      code: await codeAt(secret, now),
    });
    expect(await off.text()).toContain('Two-step sign-in is off.');

    const again = await enrol(client);
    await client.submit('/dashboard/account', '/dashboard/account/totp/confirm', {
      code: await codeAt(again, now + 30_000),
    });
    const c = new PanelClient('203.0.113.30');
    expect((await c.signIn(email, PASSWORD)).status).toBe(303); // attempt 1 of 5
    let last = 0;
    for (let i = 0; i < 4; i++)
      last = (await c.request('/dashboard/login/totp', { form: { code: '000000' } })).status;
    expect(last).toBe(400); // attempts 2..5
    expect((await c.request('/dashboard/login/totp', { form: { code: '000000' } })).status).toBe(429);
  });
});

describe('lost authenticator', () => {
  it('an owner resets a user’s two-step sign-in: their sessions end and the password alone signs in again', async () => {
    const m = await newMerchant();
    const owner = await signedIn(m.merchant_id, 'owner');
    const user = await signedIn(m.merchant_id, 'support');
    const secret = await enrol(user.client);
    await user.client.submit('/dashboard/account', '/dashboard/account/totp/confirm', {
      code: await codeAt(secret, Date.now()),
    });
    const users = await owner.client.page('/dashboard/users');
    expect(users.html).toContain(`/dashboard/users/${user.userId}/reset-two-step`);
    const other = await newMerchant();
    const stranger = await signedIn(other.merchant_id, 'owner');
    expect(
      (await stranger.client.submit('/dashboard/users', `/dashboard/users/${user.userId}/reset-two-step`))
        .status,
    ).toBe(404);
    expect(
      (await owner.client.submit('/dashboard/users', `/dashboard/users/${user.userId}/reset-two-step`))
        .status,
    ).toBe(200);
    expect((await user.client.request('/dashboard/test/payments')).status).toBe(303);
    const c = new PanelClient('203.0.113.40');
    const res = await c.signIn(user.email, PASSWORD);
    expect(res.headers.get('location')).toBe('/dashboard');
    expect((await owner.client.page('/dashboard/audit')).html).toContain('>totp.reset<');
  });
});
