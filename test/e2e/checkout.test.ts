import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, merchantSite, screenshot } from './browser';
import { type Server, startBorda } from './server';

let borda: Server;
let site: Awaited<ReturnType<typeof merchantSite>>;
let browser: Browser;
let key: string;
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-browser-'));

beforeAll(async () => {
  [borda, site, browser] = await Promise.all([startBorda({ stateDir }), merchantSite(), launchBrowser()]);
  key = (
    JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
      secret_keys: { test: string };
    }
  ).secret_keys.test;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await borda?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

let seq = 0;
async function createSession(extra: Record<string, unknown> = {}) {
  seq += 1;
  const res = await fetch(`${borda.base}/api/v1/checkout/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify({
      amount: 15000,
      currency: 'BRL',
      merchant_order_id: `E2E-${Date.now()}-${seq}`,
      success_url: `${site.origin}/success?cs={CHECKOUT_SESSION_ID}`,
      cancel_url: `${site.origin}/cancel`,
      description: 'Pedido de teste',
      ...extra,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; checkout_url: string };
}

async function fillCustomer(page: Page) {
  await page.getByLabel('Nome completo').fill('Maria Silva');
  await page.getByLabel('E-mail').fill('maria@example.com');
  await page.getByLabel('CPF ou CNPJ').fill('529.982.247-25');
}

async function openCheckout(url: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(
    () =>
      !(document.getElementById('pay-button') as HTMLButtonElement).disabled ||
      !document.getElementById('result')?.hidden,
  );
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

describe('hosted checkout in a real browser', () => {
  it('pays by PIX, is simulated paid and lands on success_url', async () => {
    const s = await createSession();
    const page = await openCheckout(s.checkout_url);
    expect(await page.locator('.test').textContent()).toContain('Modo de teste');
    await expect.poll(() => page.locator('#amount').textContent()).toMatch(/R\$\s150,00/);
    await fillCustomer(page);
    await page.getByRole('radio', { name: /^Pix/ }).check();
    await screenshot(page, 'pix-1-form');
    await page.locator('#pay-button').click();
    await page.locator('#pix-panel').waitFor({ state: 'visible' });
    const code = await page.locator('#pix-code').inputValue();
    expect(code.startsWith('000201')).toBe(true);
    await page.waitForFunction(
      () => (document.getElementById('pix-qr') as HTMLImageElement).naturalWidth > 0,
    );
    await screenshot(page, 'pix-2-qr');
    await page.locator('#simulate').click();
    await page.waitForURL(`${site.origin}/success?cs=${s.token}`);
    await screenshot(page, 'pix-3-success');
    expect((page as Page & { errors: string[] }).errors, 'browser console errors').toEqual([]);
    await page.close();
  });

  it('shows a card decline, then pays with 3 installments and lands on success_url', async () => {
    const s = await createSession({ payment_settings: [{ payment_type: 'card', max_installments: 6 }] });
    const page = await openCheckout(s.checkout_url);
    await fillCustomer(page);
    await page.getByRole('radio', { name: /^Cartão de crédito/ }).check();
    await page.getByLabel('Número do cartão').fill('4000 0000 0000 0002');
    await page.getByLabel('Nome impresso no cartão').fill('MARIA SILVA');
    await page.locator('#exp-month').selectOption('12');
    await page.locator('#exp-year').selectOption({ index: 3 });
    await page.getByLabel('Código de segurança (CVV)').fill('123');
    await page.locator('#pay-button').click();
    // The decline sits next to the card number, which gets the focus; the CVC is kept for the retry.
    await expect.poll(() => page.locator('#card-number-err').textContent()).toMatch(/recus/i);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('card-number');
    expect(await page.locator('#cvc').inputValue()).toBe('123');
    await screenshot(page, 'card-1-declined');

    await page.getByLabel('Número do cartão').fill('4242 4242 4242 4242');
    await page.locator('input[name=installments][value="3"]').check();
    await screenshot(page, 'card-2-installments');
    await page.locator('#pay-button').click();
    await page.waitForURL(`${site.origin}/success?cs=${s.token}`);
    const merchantView = (await (
      await fetch(`${borda.base}/api/v1/checkout/sessions/${s.token}`, { headers: { 'x-api-key': key } })
    ).json()) as {
      status: string;
      payments: Array<{ status: string; installments: number; card: { last4: string } }>;
    };
    expect(merchantView.status).toBe('paid');
    expect(merchantView.payments.map((p) => [p.status, p.installments, p.card.last4])).toEqual([
      ['denied', 1, '0002'],
      ['paid', 3, '4242'],
    ]);
    await page.close();
  });

  it("refuses payment on an expired session's page, even served from the cache", async () => {
    const s = await createSession();
    const first = await openCheckout(s.checkout_url);
    await first.close();
    const expired = await fetch(`${borda.base}/api/v1/checkout/sessions/${s.token}/expire`, {
      method: 'POST',
      headers: { 'x-api-key': key },
    });
    expect(expired.status).toBe(200);
    const page = await openCheckout(s.checkout_url);
    await page.locator('#result').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#result-title').textContent()).toMatch(/expir/i);
    expect(await page.locator('#pay-form').isVisible()).toBe(false);
    // Even a hand-made request from the page is refused by the server.
    const status = await page.evaluate(async (token) => {
      const r = await fetch(`/c/v1/sessions/${token}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          method: 'pix',
          customer: { name: 'Maria Silva', email: 'm@example.com', document: '52998224725' },
        }),
      });
      return r.status;
    }, s.token);
    expect(status).toBe(409);
    await screenshot(page, 'expired');
    await page.close();
  });

  it('works on a small phone with the keyboard alone, every control labelled', async () => {
    const s = await createSession({ payment_method: 'pix' });
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(s.checkout_url);
    await page.waitForFunction(() => !(document.getElementById('pay-button') as HTMLButtonElement).disabled);
    const layout = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      unlabelled: [...document.querySelectorAll('input,select,textarea')]
        .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label'))
        .map((el) => el.id || el.outerHTML),
    }));
    expect(layout).toEqual({ overflow: 0, unlabelled: [] });
    await screenshot(page, 'mobile-form');

    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(
          () => document.activeElement?.id || (document.activeElement as HTMLInputElement)?.value,
        ),
      );
    }
    expect(order).toEqual(['pix', 'name', 'email', 'document', 'pay-button', 'cancel']);
    await page.focus('#name');
    await page.keyboard.type('Maria Silva');
    await page.keyboard.press('Tab');
    await page.keyboard.type('maria@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('52998224725');
    await page.keyboard.press('Enter');
    await page.locator('#pix-panel').waitFor({ state: 'visible' });
    // The panel's heading takes the focus (and is read out); the code, then its copy button, follow.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pix-title');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pix-code');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pix-copy');
    await screenshot(page, 'mobile-pix');
    await page.close();
  });
});
