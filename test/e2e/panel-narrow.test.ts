import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { ROOT, type Server, startBorda } from './server';

/** The settings page on a 360 px phone, driven by keyboard alone. */
let borda: Server;
let browser: Browser;
let merchantId: string;
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-panel-narrow-'));
const PASSWORD = 'a long owner password 42';

beforeAll(async () => {
  [borda, browser] = await Promise.all([startBorda({ stateDir }), launchBrowser()]);
  merchantId = (
    JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as { merchant_id: string }
  ).merchant_id;
});

afterAll(async () => {
  await browser?.close();
  await borda?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

async function ownerInvite(): Promise<string> {
  const admin = /^ADMIN_TOKEN=(\S+)$/m.exec(readFileSync(path.join(ROOT, '.dev.vars'), 'utf8'))?.[1];
  const res = await fetch(`${borda.base}/admin/v1/merchants/${merchantId}/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'narrow@shop.example', role: 'owner' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { invite_url: string }).invite_url;
}

/** A test-mode session paid by PIX through the API, with a customer e-mail (a message in the mailbox). */
async function paidPixSession(): Promise<string> {
  const key = (
    JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
      secret_keys: { test: string };
    }
  ).secret_keys.test;
  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${borda.base}${url}`, {
      method,
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const s = await api('POST', '/api/v1/checkout/sessions', {
    amount: 12345,
    currency: 'BRL',
    merchant_order_id: 'ORDER-WITH-A-RATHER-LONG-IDENTIFIER-0001',
    payment_method: 'pix',
    success_url: 'https://shop.example/ok',
    cancel_url: 'https://shop.example/cancel',
  });
  expect(s.status).toBe(201);
  const token = String(s.body.id);
  const pay = await fetch(`${borda.base}/c/v1/sessions/${token}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      method: 'pix',
      customer: {
        name: 'Ana Souza',
        email: 'ana.souza.with.a.long.address@example.com',
        document: '52998224725',
      },
    }),
  });
  expect(pay.status).toBe(201);
  const { payment } = (await pay.json()) as { payment: { id: string } };
  const paid = await api('POST', `/api/v1/test/payments/${payment.id}/simulate`, { outcome: 'paid' });
  expect(paid.status).toBe(200);
  return token;
}

describe('the settings page at 360 px', () => {
  it('fits the screen: every control is reached by Tab and lies inside the 360 px, as do the other pages and the dev mailbox', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(await ownerInvite());
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/dashboard\/login/), page.click('button[type=submit]')]);
    await page.fill('#email', 'narrow@shop.example');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/dashboard\/live\/payments/), page.click('button[type=submit]')]);
    await page.goto(`${borda.base}/dashboard/test/settings`);
    await screenshot(page, 'panel-settings-360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const controls = await page.$$eval(
      'main input:not([type=hidden]), main select, main textarea, main button',
      (els) => els.length,
    );
    const reached: string[] = [];
    const outside: string[] = [];
    for (let i = 0; i < controls + 40 && reached.length < controls; i += 1) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.closest('main')) return null;
        const box = el.getBoundingClientRect();
        const name = (el as HTMLInputElement).name || el.textContent?.trim() || el.id;
        return {
          key: `${el.tagName}:${name}:${box.top + window.scrollY}`,
          name,
          left: box.left,
          right: box.right,
        };
      });
      if (!focused || reached.includes(focused.key)) continue;
      reached.push(focused.key);
      if (focused.left < 0 || focused.right > 360) outside.push(focused.name);
    }
    expect(reached).toHaveLength(controls);
    expect(outside).toEqual([]);
    // The other pages a merchant works in are no wider than the phone either (tables scroll inside).
    for (const other of ['webhooks', 'payments', 'developers']) {
      await page.goto(`${borda.base}/dashboard/test/${other}`);
      expect([other, await page.evaluate(() => document.documentElement.scrollWidth)]).toEqual([other, 360]);
    }
    // A paid session's page (its id in the title, tables of payments, events and messages) and the
    // dev mailbox with the customer's e-mail in it.
    const session = await paidPixSession();
    for (const other of [`/dashboard/test/payments/${session}`, '/dev/mailbox']) {
      await page.goto(`${borda.base}${other}`);
      await screenshot(page, `panel-narrow-${other.split('/')[2]}`);
      // Ids are random, so a heading that cannot wrap one is wider only in some runs: name the culprits.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > 360 && !el.closest('table'))
          .map((el) => `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim().slice(0, 40)}`),
      );
      expect([other, await page.evaluate(() => document.documentElement.scrollWidth), wide]).toEqual([
        other,
        360,
        [],
      ]);
    }
    await page.close();
  });
});
