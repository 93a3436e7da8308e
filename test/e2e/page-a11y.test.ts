import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, fillCard, fillCustomer, type Rig, screen, startRig } from './page-helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig('a11y');
});
afterAll(async () => {
  await rig?.stop();
});

/** Every axe-core rule it runs by default (WCAG 2.x A/AA and best practices): no violation allowed. */
async function noViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, state).toEqual([]);
}

async function visit(page: Page, name: string) {
  await noViolations(page, name);
  await screen(page, name);
}

const CASES = [
  { locale: 'pt-BR', width: 360 },
  { locale: 'pt-BR', width: 1280 },
  { locale: 'es', width: 360 },
  { locale: 'es', width: 1280 },
  { locale: 'en', width: 360 },
  { locale: 'en', width: 1280 },
] as const;

describe('accessibility of every page and state (axe-core)', () => {
  it.each(CASES)('checkout, panels, print and results in $locale at $width px', async ({ locale, width }) => {
    const tag = `${locale}-${width}`;
    const viewport = { width, height: width < 600 ? 740 : 800 };
    // No success_url: the paid result stays on screen instead of navigating away.
    const s = await createSession(rig, {
      locale,
      success_url: undefined,
      payment_method: ['pix', 'boleto', 'bank_transfer', 'card'],
      payment_settings: [
        { payment_type: 'pix', discount: 5 },
        { payment_type: 'card', max_installments: 3, max_installments_interest: 6, interest: 1.99 },
      ],
    });
    // axe-core needs pages of an explicit browser context.
    const context = await rig.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(s.checkout_url);
    await page.waitForFunction(() => !(document.getElementById('pay-button') as HTMLButtonElement).disabled);
    for (const method of ['pix', 'boleto', 'bank_transfer', 'card']) {
      await page.locator(`input[name=method][value=${method}]`).check();
      await visit(page, `a11y-${tag}-form-${method}`);
    }
    // A declined card: the message next to the field.
    await fillCustomer(page);
    await fillCard(page, '4000 0000 0000 0002');
    await page.locator('#pay-button').click();
    await page.locator('#card-number[aria-invalid=true]').waitFor();
    await visit(page, `a11y-${tag}-card-declined`);

    await page.locator('input[name=method][value=pix]').check();
    await page.locator('#pay-button').click();
    await page.locator('#pix-panel').waitFor({ state: 'visible' });
    await page.waitForFunction(
      () => (document.getElementById('pix-qr') as HTMLImageElement).naturalWidth > 0,
    );
    await visit(page, `a11y-${tag}-pix`);

    await page.locator('#switch').click();
    await page.locator('input[name=method][value=bank_transfer]').check();
    await page.locator('#pay-button').click();
    await page.locator('#async-panel').waitFor({ state: 'visible' });
    await visit(page, `a11y-${tag}-bank-transfer`);

    await page.locator('#switch').click();
    await page.locator('input[name=method][value=boleto]').check();
    await page.locator('#pay-button').click();
    await page.locator('#async-barcode').waitFor({ state: 'visible' });
    await page.waitForFunction(
      () => (document.getElementById('async-barcode') as HTMLImageElement).naturalWidth > 0,
    );
    await visit(page, `a11y-${tag}-boleto`);

    const print = await context.newPage();
    await print.goto((await page.locator('#async-print').getAttribute('href')) ?? '');
    await visit(print, `a11y-${tag}-boleto-print`);
    await print.close();

    await page.locator('#simulate').click();
    await page.locator('#result').waitFor({ state: 'visible' });
    await visit(page, `a11y-${tag}-paid`);
    await page.close();

    const gone = await createSession(rig, { locale, payment_method: 'pix' });
    const expired = await fetch(`${rig.borda.base}/api/v1/checkout/sessions/${gone.token}/expire`, {
      method: 'POST',
      headers: { 'x-api-key': rig.key },
    });
    expect(expired.status).toBe(200);
    const end = await context.newPage();
    await end.goto(gone.checkout_url);
    await end.locator('#result').waitFor({ state: 'visible' });
    await visit(end, `a11y-${tag}-expired`);
    await context.close();
  });
});
