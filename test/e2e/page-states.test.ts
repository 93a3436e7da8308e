import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, fillCustomer, openPage, type Rig, screen, startRig } from './page-helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig('states');
});
afterAll(async () => {
  await rig?.stop();
});

describe('the page on its own clock and in its end states', () => {
  it('turns expired by itself at 0:00, stops counting and links back to the store', async () => {
    const s = await createSession(rig, { payment_method: 'pix', expires_in: 600 });
    const page = await rig.browser.newPage();
    await page.clock.install({ time: Date.now() });
    await page.goto(s.checkout_url);
    await page.waitForFunction(() => !(document.getElementById('pay-button') as HTMLButtonElement).disabled);
    expect(await page.locator('#countdown').textContent()).toMatch(/^(9:5\d|10:00)$/);
    await page.clock.fastForward('10:01');
    await page.locator('#result').waitFor({ state: 'visible' });
    expect(await page.locator('#result-title').textContent()).toMatch(/expir/i);
    expect(await page.locator('#pay-form').isVisible()).toBe(false);
    expect(await page.locator('#clock-line').isVisible()).toBe(false);
    expect(await page.locator('#result-link').getAttribute('href')).toBe(`${rig.site.origin}/cancel`);
    await screen(page, 'state-expired-by-clock');
    await page.close();
  });

  it('shows the result of an expiry pushed by the merchant, with the countdown stopped', async () => {
    const s = await createSession(rig, { payment_method: 'pix' });
    const page = await openPage(rig.browser, s.checkout_url);
    const res = await fetch(`${rig.borda.base}/api/v1/checkout/sessions/${s.token}/expire`, {
      method: 'POST',
      headers: { 'x-api-key': rig.key },
    });
    expect(res.status).toBe(200);
    await page.locator('#result').waitFor({ state: 'visible' });
    expect(await page.locator('#result-title').textContent()).toMatch(/expir/i);
    expect(await page.locator('#clock-line').isVisible()).toBe(false);
    expect(await page.locator('#result-link').textContent()).toBe('Voltar para a loja');
    await page.close();
  });

  it('shows a boleto with its due date instead of the countdown, and keeps it past the session time', async () => {
    const s = await createSession(rig, { payment_method: ['boleto', 'pix'], expires_in: 600 });
    const page = await rig.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.clock.install({ time: Date.now() });
    await page.goto(s.checkout_url);
    await page.waitForFunction(() => !(document.getElementById('pay-button') as HTMLButtonElement).disabled);
    await fillCustomer(page);
    await page.getByRole('radio', { name: /^Boleto/ }).check();
    await page.locator('#pay-button').click();
    await page.locator('#async-panel').waitFor({ state: 'visible' });
    expect(await page.locator('#clock-label').textContent()).toMatch(/^Vence em \d{2}\/\d{2}\/\d{4}$/);
    expect(await page.locator('#countdown').isVisible()).toBe(false);
    // The line as Febraban writes it, five groups, none of them broken across lines.
    const groups = await page.locator('#async-details dd .nw').allTextContents();
    expect(groups.join(' ')).toMatch(/\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}/);
    const broken = await page
      .locator('#async-details dd .nw')
      .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 1).map((e) => e.textContent));
    expect(broken).toEqual([]);
    expect(await page.locator('#async-details').textContent()).toMatch(/Valor do documento\s*R\$\s150,00/);
    await screen(page, 'state-boleto-360');
    await page.clock.fastForward('10:01');
    await page.clock.runFor(2000);
    expect(await page.locator('#async-panel').isVisible()).toBe(true);
    expect(await page.locator('#result').isVisible()).toBe(false);
    await page.close();
  });

  it('lets the customer switch from an issued PIX to another method', async () => {
    const s = await createSession(rig, { payment_method: ['pix', 'boleto'] });
    const page = await openPage(rig.browser, s.checkout_url);
    await fillCustomer(page);
    await page.locator('#pay-button').click();
    await page.locator('#pix-panel').waitFor({ state: 'visible' });
    await page.locator('#switch').click();
    expect(await page.locator('#pay-form').isVisible()).toBe(true);
    await page.getByRole('radio', { name: /^Boleto/ }).check();
    await page.locator('#pay-button').click();
    await page.locator('#async-panel').waitFor({ state: 'visible' });
    expect(await page.locator('#async-title').textContent()).toBe('Seu boleto');
    const view = (await (
      await fetch(`${rig.borda.base}/api/v1/checkout/sessions/${s.token}`, {
        headers: { 'x-api-key': rig.key },
      })
    ).json()) as { payments: Array<{ method: string; status: string }> };
    expect(view.payments.map((p) => p.method).sort()).toEqual(['boleto', 'pix']);
    await page.close();
  });

  it('fills every {time} and shows the amount of a bank transfer and a voucher', async () => {
    const s = await createSession(rig, { currency: 'MXN', country: 'MEX', amount: 150000, locale: 'es' });
    const page = await openPage(rig.browser, s.checkout_url, 360);
    await page.locator('#name').fill('Ana López');
    await page.locator('#email').fill('ana@example.com');
    await page.getByRole('radio', { name: /OXXO/ }).check();
    await page.locator('#pay-button').click();
    await page.locator('#async-panel').waitFor({ state: 'visible' });
    const text = (await page.locator('#async-panel').textContent()) ?? '';
    expect(text).not.toContain('{');
    expect(text).toMatch(/Válido hasta el \d/);
    expect(text).toMatch(/MX\$1,500\.00/);
    await screen(page, 'state-oxxo-es-360');
    await page.locator('#switch').click();
    await page.getByRole('radio', { name: /SPEI/ }).check();
    await page.locator('#pay-button').click();
    await page.locator('#async-title').filter({ hasText: 'SPEI' }).waitFor();
    expect(await page.locator('#async-details').textContent()).toMatch(/Monto a transferir\s*MX\$1,500\.00/);
    await screen(page, 'state-spei-es-360');
    await page.close();
  });

  it('groups the card number as typed, lights its brand, and leaves the expiry unset', async () => {
    const s = await createSession(rig, { payment_method: 'card' });
    const page = await openPage(rig.browser, s.checkout_url, 360);
    expect([
      await page.locator('#exp-month').inputValue(),
      await page.locator('#exp-year').inputValue(),
    ]).toEqual(['', '']);
    const cases: Array<[string, string, string]> = [
      ['4111111111111111', '4111 1111 1111 1111', 'visa'],
      ['5555555555554444', '5555 5555 5555 4444', 'mastercard'],
      ['378282246310005', '3782 822463 10005', 'amex'],
      ['5066991111111118', '5066 9911 1111 1118', 'elo'],
      ['6062825624254001', '6062 8256 2425 4001', 'hipercard'],
      ['6375680000000000', '6375 6800 0000 0000', 'hiper'],
    ];
    for (const [typed, shown, brand] of cases) {
      await page.locator('#card-number').fill('');
      await page.locator('#card-number').pressSequentially(typed);
      expect(await page.locator('#card-number').inputValue()).toBe(shown);
      expect(await page.locator('#card-brands svg.on').getAttribute('class')).toContain(`brand-${brand}`);
      if (brand === 'elo') await screen(page, 'state-card-elo-360');
    }
    await page.close();
  });
});
