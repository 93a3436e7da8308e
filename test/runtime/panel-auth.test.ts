import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_LIMIT, THROTTLE_WINDOW_MS } from '../../src/features/panel/login-throttle';
import { purgePanelState } from '../../src/jobs/maintenance';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../../src/lib/password';
import { database } from '../../src/platform/db';
import { call, newMerchant } from './helpers';
import { inviteViaAdmin, PASSWORD, PanelClient, signedIn } from './panel-helpers';

describe('panel passwords', () => {
  it('hashes with PBKDF2-SHA256 at 100,000 iterations and a per-password salt, and verifies', async () => {
    const a = await hashPassword('a long enough password');
    const b = await hashPassword('a long enough password');
    expect(a).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(a).not.toBe(b); // distinct salts
    expect(await verifyPassword('a long enough password', a)).toBe(true);
    expect(await verifyPassword('a long enough passworD', a)).toBe(false);
    expect(await verifyPassword('a long enough password', a.replace(/\$[^$]+$/, '$'))).toBe(false);
  });
});

describe('panel sign-in', () => {
  it('an operator invite sets a password once; the cookie is HttpOnly, Secure, SameSite=Lax; D1 keeps only hashes', async () => {
    const m = await newMerchant();
    const email = `first-owner-${Date.now()}@shop.example`;
    const invite = await inviteViaAdmin(m.merchant_id, email, 'owner');
    expect(invite.invite_url).toMatch(/\/dashboard\/invite\/inv_[0-9A-Za-z]{32}$/);
    const path = new URL(invite.invite_url).pathname;
    const c = new PanelClient();
    expect((await c.page(path)).html).toContain(email);
    expect((await c.request(path, { form: { password: 'short' } })).status).toBe(400);
    expect((await c.request(path, { form: { password: PASSWORD } })).status).toBe(303);
    // The link is spent.
    expect((await c.request(path, { form: { password: 'another long password' } })).status).toBe(404);

    const res = await c.signIn(email.toUpperCase(), PASSWORD);
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-borda_panel=[0-9A-Za-z]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax/);
    const token = cookie.split(';')[0]?.split('=')[1] ?? '';
    const stored = await env.DB.prepare('SELECT token_hash FROM panel_sessions').all<{
      token_hash: string;
    }>();
    expect(stored.results.map((r) => r.token_hash)).not.toContain(token);
    const user = await env.DB.prepare('SELECT password_hash, invite_hash FROM panel_users WHERE email = ?')
      .bind(email)
      .first<{ password_hash: string; invite_hash: string | null }>();
    expect(user?.password_hash).toMatch(/^pbkdf2-sha256\$/);
    expect(user?.password_hash).not.toContain(PASSWORD);
    expect(user?.invite_hash).toBeNull();
    const home = await c.page('/dashboard/test/payments');
    expect(home.res.status).toBe(200);
    expect(home.html).toContain(email);
  });

  it('a signed-out request is redirected to the sign-in page; a wrong password is refused', async () => {
    const anon = new PanelClient();
    for (const path of [
      '/dashboard',
      '/dashboard/test/payments',
      '/dashboard/live/developers',
      '/dashboard/audit',
      '/dashboard/users',
    ]) {
      const res = await anon.request(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/dashboard/login');
    }
    const m = await newMerchant();
    const { email, client } = await signedIn(m.merchant_id, 'owner');
    expect((await client.request('/dashboard/prod/payments')).status).toBe(404);
    expect((await anon.request('/dashboard/prod/payments')).status).toBe(303);
    expect((await new PanelClient('198.51.100.9').signIn(email, 'wrong password!!')).status).toBe(400);
    expect((await new PanelClient('198.51.100.9').signIn('nobody@shop.example', PASSWORD)).status).toBe(400);
  });

  it('throttles an account after five attempts in the window, even with the right password, and per address', async () => {
    const m = await newMerchant();
    const { email } = await signedIn(m.merchant_id, 'support', '192.0.2.50');
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      expect((await new PanelClient(`192.0.2.${100 + i}`).signIn(email, 'wrong password!!')).status).toBe(
        400,
      );
    }
    const locked = await new PanelClient('192.0.2.200').signIn(email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Too many sign-in attempts');
    // The refused attempt is in the account's audit log, with where it came from.
    const throttled = await env.DB.prepare(
      "SELECT address FROM audit_log WHERE email = ? AND action = 'signin.throttled'",
    )
      .bind(email)
      .all<{ address: string }>();
    expect(throttled.results).toEqual([{ address: '192.0.2.200' }]);

    // One address guessing many accounts is stopped too.
    const address = '192.0.2.250';
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (await new PanelClient(address).signIn(`guess${i}@shop.example`, 'x')).status;
    expect(last).toBe(429);
  });

  it('refuses a POST without the session CSRF token, with another session token, or from another origin', async () => {
    const m = await newMerchant();
    const a = await signedIn(m.merchant_id, 'owner');
    const b = await signedIn(m.merchant_id, 'owner');
    const action = '/dashboard/test/developers/keys/roll';
    expect((await a.client.request(action, { form: { kind: 'secret' } })).status).toBe(403);
    const bCsrf = (await b.client.page('/dashboard/test/developers')).csrf;
    expect((await a.client.request(action, { form: { kind: 'secret', _csrf: bCsrf } })).status).toBe(403);
    const aCsrf = (await a.client.page('/dashboard/test/developers')).csrf;
    expect(
      (
        await a.client.request(action, {
          form: { kind: 'secret', _csrf: aCsrf },
          origin: 'https://evil.example',
        })
      ).status,
    ).toBe(403);
    // Nothing was rolled: the original test key still works.
    expect((await call('/api/v1/merchant', { headers: { 'x-api-key': m.secret_keys.test } })).status).toBe(
      200,
    );
    expect((await a.client.request(action, { form: { kind: 'secret', _csrf: aCsrf } })).status).toBe(200);
  });

  it('sign-out revokes the session server-side: the old cookie no longer opens anything', async () => {
    const m = await newMerchant();
    const { client } = await signedIn(m.merchant_id, 'developer');
    const stolen = client.cookie;
    const out = await client.submit('/dashboard/test/payments', '/dashboard/logout');
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const replay = new PanelClient();
    replay.cookie = stolen;
    const res = await replay.request('/dashboard/test/payments');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/dashboard/login');
  });

  it('an owner disabling a user revokes their sessions at once', async () => {
    const m = await newMerchant();
    const owner = await signedIn(m.merchant_id, 'owner');
    const dev = await signedIn(m.merchant_id, 'developer');
    expect((await dev.client.request('/dashboard/test/payments')).status).toBe(200);
    expect(
      (await owner.client.submit('/dashboard/users', `/dashboard/users/${dev.userId}/disable`)).status,
    ).toBe(200);
    expect((await dev.client.request('/dashboard/test/payments')).status).toBe(303);
  });
});

