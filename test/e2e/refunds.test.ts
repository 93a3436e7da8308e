import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from '../contract/fake-gateway';
import { CHARGE_ID, canceledCharge, ORDER_ID, paidOrder } from '../contract/fixtures/pagarme-refund';
import { launchBrowser, screenshot } from './browser';
import { type Server, startBorda } from './server';

let borda: Server;
let browser: Browser;
let pagarme: FakeGateway;
let key: string;
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-refunds-'));
const CUSTOMER = { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' };

/** A PIX order as Pagar.me answers it (https://docs.pagar.me/reference/pix-2), pending until voided. */
const PIX_ORDER = 'or_pixVoidMe0001';
let pixVoided = false;
const QR =
  '00020101021226840014br.gov.bcb.pix2562pix-h.stone.com.br/pix/v2/e6157b05-4987-4635-af58-968f165f386d52040000' +
  '530398654043.505802BR5914EAD PLATAFORMA6014RIO DE JANEIRO62290525086dc8785e1f4ccaafed11fbd63049D7C';
function pixOrder() {
  const status = pixVoided ? 'canceled' : 'pending';
  return {
    id: PIX_ORDER,
    code: 'pay_pix',
    amount: 350,
    currency: 'BRL',
    status,
    charges: [
      {
        id: 'ch_pix',
        amount: 350,
        status,
        currency: 'BRL',
        payment_method: 'pix',
        last_transaction: {
          id: 'tran_pix',
          transaction_type: 'pix',
          amount: 350,
          status: pixVoided ? 'canceled' : 'waiting_payment',
          qr_code: QR,
          expires_at: new Date(Date.now() + 600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        },
      },
    ],
  };
}

beforeAll(async () => {
  // Pagar.me, played on loopback from its documented answers; the Worker reaches it through PAGARME_API_BASE.
  pagarme = await startFakeGateway({
    'POST /orders': (r) => {
      const req = r.json as { items: Array<{ amount: number }>; payments: Array<{ payment_method: string }> };
      const amount = req.items[0]?.amount ?? 0;
      if (req.payments[0]?.payment_method === 'pix') return { status: 200, body: pixOrder() };
      return { status: 200, body: paidOrder('credit_card', amount) };
    },
    'GET /orders/:id': (r) =>
      r.path.endsWith(PIX_ORDER)
        ? { status: 200, body: pixOrder() }
        : { status: 200, body: paidOrder('credit_card', 20000) },
    'DELETE /charges/ch_pix': () => {
      pixVoided = true;
      return { status: 200, body: { ...pixOrder().charges[0], status: 'canceled' } };
    },
    'DELETE /charges/:id': (r) => ({
      status: 200,
      body: canceledCharge('credit_card', (r.json as { amount: number }).amount, 'refunded', 20000),
    }),
  });
  [borda, browser] = await Promise.all([
    startBorda({ stateDir, env: { PAGARME_API_BASE: pagarme.base } }),
    launchBrowser(),
  ]);
  key = (
    JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
      secret_keys: { test: string };
    }
  ).secret_keys.test;
});

afterAll(async () => {
  await browser?.close();
  await borda?.stop();
  await pagarme?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function json(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${borda.base}${url}`, {
    method,
    headers: { 'x-api-key': key, 'content-type': 'application/json', origin: borda.base, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: API objects read as plain JSON.
  return { status: res.status, body: (await res.json()) as any };
}

/** The demo merchant with a Pagar.me account (at the fake) for the length of `fn`; without one, the sandbox pays. */
async function withPagarme(fn: () => Promise<void>) {
  const created = await json('POST', '/api/v1/gateways', {
    gateway: 'pagarme',
    credentials: { secret_key: 'sk_test_e2e', webhook_user: 'borda', webhook_password: 'secret' },
  });
  expect(created.status).toBe(201);
  try {
    await fn();
  } finally {
    await json('DELETE', `/api/v1/gateways/${created.body.id}`);
  }
}

let seq = 0;
async function session(extra: Record<string, unknown>) {
  seq += 1;
  const s = await json('POST', '/api/v1/checkout/sessions', {
    amount: 20000,
    currency: 'BRL',
    merchant_order_id: `R-${Date.now()}-${seq}`,
    ...extra,
  });
  expect(s.status).toBe(201);
  return s.body as { token: string };
}

describe('refunds against the running server', () => {
  it('a boleto refund: the customer gives the bank account on the hosted page, in pt-BR, and it completes', async () => {
    const s = await session({ payment_method: 'boleto' });
    const paid = await json('POST', `/c/v1/sessions/${s.token}/payments`, {
      method: 'boleto',
      customer: CUSTOMER,
    });
    expect(paid.status).toBe(201);
    await json('POST', `/api/v1/test/payments/${paid.body.payment.id}/simulate`, { outcome: 'paid' });
    const refund = await json('POST', `/api/v1/payments/${paid.body.payment.id}/refunds`, { amount: 7500 });
    expect(refund.body).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'collect_bank_account' },
    });

    const page = await browser.newPage({ locale: 'pt-BR' });
    const errors: string[] = [];
    page.on('console', (m) => {
      // The refused form is answered 422 on purpose; Chromium logs every 4xx document as a console error.
      if (m.type() === 'error' && !/status of 422/.test(m.text())) errors.push(m.text());
    });
    await page.goto(refund.body.next_action.url);
    expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
    expect(await page.locator('h1').textContent()).toBe('Dados bancários para o reembolso');
    expect(await page.locator('form p').first().textContent()).toMatch(/vai devolver R\$\s75,00/);

    // Another person's CPF: refused on the page, with the field marked.
    await page.getByLabel('Nome do titular').fill('Maria Silva');
    await page.getByLabel('CPF ou CNPJ do titular').fill('111.444.777-35');
    await page.getByLabel('Código do banco (3 dígitos)').fill('341');
    await page.getByLabel('Agência (sem dígito)').fill('1234');
    await page.getByLabel('Conta', { exact: true }).fill('567890');
    await page.getByLabel('Dígito da conta').fill('1');
    await page.getByLabel('Tipo de conta').selectOption('savings');
    await page.getByRole('button', { name: 'Enviar dados' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('mesmo CPF/CNPJ');
    expect(await page.getByLabel('CPF ou CNPJ do titular').getAttribute('aria-invalid')).toBe('true');
    // What was typed is kept.
    expect(await page.getByLabel('Conta', { exact: true }).inputValue()).toBe('567890');

    await page.getByLabel('CPF ou CNPJ do titular').fill('529.982.247-25');
    await page.getByRole('button', { name: 'Enviar dados' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toMatch(/Recebemos seus dados.*R\$\s75,00/);
    await screenshot(page, 'refund-bank-account-pt-BR');
    expect(errors).toEqual([]);
    await page.close();

    const done = await json('GET', `/api/v1/refunds/${refund.body.id}`);
    expect(done.body).toMatchObject({
      status: 'succeeded',
      bank_account: { bank_code: '341', account_last4: '7890' },
    });
  });

  it('a card refund through the Pagar.me connector: DELETE /charges/{id} with the amount, over the wire', () =>
    withPagarme(async () => {
      const s = await session({ payment_method: 'card', gateway_first_try: 'pagarme' });
      const paid = await json('POST', `/c/v1/sessions/${s.token}/payments`, {
        method: 'card',
        customer: CUSTOMER,
        card: {
          number: '4242424242424242',
          holder_name: 'MARIA SILVA',
          exp_month: 12,
          exp_year: 2031,
          cvc: '123',
        },
      });
      expect(paid.body).toMatchObject({ status: 'paid', payment: { gateway: 'pagarme' } });
      const refund = await json('POST', `/api/v1/payments/${paid.body.payment.id}/refunds`, { amount: 4000 });
      expect(refund.body).toMatchObject({
        status: 'succeeded',
        gateway: 'pagarme',
        gateway_reference: CHARGE_ID,
      });
      const [del] = pagarme.calls('DELETE', `/charges/${CHARGE_ID}`);
      expect(del?.json).toEqual({ amount: 4000 });
      expect(del?.headers['idempotency-key']).toBe(refund.body.id);
      expect(pagarme.calls('GET', `/orders/${ORDER_ID}`).length).toBeGreaterThan(0);
      const payment = await json('GET', `/api/v1/payments/${paid.body.payment.id}`);
      expect(payment.body).toMatchObject({ status: 'partially_refunded', refunded_amount: 4000 });
    }));

  it('expiry voids the PIX that Pagar.me issued: the cron cancels its charge at the gateway', () =>
    withPagarme(async () => {
      const s = await session({ payment_method: 'pix', gateway_first_try: 'pagarme', amount: 350 });
      const issued = await json('POST', `/c/v1/sessions/${s.token}/payments`, {
        method: 'pix',
        customer: CUSTOMER,
      });
      expect(issued.body).toMatchObject({ status: 'pending', payment: { gateway: 'pagarme' } });
      expect(pagarme.calls('DELETE', '/charges/ch_pix')).toHaveLength(0);
      expect((await json('POST', `/api/v1/checkout/sessions/${s.token}/expire`)).status).toBe(200);
      // wrangler dev runs cron only by hand (npm start passes --test-scheduled); poll until the void went out.
      const deadline = Date.now() + 30_000;
      while (pagarme.calls('DELETE', '/charges/ch_pix').length === 0) {
        if (Date.now() > deadline) throw new Error('the PIX was never voided');
        expect((await fetch(`${borda.base}/__scheduled?cron=*+*+*+*+*`)).status).toBe(200);
        await new Promise((r) => setTimeout(r, 250));
      }
      const [del] = pagarme.calls('DELETE', '/charges/ch_pix');
      expect(del?.headers.authorization).toBe(`Basic ${Buffer.from('sk_test_e2e:').toString('base64')}`);
      // Voided once: later runs leave it alone.
      await fetch(`${borda.base}/__scheduled?cron=*+*+*+*+*`);
      expect(pagarme.calls('DELETE', '/charges/ch_pix')).toHaveLength(1);
    }));
});
