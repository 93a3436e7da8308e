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
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-methods-'));

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
async function createSession(extra: Record<string, unknown>) {
  seq += 1;
  const res = await fetch(`${borda.base}/api/v1/checkout/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify({
      amount: 250000,
      currency: 'BRL',
      merchant_order_id: `M-${Date.now()}-${seq}`,
      success_url: `${site.origin}/success?cs={CHECKOUT_SESSION_ID}`,
      ...extra,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; checkout_url: string };
}

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => !(document.getElementById('pay-button') as HTMLButtonElement).disabled);
  return page;
}

describe('payment methods in a real browser', () => {
  it('issues a boleto, shows its line, barcode and terms, and lands on success_url once simulated paid', async () => {
    const s = await createSession({
      payment_method: 'boleto',
      payment_settings: [
        {
          payment_type: 'boleto',
          boleto_due_days: 3,
          boleto_charge_fine: true,
          boleto_fine_type: 'percentage',
          boleto_fine_amount: 2,
        },
      ],
    });
    const page = await open(s.checkout_url);
    await page.getByLabel('Nome completo').fill('Maria Silva');
    await page.getByLabel('E-mail').fill('maria@example.com');
    await page.getByLabel('CPF ou CNPJ').fill('529.982.247-25');
    await page.locator('#pay-button').click();
    await page.locator('#async-panel').waitFor({ state: 'visible' });
    expect(await page.locator('#async-title').textContent()).toBe('Seu boleto');
    const details = (await page.locator('#async-details').textContent()) ?? '';
    expect(details).toMatch(/\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}/);
    expect(details).toMatch(/Multa por atraso\s*R\$\s50,00/);
    await page.waitForFunction(
      () => (document.getElementById('async-barcode') as HTMLImageElement).naturalWidth > 0,
    );
    const printUrl = await page.locator('#async-print').getAttribute('href');
    const printed = await browser.newPage();
    await printed.goto(printUrl ?? '');
    expect(await printed.locator('#line').textContent()).toMatch(/^\d{5}\.\d{5}/);
    await screenshot(printed, 'boleto-print');
    await printed.close();
    await screenshot(page, 'boleto-panel');
    await page.locator('#simulate').click();
    await page.waitForURL(`${site.origin}/success?cs=${s.token}`);
    await page.close();
  });

  it('offers SPEI, OXXO and card to a Mexican session, in Spanish, and shows the CLABE', async () => {
    const s = await createSession({ currency: 'MXN', amount: 150000, country: 'MEX' });
    const page = await open(s.checkout_url);
    const methods = await page
      .locator('input[name=method]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(methods).toEqual(['spei', 'oxxo', 'card']);
    expect(await page.locator('label.method').allTextContents()).toEqual([
      expect.stringContaining('Transferencia SPEI'),
      expect.stringContaining('Efectivo en OXXO'),
      expect.stringContaining('Tarjeta de crédito'),
    ]);
    expect(await page.locator('#amount').textContent()).toMatch(/^MX\$1,500\.00$/);
    await page.getByLabel('Nombre completo').fill('Ana López');
    await page.getByLabel('Correo electrónico').fill('ana@example.com');
    await page.locator('#pay-button').click();
    await page.locator('#async-panel').waitFor({ state: 'visible' });
    expect(await page.locator('#async-details').textContent()).toMatch(/646 180 \d{11} \d/);
    await screenshot(page, 'spei-panel');
    await page.close();
  });

  it('shows the PIX discount and each card installment with interest', async () => {
    const s = await createSession({
      payment_settings: [
        { payment_type: 'pix', discount: 10 },
        { payment_type: 'credit_card', max_installments: 3, max_installments_interest: 12, interest: 1.99 },
      ],
    });
    const page = await open(s.checkout_url);
    expect(await page.getByRole('radio', { name: /^Pix/ }).locator('..').textContent()).toMatch(
      /R\$\s2\.250,00/,
    );
    expect(await page.locator('#pay-button').textContent()).toMatch(/Pagar R\$\s2\.250,00/);
    await page.getByRole('radio', { name: /^Cartão de crédito/ }).check();
    expect(await page.locator('#pay-button').textContent()).toMatch(/Pagar R\$\s2\.500,00/);
    const plans = await page.locator('label.plan').allTextContents();
    expect(plans).toHaveLength(12);
    expect(plans[2]).toMatch(/1x R\$\s833,34 \+ 2x R\$\s833,33\s*sem juros · total R\$\s2\.500,00/);
    expect(plans[11]).toMatch(/12x R\$\s236,25\s*juros de 1,99% a\.m\. · total R\$\s2\.835,00/);
    await page.locator('input[name=installments][value="12"]').check();
    expect(await page.locator('#pay-button').textContent()).toMatch(/Pagar R\$\s2\.835,00/);
    await screenshot(page, 'installments');
    await page.close();
  });

  it('pays by card when the first gateway fails and the second takes it, ending on success_url', async () => {
    const gateway = (body: Record<string, unknown>) =>
      fetch(`${borda.base}/api/v1/gateways`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({ gateway: 'sandbox', ...body }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id: string } }));
    const primary = await gateway({ name: 'primary', priority: 1, settings: { behaviour: 'fail' } });
    const backup = await gateway({ name: 'backup', priority: 2 });
    expect([primary.status, backup.status]).toEqual([201, 201]);
    try {
      const s = await createSession({ payment_method: 'card' });
      const page = await open(s.checkout_url);
      await page.getByLabel('Nome completo').fill('Maria Silva');
      await page.getByLabel('E-mail').fill('maria@example.com');
      await page.getByLabel('CPF ou CNPJ').fill('529.982.247-25');
      await page.getByLabel('Número do cartão').fill('4242 4242 4242 4242');
      await page.getByLabel('Nome impresso no cartão').fill('MARIA SILVA');
      await page.locator('#exp-month').selectOption('12');
      await page.locator('#exp-year').selectOption({ index: 2 });
      await page.getByLabel('Código de segurança (CVV)').fill('123');
      await page.locator('#pay-button').click();
      await page.waitForURL(`${site.origin}/success?cs=${s.token}`);
      const view = (await (
        await fetch(`${borda.base}/api/v1/checkout/sessions/${s.token}`, { headers: { 'x-api-key': key } })
      ).json()) as { payments: Array<{ id: string; status: string }> };
      expect(view.payments.map((p) => p.status)).toEqual(['paid']);
      const detail = (await (
        await fetch(`${borda.base}/api/v1/payments/${view.payments[0]?.id}`, {
          headers: { 'x-api-key': key },
        })
      ).json()) as { attempts: Array<{ account_id: string; outcome: string }> };
      expect(detail.attempts.map((a) => [a.account_id, a.outcome])).toEqual([
        [primary.body.id, 'retryable'],
        [backup.body.id, 'paid'],
      ]);
      await page.close();
    } finally {
      for (const id of [primary.body.id, backup.body.id]) {
        await fetch(`${borda.base}/api/v1/gateways/${id}`, {
          method: 'DELETE',
          headers: { 'x-api-key': key },
        });
      }
    }
  });
});
