import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { type Server, startBorda } from './server';

let borda: Server;
let browser: Browser;
let demo: { secret_keys: { test: string }; public_keys: { test: string; live: string } };
let shop: { origin: string; close: () => Promise<void> };
/** What the merchant's page serves next; each test sets it before navigating. */
let html = '';
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-widget-'));

/**
 * The merchant's own page on ANOTHER origin: Borda answers on localhost, this on 127.0.0.1, so the
 * widget really is cross-origin (CORS on the script and the session check, frame-ancestors, the
 * postMessage origin checks).
 */
async function shopServer(): Promise<typeof shop> {
  const server: HttpServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

beforeAll(async () => {
  [borda, shop, browser] = await Promise.all([startBorda({ stateDir }), shopServer(), launchBrowser()]);
  demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8'));
  // The shop must be allowed to frame the checkout (CSP frame-ancestors).
  const res = await fetch(`${borda.base}/api/v1/merchant`, {
    method: 'PATCH',
    headers: { 'x-api-key': demo.secret_keys.test, 'content-type': 'application/json' },
    body: JSON.stringify({ allowed_origins: [shop.origin] }),
  });
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await shop?.close();
  await borda?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Seed 002's backend step: the curl example, with Fintoc's raw `Authorization: <secret key>`. */
async function createCheckoutSession(): Promise<{ id: string; session_token: string }> {
  const res = await fetch(`${borda.base}/v1/checkout_sessions`, {
    method: 'POST',
    headers: { authorization: demo.secret_keys.test, 'content-type': 'application/json' },
    body: JSON.stringify({ amount: 2476, currency: 'BRL', customer_email: 'name@example.com' }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

/**
 * Seed 002's HTML, as the document has it, changing only the script URL (plus the SRI attributes
 * the README recommends), Fintoc.create -> Borda.create, the keys and the token. The callbacks
 * record what they were called with, so the test can see them fire.
 */
async function seedPage(sessionToken: string, publicKey: string): Promise<string> {
  const sri = await (await fetch(`${borda.base}/js/v1/checkout.js.sri`)).text();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta name="viewport" content="width=device-width,initial-scale=1.0, maximum-scale=1.0">
<title>Fintoc Demo</title>
<script src="${borda.base}/js/v1/checkout.js" integrity="${sri}" crossorigin="anonymous"></script>
</head>
<body>
<script>
window.onload = () => {
const widget = Borda.create({
sessionToken: '${sessionToken}',
product: 'payments',
publicKey: '${publicKey}',
onSuccess: (d) => { window.widgetResult = { success: d }; },
onExit: (d) => { window.widgetResult = { exit: d }; },
});
widget.open();
};
</script>
</body>
</html>`;
}

async function openShop(page: Page, sessionToken: string, publicKey = demo.public_keys.test) {
  html = await seedPage(sessionToken, publicKey);
  await page.goto(`${shop.origin}/checkout`);
}

type Result = { success?: { session: string; status: string }; exit?: { status: string; error?: string } };
const result = (page: Page) =>
  page
    .waitForFunction(() => (window as unknown as { widgetResult?: unknown }).widgetResult)
    .then((h) => h.jsonValue() as Promise<Result>);

describe("seed 002's widget page against Borda, in a real browser", () => {
  it('opens the checkout in a modal, pays by PIX, is simulated paid and onSuccess fires', async () => {
    const s = await createCheckoutSession();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The framed checkout gets the status pushed like the hosted page: no poll on the way to onSuccess.
    const polls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('/status')) polls.push(r.url());
    });
    await openShop(page, s.session_token);
    const frame = page.frameLocator('iframe[title="Borda checkout"]');
    await frame.getByLabel('Nome completo').fill('Maria Silva');
    await frame.getByLabel('E-mail').fill('maria@example.com');
    await frame.getByLabel('CPF ou CNPJ').fill('529.982.247-25');
    await frame.getByRole('radio', { name: /^Pix/ }).check();
    await frame.locator('#pay-button').click();
    await frame.locator('#pix-panel').waitFor({ state: 'visible' });
    await screenshot(page, 'widget-1-pix');
    await frame.locator('#simulate').click();
    expect(await result(page)).toEqual({ success: { session: s.id, status: 'paid' } });
    expect(polls).toEqual([]);
    // The modal is gone and the shop page is still the shop page (no navigation).
    expect(await page.locator('iframe').count()).toBe(0);
    expect(new URL(page.url()).origin).toBe(shop.origin);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('calls onExit when the customer closes the modal', async () => {
    const s = await createCheckoutSession();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openShop(page, s.session_token);
    await page.frameLocator('iframe[title="Borda checkout"]').locator('#pay-button').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await result(page)).toEqual({ exit: { status: 'closed' } });
    await page.close();
  });

  it("calls onExit with the reason when the public key is not the session's", async () => {
    const s = await createCheckoutSession();
    const page = await browser.newPage();
    await openShop(page, s.session_token, demo.public_keys.live);
    const r = await result(page);
    expect(r.exit).toMatchObject({ status: 'error', error: 'not_found' });
    expect(await page.locator('iframe').count()).toBe(0);
    await page.close();
  });

  it('redirects to the hosted page on a narrow screen', async () => {
    const s = await createCheckoutSession();
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openShop(page, s.session_token);
    await page.waitForURL(`${borda.base}/checkout/${s.id}`);
    await page.locator('#pay-button').waitFor();
    await page.close();
  });
});
