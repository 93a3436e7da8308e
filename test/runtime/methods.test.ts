import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseLinhaDigitavel } from '../../src/domain/boleto';
import { isValidClabe } from '../../src/domain/clabe';
import { card, pay, status, VISA_OK } from './client-helpers';
import { api, call, createSession, type Merchant, newMerchant } from './helpers';

let br: Merchant;
let mx: Merchant;
beforeAll(async () => {
  [br, mx] = await Promise.all([
    newMerchant({ name: 'Loja Boleto', country: 'BRA' }),
    newMerchant({ name: 'Tienda MX', country: 'MEX' }),
  ]);
});

// biome-ignore lint/suspicious/noExplicitAny: the test reads payments of every method shape as plain JSON.
type Paid = { status: string; payment: any };
const paid = async (res: Response) => (await res.json()) as Paid;

describe('boleto', () => {
  it('issues a valid boleto with its due date, fine and interest, and a printable copy', async () => {
    const s = await createSession(br.secret_keys.test, {
      payment_method: 'boleto',
      amount: 50000,
      payment_settings: [
        {
          payment_type: 'boleto',
          boleto_due_days: 3,
          boleto_void_days: 10,
          boleto_charge_fine: true,
          boleto_fine_type: 'percentage',
          boleto_fine_amount: 10,
          boleto_charge_interest: true,
          boleto_interest_type: 'fixed',
          boleto_interest_amount: 0.33,
        },
      ],
    });
    const body = await paid(await pay(s.token, { method: 'boleto' }));
    expect(body.status).toBe('pending');
    const boleto = body.payment.boleto;
    const parsed = parseLinhaDigitavel(boleto.line);
    expect(parsed).toMatchObject({ barcode: boleto.barcode, amountCents: 50000 });
    expect(boleto).toMatchObject({ fine_cents: 5000, interest_per_day_cents: 33 });
    const today = new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 10);
    expect(Date.parse(boleto.due_date) - Date.parse(today)).toBe(3 * 86400_000);
    expect(Date.parse(boleto.void_date) - Date.parse(boleto.due_date)).toBe(10 * 86400_000);
    const svg = await call(new URL(boleto.barcode_svg_url).pathname);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    const print = await call(new URL(boleto.print_url).pathname);
    const html = await print.text();
    expect(print.headers.get('content-security-policy')).toContain("default-src 'none'");
    // The line in its Febraban groups, each kept on one line (a nowrap span per group).
    expect(html.replace(/<[^>]+>/g, '')).toContain(boleto.line_formatted);
    expect(html).toMatch(/Multa por atraso: R\$\s50,00/);
    expect(html).toMatch(/Juros por atraso: R\$\s0,33 ao dia/);
  });

  it('keeps the session payable past expires_at until the void date, then expires it', async () => {
    const s = await createSession(br.secret_keys.test, { payment_method: 'boleto' });
    await paid(await pay(s.token, { method: 'boleto' }));
    const row = await env.DB.prepare('SELECT pending_until FROM checkout_sessions WHERE id = ?')
      .bind(s.token)
      .first<{
        pending_until: number;
      }>();
    expect(row?.pending_until).toBeGreaterThan(Date.now() + 30 * 86400_000); // 3 days + 30 to void
    const stub = env.SESSION_DO.get(env.SESSION_DO.idFromName(s.token));
    const afterExpiry = Date.parse(s.expires_at as string) + 60_000;
    expect(
      await stub.transition({ sessionId: s.token, to: 'expired', onlyIfDue: true, now: afterExpiry }),
    ).toMatchObject({
      ok: false,
    });
    expect((await status(s.token)).status).toBe('pending');
    const afterVoid = (row?.pending_until ?? 0) + 1;
    expect(
      await stub.transition({ sessionId: s.token, to: 'expired', onlyIfDue: true, now: afterVoid }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('settles a boleto paid after expires_at (before it is voided)', async () => {
    const s = await createSession(br.secret_keys.test, { payment_method: 'boleto' });
    const { payment } = await paid(await pay(s.token, { method: 'boleto' }));
    await env.DB.prepare('UPDATE checkout_sessions SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1000, s.token)
      .run();
    const res = await api(`/api/v1/test/payments/${payment.id}/simulate`, br.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    expect(res.status).toBe(200);
    expect((await status(s.token)).status).toBe('paid');
  });
});

describe('bank transfer, SPEI and vouchers', () => {
  it("shows the sandbox's test account for a Brazilian bank transfer", async () => {
    const s = await createSession(br.secret_keys.test, { payment_method: 'bank_transfer' });
    const { payment } = await paid(await pay(s.token, { method: 'bank_transfer' }));
    expect(payment.bank_transfer).toMatchObject({
      bank_code: '999',
      agency: '0001',
      account_type: 'checking',
      beneficiary: 'Loja Boleto',
      reference: expect.stringMatching(/^\d{10}$/),
    });
  });

  it('shows a valid CLABE and a reference for SPEI, and offers SPEI, OXXO and card in Mexico', async () => {
    const s = await createSession(mx.secret_keys.test, {
      currency: 'MXN',
      amount: 150000,
      payment_method: null,
    });
    const view = (await (await call(`/c/v1/sessions/${s.token}`)).json()) as {
      methods: Array<{ method: string }>;
    };
    expect(view.methods.map((m) => m.method)).toEqual(['spei', 'oxxo', 'card']);
    const { payment } = await paid(
      await pay(s.token, { method: 'spei', customer: { name: 'Ana López', email: 'ana@example.com' } }),
    );
    expect(isValidClabe(payment.spei.clabe)).toBe(true);
    expect(payment.spei.clabe).toMatch(/^646180\d{12}$/);
    expect(payment.spei.reference).toMatch(/^\d{7}$/);
  });

  it('issues a voucher reference for OXXO that settles on simulate', async () => {
    const s = await createSession(mx.secret_keys.test, {
      currency: 'MXN',
      amount: 30000,
      payment_method: 'oxxo',
    });
    const { payment } = await paid(
      await pay(s.token, { method: 'oxxo', customer: { name: 'Ana López', email: 'ana@example.com' } }),
    );
    expect(payment.voucher).toMatchObject({
      kind: 'voucher',
      reference: expect.stringMatching(/^BRD\d{12}$/),
    });
    await api(`/api/v1/test/payments/${payment.id}/simulate`, mx.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    expect((await status(s.token)).status).toBe('paid');
  });
});

describe('pricing on payments', () => {
  const settings = [
    { payment_type: 'pix', discount: 10 },
    { payment_type: 'credit_card', max_installments: 3, max_installments_interest: 12, interest: 1.99 },
  ];

  it('charges PIX with its discount, the session amount unchanged', async () => {
    const s = await createSession(br.secret_keys.test, {
      amount: 250000,
      payment_method: null,
      payment_settings: settings,
    });
    const { payment } = await paid(await pay(s.token, { method: 'pix' }));
    expect(payment).toMatchObject({ amount: 225000, adjustment: -25000 });
    const merchantView = (await (
      await api(`/api/v1/checkout/sessions/${s.token}`, br.secret_keys.test)
    ).json()) as {
      amount: number;
    };
    expect(merchantView.amount).toBe(250000);
  });

  it('charges a card in 12 installments with interest by the Price table and records the plan', async () => {
    const s = await createSession(br.secret_keys.test, {
      amount: 250000,
      payment_method: null,
      payment_settings: settings,
    });
    const { payment, status: sessionStatus } = await paid(
      await pay(s.token, { method: 'card', card: card(VISA_OK), installments: 12 }),
    );
    expect(sessionStatus).toBe('paid');
    expect(payment).toMatchObject({
      amount: 283500,
      installments: 12,
      adjustment: 0,
      installment_plan: { amounts: Array(12).fill(23625), monthly_rate: 1.99 },
    });
  });

  it('offers installments only up to the merchant maximum', async () => {
    const s = await createSession(br.secret_keys.test, {
      amount: 250000,
      payment_method: 'card',
      payment_settings: settings,
    });
    const res = await pay(s.token, { method: 'card', card: card(VISA_OK), installments: 12 });
    expect(res.status).toBe(201);
    const s2 = await createSession(br.secret_keys.test, { amount: 250000, payment_method: 'card' });
    const refused = await pay(s2.token, { method: 'card', card: card(VISA_OK), installments: 2 });
    expect(refused.status).toBe(422);
  });
});

describe('receiving accounts the merchant configures', () => {
  const account = {
    bank_name: 'Banco do Brasil',
    bank_code: '001',
    agency: '1234',
    account: '56789',
    account_digit: '0',
    account_type: 'checking',
    beneficiary: 'Loja Conta Ltda',
    document: '11.222.333/0001-81',
  };

  it('shows the merchant bank account and CLABE instead of the sandbox ones', async () => {
    const m = await newMerchant({ name: 'Loja Conta', country: 'BRA' });
    const res = await api('/api/v1/merchant', m.secret_keys.test, {
      method: 'PATCH',
      body: { bank_accounts: [account], spei_clabe: '002010077777777771' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ bank_accounts: [account], spei_clabe: '002010077777777771' });
    const s = await createSession(m.secret_keys.test, { payment_method: 'bank_transfer' });
    const { payment } = await paid(await pay(s.token, { method: 'bank_transfer' }));
    expect(payment.bank_transfer).toMatchObject({ ...account, reference: expect.stringMatching(/^\d{10}$/) });
    const mxs = await createSession(m.secret_keys.test, {
      currency: 'MXN',
      country: 'MEX',
      payment_method: 'spei',
    });
    const spei = await paid(
      await pay(mxs.token, { method: 'spei', customer: { name: 'Ana López', email: 'ana@example.com' } }),
    );
    expect(spei.payment.spei.clabe).toBe('002010077777777771');
  });

  it.each([
    [
      { bank_accounts: [{ ...account, document: '111.111.111-11' }] },
      'bank_accounts[0].document',
      'invalid_document',
    ],
    [{ bank_accounts: [{ ...account, bank_code: '1' }] }, 'bank_accounts[0].bank_code', 'invalid_format'],
    [{ spei_clabe: '002010077777777772' }, 'spei_clabe', 'invalid_clabe'],
  ])('refuses a bad account %#', async (body, field, code) => {
    const m = await newMerchant({ name: 'Loja Ruim', country: 'BRA' });
    const res = await api('/api/v1/merchant', m.secret_keys.test, { method: 'PATCH', body });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field, code }] });
  });
});