describe('panel invites by an owner', () => {
  it('an owner invites a support user whose link works once; non-owners cannot invite', async () => {
    const m = await newMerchant();
    const owner = await signedIn(m.merchant_id, 'owner');
    const email = `invited-${Date.now()}@shop.example`;
    const res = await owner.client.submit('/dashboard/users', '/dashboard/users', { email, role: 'support' });
    const html = await res.text();
    expect(res.status, html).toBe(200);
    const link = /id="invite-link">([^<]+)</.exec(html)?.[1] ?? '';
    expect(link).toMatch(/\/dashboard\/invite\/inv_[0-9A-Za-z]{32}$/);
    const c = new PanelClient();
    expect((await c.request(new URL(link).pathname, { form: { password: PASSWORD } })).status).toBe(303);
    expect((await c.signIn(email, PASSWORD)).status).toBe(303);
    const dev = await signedIn(m.merchant_id, 'developer');
    const csrf = (await dev.client.page('/dashboard/test/payments')).csrf;
    const refused = await dev.client.request('/dashboard/users', {
      form: { _csrf: csrf, email: 'x@shop.example', role: 'owner' },
    });
    expect(refused.status).toBe(403);
  });
});

describe('panel page headers', () => {
  it('every page carries a fresh nonce CSP with frame-ancestors none, nosniff and no caching; nothing inline runs without the nonce', async () => {
    const m = await newMerchant();
    const { client } = await signedIn(m.merchant_id, 'owner');
    const seen = new Set<string>();
    for (const path of [
      '/dashboard/login',
      '/dashboard/test/payments',
      '/dashboard/live/settings',
      '/dashboard/audit',
    ]) {
      const res = await client.request(path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /script-src 'nonce-([A-Za-z0-9_-]{22})'/.exec(csp)?.[1];
      expect(nonce, path).toBeDefined();
      seen.add(nonce as string);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      for (const tag of html.match(/<(script|style)\b[^>]*>/g) ?? [])
        expect(tag).toContain(`nonce="${nonce}"`);
      expect(html).not.toMatch(/\son[a-z]+=/);
    }
    expect(seen.size).toBe(4);
  });

  it("an owner cannot disable another merchant's user", async () => {
    const a = await newMerchant();
    const b = await newMerchant();
    const ownerA = await signedIn(a.merchant_id, 'owner');
    const userB = await signedIn(b.merchant_id, 'support');
    const res = await ownerA.client.submit('/dashboard/users', `/dashboard/users/${userB.userId}/disable`);
    expect(res.status).toBe(404);
    expect((await userB.client.request('/dashboard/test/payments')).status).toBe(200);
  });
});

describe('an owner acting on themselves', () => {
  it('cannot disable themselves (the merchant could be left with no owner) nor drop their own two-step sign-in without a code', async () => {
    const owner = await signedIn((await newMerchant()).merchant_id, 'owner');
    const disable = await owner.client.submit('/dashboard/users', `/dashboard/users/${owner.userId}/disable`);
    expect(disable.status).toBe(403);
    const reset = await owner.client.submit(
      '/dashboard/users',
      `/dashboard/users/${owner.userId}/reset-two-step`,
    );
    expect(reset.status).toBe(403);
    // Still signed in: nothing was revoked.
    expect((await owner.client.request('/dashboard/test/payments')).status).toBe(200);
    const row = await env.DB.prepare('SELECT disabled_at FROM panel_users WHERE id = ?')
      .bind(owner.userId)
      .first<{ disabled_at: number | null }>();
    expect(row?.disabled_at).toBeNull();
  });
});

describe('panel audit log', () => {
  it('records sign-ins (failed too), password set, invites, disabling and sign-out, readable by the owner', async () => {
    const m = await newMerchant();
    const owner = await signedIn(m.merchant_id, 'owner');
    const dev = await signedIn(m.merchant_id, 'developer');
    expect((await new PanelClient('198.51.100.77').signIn(dev.email, 'not the password')).status).toBe(400);
    await dev.client.submit('/dashboard/test/payments', '/dashboard/logout');
    await owner.client.submit('/dashboard/users', `/dashboard/users/${dev.userId}/disable`);
    const { html } = await owner.client.page('/dashboard/audit');
    const actions = [...html.matchAll(/class="audit-action">([^<]+)</g)].map((x) => x[1]);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.invited',
        'user.password_set',
        'signin.succeeded',
        'signin.failed',
        'signout',
        'user.disabled',
      ]),
    );
    expect(html).toContain('198.51.100.77');
    expect(html).not.toContain('not the password');
  });
});

