import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, fillCustomer, merchantGet, type Rig, screen, startRig } from './page-helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig('live');
});
afterAll(async () => {
  await rig?.stop();
});

/** Every status poll the page makes, with when it was sent. */
function recordPolls(page: Page): number[] {
  const at: number[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/status')) at.push(Date.now());
  });
  return at;
}

async function issuePix(page: Page, token: string): Promise<string> {
  await fillCustomer(page);
  await page.locator('#pay-button').click();
  await page.locator('#pix-panel').waitFor({ state: 'visible' });
  const session = await merchantGet<{ payments: Array<{ id: string }> }>(
    rig,
    `/api/v1/checkout/sessions/${token}`,
  );
  return session.payments[0]?.id ?? '';
}

async function settle(paymentId: string): Promise<number> {
  const sent = Date.now();
  const res = await fetch(`${rig.borda.base}/api/v1/test/payments/${paymentId}/simulate`, {
    method: 'POST',
    headers: { 'x-api-key': rig.key, 'content-type': 'application/json' },
    body: JSON.stringify({ outcome: 'paid' }),
  });
  expect(res.status).toBe(200);
  return sent;
}

describe('status pushed from the SessionDO to the open page', () => {
  it('a PIX settled through the API takes every open page to success_url, pushed, with no poll', async () => {
    const s = await createSession(rig, { payment_method: 'pix' });
    const page = await rig.browser.newPage();
    const polls = recordPolls(page);
    const frames: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
    await page.goto(s.checkout_url);
    await page.waitForFunction(() => !(document.getElementById('pay-button') as HTMLButtonElement).disabled);
    const paymentId = await issuePix(page, s.token);
    // A phone with the same checkout open: it learns of the issued PIX from the socket's first message.
    const phone = await rig.browser.newPage({ viewport: { width: 360, height: 740 } });
    await phone.goto(s.checkout_url);
    await phone.locator('#pix-panel').waitFor({ state: 'visible' });
    await screen(phone, 'live-1-pix-on-phone');
    await expect.poll(() => frames.some((f) => f.includes('"status":"pending"'))).toBe(true);

    const sent = await settle(paymentId);
    const success = `${rig.site.origin}/success?cs=${s.token}`;
    await Promise.all([page.waitForURL(success), phone.waitForURL(success)]);
    const navigatedAt = await page.evaluate(() => performance.timeOrigin);
    const latency = Math.round(navigatedAt - sent);
    console.log(`settlement-to-navigation latency: ${latency} ms (target < 500 ms locally)`);
    expect(polls, 'status polls while the socket was open').toEqual([]);
    expect(latency).toBeGreaterThanOrEqual(0);
    expect(latency).toBeLessThan(500);
    await page.close();
    await phone.close();
  });

  it('a switch made after the socket showed the PIX and before its HTTP answer came stands', async () => {
    const s = await createSession(rig, { payment_method: ['pix', 'boleto'] });
    const page = await rig.browser.newPage();
    await page.goto(s.checkout_url);
    await page.waitForFunction(() => !(document.getElementById('pay-button') as HTMLButtonElement).disabled);
    // The payment reaches Borda at once; its answer reaches the page only once the test lets it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let answered = () => {};
    const delivered = new Promise<void>((resolve) => {
      answered = resolve;
    });
    await page.route(/\/payments$/, async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
      answered();
    });
    await fillCustomer(page);
    await page.locator('#pay-button').click();
    await page.locator('#pix-panel').waitFor({ state: 'visible' });
    await page.locator('#switch').click();
    release();
    await delivered;
    // The page has handled the answer once a task has run after it.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(await page.locator('#pay-form').isVisible()).toBe(true);
    expect(await page.locator('#pix-panel').isVisible()).toBe(false);
    await page.getByRole('radio', { name: /^Boleto/ }).check({ timeout: 5000 });
    await page.locator('#pay-button').click();
    await page.locator('#async-title').filter({ hasText: 'Seu boleto' }).waitFor();
    await page.close();
  });

  it('with the WebSocket blocked, polling still gets the page to success_url', async () => {
    const s = await createSession(rig, { payment_method: 'pix' });
    const page = await rig.browser.newPage();
    let refused = 0;
    await page.routeWebSocket(/\/live$/, (ws) => {
      refused += 1;
      ws.close({ code: 1011, reason: 'blocked by the test' });
    });
    const polls = recordPolls(page);
    await page.goto(s.checkout_url);
    await page.waitForFunction(() => !(document.getElementById('pay-button') as HTMLButtonElement).disabled);
    const paymentId = await issuePix(page, s.token);
    const sent = await settle(paymentId);
    await page.waitForURL(`${rig.site.origin}/success?cs=${s.token}`);
    expect(refused).toBeGreaterThan(0);
    expect(polls.filter((t) => t >= sent).length).toBeGreaterThan(0);
    await page.close();
  });
});
