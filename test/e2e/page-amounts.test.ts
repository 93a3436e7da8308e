import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fillCard,
  fillCustomer,
  merchantGet,
  minorUnits,
  openPage,
  type Rig,
  screen,
  startRig,
} from './page-helpers';

let rig: Rig;
beforeAll(async () => {
  rig = await startRig('amounts');
});
afterAll(async () => {
  await rig?.stop();
});

type PaymentView = {
  id: string;
  status: string;
  method: string;
  amount: number;
  adjustment: number;
  installments: number;
  installment_plan: { amounts: number[]; monthly_rate: number } | null;
};

/** Seed 004's example 3, as the document sends it, for the demo merchant's test key. */
async function example3Order(): Promise<{ id: string; checkout_url: string }> {
  const res = await fetch(`${rig.borda.base}/checkout/orders`, {
    method: 'POST',
    headers: { 'x-api-key': rig.key, 'content-type': 'application/json' },
    body: JSON.stringify({
      merchant_id: rig.merchantId,
      order: {
        merchant_key: `codigo-pedido-${Date.now()}`,
        amount: 250000,
        description: 'Descrição da cobrança',
        sandbox: true,
        notify_customer: 'sms',
        payments_settings: [
          { payment_type: 'pix', discount: 10 },
          { payment_type: 'credit_card', max_installments: 5, max_installments_interest: 12, interest: 1.99 },
        ],
        customer: {
          customer_type: 0,
          name: 'João Silva',
          email: 'joao@silva.com',
          phone_number: '11999998877',
          legal_number: '52998224725',
        },
      },
    }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

async function latestPayment(token: string): Promise<PaymentView> {
  const session = await merchantGet<{ payments: Array<{ id: string; created_at: string }> }>(
    rig,
    `/api/v1/checkout/sessions/${token}`,
  );
  const last = [...session.payments].sort((a, b) => a.created_at.localeCompare(b.created_at)).at(-1);
  return merchantGet<PaymentView>(rig, `/api/v1/payments/${last?.id}`);
}

/** Amounts written on a plan's line, "1x R$ 833,34 + 2x R$ 833,33", as one value per installment. */
function installmentsShown(text: string): number[] {
  return [...text.matchAll(/(\d+)x ([^+]+)/g)].flatMap(([, n, amount]) =>
    Array.from({ length: Number(n) }, () => minorUnits(amount ?? '')),
  );
}

describe("seed 004's example 3 on the page: what the button says is what the payment charges", () => {
  it('PIX 10% off, then card in 1, 3, 5, 6 and 12 installments, each read back from the API', async () => {
    const order = await example3Order();
    const page = await openPage(rig.browser, order.checkout_url);
    // The order's link leads to its current session's page: the session token is in that page's URL.
    const token = new URL(page.url()).pathname.split('/').pop() as string;
    expect(token).toMatch(/^cs_test_/);
    const methods = await page
      .locator('input[name=method]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(methods).toEqual(['pix', 'card']);

    // PIX: the discount is labelled where the method is chosen and on the charge line.
    expect(await page.locator('label.method').first().textContent()).toMatch(
      /R\$\s2\.250,00\s*10% de desconto/,
    );
    expect(await page.locator('#charge-line').textContent()).toMatch(/Pix · 10% de desconto: R\$\s2\.250,00/);
    await fillCustomer(page);
    await screen(page, 'amounts-1-pix-discount');
    const pixButton = (await page.locator('#pay-button').textContent()) ?? '';
    await page.locator('#pay-button').click();
    await page.locator('#pix-panel').waitFor({ state: 'visible' });
    const pix = await latestPayment(token);
    expect([pix.method, pix.amount, pix.adjustment]).toEqual(['pix', minorUnits(pixButton), -25000]);
    expect(await page.locator('#pix-expires').textContent()).toMatch(/R\$\s2\.250,00/);

    // Changing one's mind after the PIX was issued: back to the form, by card.
    await page.locator('#switch').click();
    await page.getByRole('radio', { name: /^Cartão de crédito/ }).check();
    await fillCard(page, '4000 0000 0000 0002');
    for (const count of [1, 3, 5, 6, 12]) {
      await page.locator(`input[name=installments][value="${count}"]`).check();
      const button = (await page.locator('#pay-button').textContent()) ?? '';
      const line = (await page.locator(`label.plan:has(input[value="${count}"]) .split`).textContent()) ?? '';
      if (count === 3) await screen(page, 'amounts-2-card-3x');
      await page.locator('#pay-button').click();
      await expect.poll(() => page.locator('#card-number-err').textContent()).toMatch(/recus/i);
      const paid = await latestPayment(token);
      expect({ count, installments: paid.installments, amount: paid.amount }).toEqual({
        count,
        installments: count,
        amount: minorUnits(button),
      });
      if (count > 1) {
        // The plan recorded is the split shown, installment by installment.
        expect(paid.installment_plan?.amounts).toEqual(installmentsShown(line));
      }
      await page.locator('#card-number-err').evaluate((el) => {
        el.textContent = '';
      });
    }
    // What was charged in 3x with no interest, and in 12x at 1.99 % a month, in full.
    await page.locator('input[name=installments][value="3"]').check();
    expect(await page.locator('label.plan:has(input[value="3"])').textContent()).toMatch(
      /1x R\$\s833,34 \+ 2x R\$\s833,33\s*sem juros · total R\$\s2\.500,00/,
    );
    expect(await page.locator('label.plan:has(input[value="12"])').textContent()).toMatch(
      /12x R\$\s236,25\s*juros de 1,99% a\.m\. · total R\$\s2\.835,00/,
    );

    // Paid in 3: the confirmation shows the amount charged and its installments.
    await page.locator('#card-number').fill('4242 4242 4242 4242');
    await page.locator('#pay-button').click();
    await page.locator('#result').waitFor({ state: 'visible' });
    expect(await page.locator('#result-amount').textContent()).toMatch(
      /Valor cobrado: R\$\s2\.500,00 \(1x R\$\s833,34 \+ 2x R\$\s833,33\)/,
    );
    await screen(page, 'amounts-3-paid');
    const settled = await latestPayment(token);
    expect([settled.status, settled.amount, settled.installment_plan?.amounts]).toEqual([
      'paid',
      250000,
      [83334, 83333, 83333],
    ]);
    await page.close();
  });
});