describe('panel state purge (cron)', () => {
  it('drops closed throttle windows and long-ended sessions, keeps live ones', async () => {
    const now = Date.now();
    await env.DB.batch([
      env.DB.prepare(
        'INSERT INTO login_throttle (key, window_start, attempts) VALUES (?, ?, 3), (?, ?, 2)',
      ).bind('account:old@shop.example', now - THROTTLE_WINDOW_MS - 1, 'account:new@shop.example', now),
      env.DB.prepare(
        "INSERT INTO panel_sessions (id, token_hash, user_id, merchant_id, created_at, expires_at) VALUES ('pss_old', 'h_old', 'u', 'm', 0, ?), ('pss_new', 'h_new', 'u', 'm', ?, ?)",
      ).bind(now - 2 * 86_400_000, now, now + 3_600_000),
    ]);
    await purgePanelState(database(env), now);
    const keys = await env.DB.prepare('SELECT key FROM login_throttle WHERE key IN (?, ?)')
      .bind('account:old@shop.example', 'account:new@shop.example')
      .all<{ key: string }>();
    expect(keys.results.map((r) => r.key)).toEqual(['account:new@shop.example']);
    const ids = await env.DB.prepare("SELECT id FROM panel_sessions WHERE id IN ('pss_old', 'pss_new')").all<{
      id: string;
    }>();
    expect(ids.results.map((r) => r.id)).toEqual(['pss_new']);
  });
});

describe('panel form size', () => {
  it('refuses a form body past 64 KiB with 413, signed in or not', async () => {
    const anon = new PanelClient();
    const res = await anon.request('/dashboard/login', {
      form: { email: 'a@shop.example', password: 'x'.repeat(70_000) },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('text/html');
    const m = await newMerchant();
    const { client } = await signedIn(m.merchant_id, 'owner');
    const csrf = (await client.page('/dashboard/test/settings')).csrf;
    const big = await client.request('/dashboard/test/settings', {
      form: { _csrf: csrf, pad: 'y'.repeat(70_000) },
    });
    expect(big.status).toBe(413);
  });
});
