import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { startReceiver } from './receiver';
import { ROOT, type Server, startBorda } from './server';

let borda: Server;
let browser: Browser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let key: string;
let merchantId: string;
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-panel-'));
const CUSTOMER = { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' };
const PASSWORD = 'a long owner password 42';

beforeAll(async () => {
  [borda, browser, receiver] = await Promise.all([
    // One retry after 1 s: a delivery to the flaky receiver fails for good in about a second.
    startBorda({ stateDir, env: { WEBHOOK_RETRY_SCHEDULE: '1' } }),
    launchBrowser(),
    startReceiver(),
  ]);
  const demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
    merchant_id: string;
    secret_keys: { test: string };
  };
  key = demo.secret_keys.test;
  merchantId = demo.merchant_id;
});

afterAll(async () => {
  await browser?.close();
  await borda?.stop();
  await receiver?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function api(method: string, url: string, body?: unknown, apiKey = key) {
  const res = await fetch(`${borda.base}${url}`, {
    method,
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json', origin: borda.base },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: API objects read as plain JSON.
  return { status: res.status, body: (await res.json()) as any };
}

async function until<T>(probe: () => Promise<T | undefined | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The invite the operator API hands out (the admin token is the one `npm start` wrote to .dev.vars). */
async function operatorInvite(email: string, role: string): Promise<string> {
  const admin = /^ADMIN_TOKEN=(\S+)$/m.exec(readFileSync(path.join(ROOT, '.dev.vars'), 'utf8'))?.[1];
  const res = await fetch(`${borda.base}/admin/v1/merchants/${merchantId}/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { invite_url: string }).invite_url;
}

async function noAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function acceptAndSignIn(page: Page, inviteUrl: string, email: string) {
  await page.goto(inviteUrl);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/dashboard\/login/), page.click('button[type=submit]')]);
  await page.fill('#email', email);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/dashboard\/live\/payments/), page.click('button[type=submit]')]);
}

async function deliveryStatuses(eventIds: string[]) {
  return Promise.all(
    eventIds.map(
      async (id) => (await api('GET', `/api/v1/events/${id}`)).body.deliveries?.[0]?.status as string,
    ),
  );
}

describe('the merchant panel in Chromium', () => {
  it('an invited owner signs in, finds a paid session by CPF, refunds half, replays failed deliveries, rolls a key and sets installments', async () => {
    expect(
      (await api('PATCH', '/api/v1/merchant', { notification_url: receiver.url('/flaky/panel') })).status,
    ).toBe(200);
    const s = await api('POST', '/api/v1/checkout/sessions', {
      amount: 15000,
      currency: 'BRL',
      merchant_order_id: `PANEL-${Date.now()}`,
      payment_method: 'card',
    });
    expect(s.status).toBe(201);
    const card = {
      number: '4242424242424242',
      holder_name: 'MARIA SILVA',
      exp_month: 12,
      exp_year: 2031,
      cvc: '123',
    };
    const paid = await api('POST', `/c/v1/sessions/${s.body.token}/payments`, {
      method: 'card',
      card,
      customer: CUSTOMER,
    });
    expect(paid.body.status).toBe('paid');

    const email = `owner-${Date.now()}@shop.example`;
    const page = await (await browser.newContext()).newPage();
    await acceptAndSignIn(page, await operatorInvite(email, 'owner'), email);
    await expect(page.locator('#mode').textContent()).resolves.toBe('Live mode');
    await page.click('#mode-switch');
    await page.waitForURL(/\/dashboard\/test\/payments/);
    await page.fill('input[name=q]', CUSTOMER.document);
    await page.click('text=Filter');
    await page.click(`a[href$="/payments/${s.body.token}"]`);
    await page.waitForURL(new RegExp(s.body.token));
    await noAxeViolations(page);
    await screenshot(page, 'panel-session-detail');

    await page.fill('input[name=amount]', '75.00');
    await page.click('button:has-text("Refund")');
    await expect(page.locator('.notice').textContent()).resolves.toContain('BRL 75.00');
    const payment = await api('GET', `/api/v1/payments/${paid.body.payment.id}`);
    expect(payment.body.refunds.map((r: { amount: number }) => r.amount)).toEqual([7500]);
    await screenshot(page, 'panel-refund');

    // Every event of this session failed at the flaky receiver (two 500s, then the schedule ran out).
    const events = await until(async () => {
      const list = (await api('GET', `/api/v1/events?session=${s.body.token}`)).body.data as {
        id: string;
        type: string;
      }[];
      return list.some((e) => e.type.startsWith('refund.')) && list;
    }, 30_000);
    const ids = events.map((e) => e.id);
    await until(async () => (await deliveryStatuses(ids)).every((x) => x === 'failed'), 60_000);

    await page.click('a:has-text("Webhooks")');
    await page.selectOption('select[name=hours]', '1');
    await page.click('button:has-text("Replay failed")');
    await expect(page.locator('.notice').textContent()).resolves.toContain(
      `Replaying ${ids.length} failed event`,
    );
    await until(async () => (await deliveryStatuses(ids)).every((x) => x === 'delivered'), 30_000);
    // refund.succeeded: refused twice by the receiver, then delivered once by the replay.
    const refundHits = receiver.hits.filter((h) => h.body.includes('refund.succeeded'));
    expect(refundHits.map((h) => h.answered)).toEqual([500, 500, 200]);
    // A fresh GET, not a reload: a reload would send the replay form again.
    await page.click('a:has-text("Webhooks")');
    await noAxeViolations(page);
    await screenshot(page, 'panel-webhooks');

    await page.click('a:has-text("Developers")');
    await page.click('button:has-text("Roll secret key")');
    const rolled = (await page.locator('#shown-secret').textContent())?.trim() ?? '';
    expect(rolled).toMatch(/^sk_test_[0-9A-Za-z]{32}$/);
    expect((await api('GET', '/api/v1/merchant')).status).toBe(401);
    key = rolled;
    expect((await api('GET', '/api/v1/merchant')).status).toBe(200);
    await noAxeViolations(page);
    await screenshot(page, 'panel-developers');

    await page.click('a:has-text("Settings")');
    await page.fill('#max_installments', '6');
    await page.click('button:has-text("Save")');
    await expect(page.locator('.notice').textContent()).resolves.toBe('Saved.');
    await noAxeViolations(page);
    await screenshot(page, 'panel-settings');
    const fresh = await api('POST', '/api/v1/checkout/sessions', {
      amount: 60000,
      currency: 'BRL',
      merchant_order_id: `PANEL-6X-${Date.now()}`,
      payment_method: 'card',
    });
    const view = (await (await fetch(`${borda.base}/c/v1/sessions/${fresh.body.token}`)).json()) as {
      methods: { method: string; installments: { count: number }[] }[];
    };
    expect(view.methods.find((m) => m.method === 'card')?.installments.map((i) => i.count)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);

    // Boleto terms and a required phone, then a refused origin named beside its box.
    await page.fill('#boleto_due_days', '4');
    await page.selectOption('#boleto_fine_type', 'percentage');
    await page.fill('#boleto_fine_amount', '2');
    await page.check('#require_phone');
    await page.click('button:has-text("Save")');
    await expect(page.locator('.notice').textContent()).resolves.toBe('Saved.');
    const settings = (await api('GET', '/api/v1/merchant')).body;
    expect(settings.default_boleto_terms).toEqual({
      boleto_due_days: 4,
      boleto_charge_fine: true,
      boleto_fine_type: 'percentage',
      boleto_fine_amount: 2,
      boleto_charge_interest: false,
    });
    expect(settings.required_customer_fields).toEqual(['phone']);
    await page.fill('#allowed_origins', 'http://shop.example');
    await page.click('button:has-text("Save")');
    await expect(page.locator('#allowed_origins-error').textContent()).resolves.toContain('https');
    await expect(page.locator('#allowed_origins').getAttribute('aria-invalid')).resolves.toBe('true');
    await noAxeViolations(page);
    await screenshot(page, 'panel-settings-error');
    const asked = await api('POST', '/api/v1/checkout/sessions', {
      amount: 5000,
      currency: 'BRL',
      merchant_order_id: `PANEL-PHONE-${Date.now()}`,
      payment_method: 'pix',
    });
    await page.goto(asked.body.checkout_url);
    await expect(page.locator('#phone').count()).resolves.toBe(1);
    await noAxeViolations(page);
    await screenshot(page, 'checkout-required-phone');
    const noPhone = await api('POST', `/c/v1/sessions/${asked.body.token}/payments`, {
      method: 'pix',
      customer: CUSTOMER,
    });
    expect(noPhone.status).toBe(422);
    expect(noPhone.body.errors[0].field).toBe('customer.phone');
    // The page sends the phone it asked for, and the payment goes through.
    await page.fill('#name', 'Maria Silva');
    await page.fill('#email', 'maria@example.com');
    await page.fill('#document', CUSTOMER.document);
    await page.fill('#phone', '+55 11 98765-4321');
    await page.locator('#pay-button').click();
    await page.locator('#pix-panel').waitFor({ state: 'visible' });
    const issued = await api('GET', `/api/v1/checkout/sessions/${asked.body.token}`);
    expect(issued.body.status).toBe('pending');
    await page.goto(`${borda.base}/dashboard/test/settings`);

    await page.click('a:has-text("Overview")');
    await expect(page.locator('#conversion').textContent()).resolves.toContain('paid');
    await noAxeViolations(page);
    await screenshot(page, 'panel-overview');

    // The owner invites a support user, who cannot roll keys.
    await page.click('a:has-text("Users")');
    const supportEmail = `support-${Date.now()}@shop.example`;
    await page.fill('input[name=email]', supportEmail);
    await page.selectOption('select[name=role]', 'support');
    await page.click('button:has-text("Invite")');
    const link = (await page.locator('#invite-link').textContent())?.trim() ?? '';
    await noAxeViolations(page);
    await page.click('a:has-text("Audit log")');
    await expect(page.locator('.audit-action').allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        'signin.succeeded',
        'refund.created',
        'webhooks.replayed',
        'api_key.rolled',
        'settings.changed',
      ]),
    );
    await screenshot(page, 'panel-audit');

    const support = await (await browser.newContext()).newPage();
    await acceptAndSignIn(support, link, supportEmail);
    expect(await support.locator('a:has-text("Developers")').count()).toBe(0);
    const refused = await support.goto(`${borda.base}/dashboard/test/developers`);
    expect(refused?.status()).toBe(403);
    expect((await api('GET', '/api/v1/merchant')).status).toBe(200);

    // Signed out, the panel sends the browser to the sign-in page.
    const anon = await (await browser.newContext()).newPage();
    await anon.goto(`${borda.base}/dashboard/test/payments`);
    expect(new URL(anon.url()).pathname).toBe('/dashboard/login');
    await noAxeViolations(anon);
    await screenshot(anon, 'panel-sign-in');
  });
});
