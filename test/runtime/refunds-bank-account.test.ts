import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, call, type Merchant, newMerchant } from './helpers';
import { eventTypes, getJson, type Json, paidPayment, refund } from './refund-helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Loja Boleto', country: 'BRA' });
});

const PAYER = '529.982.247-25'; // the document client-helpers' CUSTOMER pays with

function form(fields: Record<string, string>, path: string) {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://borda.test' },
    body: new URLSearchParams(fields).toString(),
  });
}

const ACCOUNT = {
  holder_name: 'Maria Silva',
  holder_document: PAYER,
  bank_code: '341',
  agency: '1234',
  account: '567890',
  account_digit: '1',
  account_type: 'checking',
};

describe('boleto refunds need the customer bank account', () => {
  it('wait in requires_action with a link; the hosted page takes the account and the sandbox transfer completes it', async () => {
    const { session, paymentId } = await paidPayment(m, 'boleto', { amount: 25000 });
    const r = await refund(m, paymentId, { amount: 10000 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'collect_bank_account' },
    });
    const url = new URL(r.body.next_action.url);
    expect(url.pathname).toMatch(new RegExp(`^/refunds/${r.body.id}/bank-account/[0-9a-f]{40}$`));
    // The amount is held while the customer answers.
    expect((await refund(m, paymentId, { amount: 15001 })).status).toBe(422);

    const page = await call(url.pathname);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Dados bancários para o reembolso');
    expect(html).toMatch(/R\$\s100,00/);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");

    // A forged link opens nothing.
    expect((await call(url.pathname.replace(/.$/, (d) => (d === '0' ? '1' : '0')))).status).toBe(404);

    // A Brazilian account names its bank.
    const noBank = await form({ ...ACCOUNT, bank_code: '' }, url.pathname);
    expect(noBank.status).toBe(422);
    expect(await noBank.text()).toMatch(
      /name="bank_code"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="bank_code"/,
    );

    // A body far past what the form holds is refused unread (413), not parsed.
    const huge = await form({ ...ACCOUNT, holder_name: 'x'.repeat(70_000) }, url.pathname);
    expect(huge.status).toBe(413);
    expect((await getJson(m, `/api/v1/refunds/${r.body.id}`)).status).toBe('requires_action');

    // Another person's account is refused, nothing changes.
    const wrong = await form({ ...ACCOUNT, holder_document: '111.444.777-35' }, url.pathname);
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('mesmo CPF/CNPJ');
    expect((await getJson(m, `/api/v1/refunds/${r.body.id}`)).status).toBe('requires_action');

    const bad = await form({ ...ACCOUNT, bank_code: '34' }, url.pathname);
    expect(bad.status).toBe(422);

    const ok = await form(ACCOUNT, url.pathname);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Recebemos seus dados');
    const done = await getJson(m, `/api/v1/refunds/${r.body.id}`);
    expect(done).toMatchObject({
      status: 'succeeded',
      completed_by: 'gateway',
      bank_account: { bank_code: '341', holder_name: 'Maria Silva', account_last4: '7890' },
    });
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({
      status: 'partially_refunded',
      refunded_amount: 10000,
    });
    // The account is stored sealed: its number is nowhere in D1 as text.
    const { results } = await env.DB.prepare('SELECT bank_account_sealed AS s FROM refunds WHERE id = ?')
      .bind(r.body.id)
      .all<{ s: string }>();
    expect(results[0]?.s).not.toContain('567890');
    // The page does not take a second account.
    expect(await (await call(url.pathname)).text()).toContain('não precisa mais');
    expect(await eventTypes(m, session.token)).toEqual(
      expect.arrayContaining(['refund.created', 'refund.succeeded', 'payment.refunded']),
    );
  });

  it('completes by the merchant confirming its own transfer when the gateway cannot send it', async () => {
    const { paymentId } = await paidPayment(m, 'bank_transfer', { amount: 8000 });
    const r = await refund(m, paymentId);
    expect(r.body.status).toBe('requires_action');
    // Confirming before the customer answered is allowed: the merchant may have paid back otherwise.
    const confirmed = await api(`/api/v1/refunds/${r.body.id}/confirm`, m.secret_keys.test, {
      method: 'POST',
    });
    expect(confirmed.status).toBe(200);
    expect((await confirmed.json()) as Json).toMatchObject({ status: 'succeeded', completed_by: 'merchant' });
    expect(await getJson(m, `/api/v1/payments/${paymentId}`)).toMatchObject({ status: 'refunded' });
    const again = await api(`/api/v1/refunds/${r.body.id}/confirm`, m.secret_keys.test, { method: 'POST' });
    expect(again.status).toBe(409);
  });

  it('can be canceled while waiting, which frees its amount', async () => {
    const { paymentId } = await paidPayment(m, 'boleto', { amount: 5000 });
    const r = await refund(m, paymentId);
    const canceled = await api(`/api/v1/refunds/${r.body.id}/cancel`, m.secret_keys.test, { method: 'POST' });
    expect((await canceled.json()) as Json).toMatchObject({ status: 'canceled' });
    expect((await refund(m, paymentId)).body).toMatchObject({ status: 'requires_action', amount: 5000 });
  });
});

describe('voucher refunds outside Brazil', () => {
  it('an OXXO refund in Mexico: the page speaks Spanish and takes a CLABE', async () => {
    const mx = await newMerchant({ name: 'Tienda MX', country: 'MEX' });
    const { paymentId } = await paidPayment(mx, 'oxxo', { amount: 30000, currency: 'MXN' });
    const r = await refund(mx, paymentId);
    expect(r.body).toMatchObject({ status: 'requires_action', currency: 'MXN', amount: 30000 });
    const path = new URL(r.body.next_action.url).pathname;
    const html = await (await call(path)).text();
    expect(html).toContain('lang="es"');
    expect(html).toContain('Datos bancarios para el reembolso');
    // The account alone: not Brazil's document, bank code and branch, nor its same-document rule.
    expect(html).toContain('Número de cuenta o CLABE');
    for (const brazilOnly of [
      'name="holder_document"',
      'name="bank_code"',
      'name="agency"',
      'mismo documento',
    ])
      expect(html).not.toContain(brazilOnly);
    const ok = await form(
      // What that page posts: the CLABE alone (a Brazilian account needs a document, bank code, agency).
      { holder_name: 'María López', account: '012180001234567897', account_type: 'checking' },
      path,
    );
    expect(ok.status).toBe(200);
    expect(await getJson(mx, `/api/v1/refunds/${r.body.id}`)).toMatchObject({
      status: 'succeeded',
      bank_account: { account_last4: '7897' },
    });
  });
});
