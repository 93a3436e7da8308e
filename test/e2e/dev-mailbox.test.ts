import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './browser';
import { type Server, startBorda } from './server';

let borda: Server | undefined;
let browser: Browser | undefined;
let key: string;
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-mailbox-'));

beforeAll(async () => {
  // As a developer runs it: .dev.vars from the example, whose providers are the dev mailbox.
  [borda, browser] = await Promise.all([startBorda({ stateDir }), launchBrowser()]);
  key = (
    JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
      secret_keys: { test: string };
    }
  ).secret_keys.test;
});

afterAll(async () => {
  await browser?.close();
  await borda?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

const LINE = /\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}/;

describe('the dev mailbox', () => {
  it('receives the boleto instructions e-mail with the same line the page shows', async () => {
    const mailbox = /Dev mailbox \(customer e-mail and SMS, nothing leaves this machine\): (\S+)/.exec(
      borda?.output() ?? '',
    )?.[1];
    expect(mailbox).toBe(`${borda?.base}/dev/mailbox`);
    const res = await fetch(`${borda?.base}/api/v1/checkout/sessions`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({
        amount: 19990,
        currency: 'BRL',
        merchant_order_id: `MB-${Date.now()}`,
        payment_method: 'boleto',
      }),
    });
    expect(res.status).toBe(201);
    const s = (await res.json()) as { token: string; checkout_url: string };
    const email = `maria-${Date.now()}@example.com`;
    const page = await (browser as Browser).newPage();
    await page.goto(s.checkout_url);
    await page.waitForFunction(() => !(document.getElementById('pay-button') as HTMLButtonElement).disabled);
    await page.getByLabel('Nome completo').fill('Maria Silva');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('CPF ou CNPJ').fill('529.982.247-25');
    await page.locator('#pay-button').click();
    await page.locator('#async-panel').waitFor({ state: 'visible' });
    const shown = LINE.exec((await page.locator('#async-details').textContent()) ?? '')?.[0];
    expect(shown).toBeDefined();

    // The e-mail lands in the dev mailbox (D1), readable as JSON...
    const deadline = Date.now() + 60_000;
    let message: { subject: string; text: string; html: string; id: string } | undefined;
    while (!message) {
      if (Date.now() > deadline) throw new Error('no e-mail in the dev mailbox');
      const list = (await (await fetch(`${mailbox}/messages?to=${encodeURIComponent(email)}`)).json()) as {
        data: Array<{ kind: string; subject: string; text: string; html: string; id: string }>;
      };
      message = list.data.find((m) => m.kind === 'payment_instructions');
      if (!message) await new Promise((r) => setTimeout(r, 250));
    }
    expect(message.subject).toBe('Como pagar R$\u00a0199,90 para Borda Demo Store');
    expect(LINE.exec(message.text)?.[0]).toBe(shown);
    expect(message.text).toContain(s.checkout_url);

    // ...and as a page, in the browser: the list, then the message itself.
    const inbox = await (browser as Browser).newPage();
    await inbox.goto(mailbox ?? '');
    await inbox.locator(`a[href="/dev/mailbox/${message.id}"]`).click();
    await inbox.waitForURL(`${mailbox}/${message.id}`);
    expect(LINE.exec((await inbox.locator('code').first().textContent()) ?? '')?.[0]).toBe(shown);
    await screenshot(inbox, 'dev-mailbox-boleto');
    await inbox.close();
    await page.close();
  });
});
