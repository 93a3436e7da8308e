import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowser, merchantSite } from './browser';
import { ROOT, type Server, startBorda } from './server';

/** Screenshots of every state the page can be in, for people to look at (git-ignored). */
export const SCREENS = path.join(ROOT, 'test-results', 'screens');

export async function screen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

export type Rig = {
  borda: Server;
  browser: Browser;
  site: Awaited<ReturnType<typeof merchantSite>>;
  key: string;
  merchantId: string;
  stop: () => Promise<void>;
};

/** `npm start` in its own data directory, a merchant store on loopback and Chromium. */
export async function startRig(name: string): Promise<Rig> {
  const stateDir = mkdtempSync(path.join(tmpdir(), `borda-${name}-`));
  const started = await Promise.allSettled([startBorda({ stateDir }), merchantSite(), launchBrowser()]);
  const [b, s, br] = started;
  const stop = async () => {
    if (br.status === 'fulfilled') await br.value.close();
    if (s.status === 'fulfilled') await s.value.close();
    if (b.status === 'fulfilled') await b.value.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
  if (b.status !== 'fulfilled' || s.status !== 'fulfilled' || br.status !== 'fulfilled') {
    await stop();
    throw new Error(`rig did not start: ${started.map((r) => (r.status === 'rejected' ? r.reason : 'ok'))}`);
  }
  const demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
    merchant_id: string;
    secret_keys: { test: string };
  };
  return {
    borda: b.value,
    site: s.value,
    browser: br.value,
    key: demo.secret_keys.test,
    merchantId: demo.merchant_id,
    stop,
  };
}

let seq = 0;
export async function createSession(rig: Rig, extra: Record<string, unknown> = {}) {
  seq += 1;
  const res = await fetch(`${rig.borda.base}/api/v1/checkout/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': rig.key, 'content-type': 'application/json' },
    body: JSON.stringify({
      amount: 15000,
      currency: 'BRL',
      merchant_order_id: `PAGE-${Date.now()}-${seq}`,
      success_url: `${rig.site.origin}/success?cs={CHECKOUT_SESSION_ID}`,
      cancel_url: `${rig.site.origin}/cancel`,
      description: 'Camiseta azul (M) × 2',
      ...extra,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; checkout_url: string };
}

/** Opens the page and waits until it is usable (or already showing a result). */
export async function openPage(browser: Browser, url: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 740 : 800 } });
  await page.goto(url);
  await page.waitForFunction(
    () =>
      !(document.getElementById('pay-button') as HTMLButtonElement).disabled ||
      !document.getElementById('result')?.hidden,
  );
  return page;
}

/** "R$ 2.250,00" -> 225000: the digits of an amount as shown, i.e. its minor units. */
export function minorUnits(text: string): number {
  return Number(text.replace(/\D/g, ''));
}

export async function merchantGet<T>(rig: Rig, pathname: string): Promise<T> {
  const res = await fetch(`${rig.borda.base}${pathname}`, { headers: { 'x-api-key': rig.key } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

export async function fillCustomer(page: Page, withDocument = true) {
  await page.locator('#name').fill('Maria Silva');
  await page.locator('#email').fill('maria@example.com');
  if (withDocument) await page.locator('#document').fill('529.982.247-25');
}

export async function fillCard(page: Page, number: string) {
  await page.locator('#card-number').fill(number);
  await page.locator('#holder-name').fill('MARIA SILVA');
  await page.locator('#exp-month').selectOption('12');
  await page.locator('#exp-year').selectOption({ index: 3 });
  await page.locator('#cvc').fill('123');
}
