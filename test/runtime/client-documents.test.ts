import { beforeAll, describe, expect, it } from 'vitest';
import { card, pay, VISA_OK } from './client-helpers';
import { call, createSession, type Merchant, newMerchant } from './helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Tienda Sur', country: 'CHL' });
});

const customer = (document?: string) => ({ name: 'Ana Pérez', email: 'ana@example.com', document });

describe('the customer document, by country and method', () => {
  it('asks no CPF of a Brazilian session in US dollars, and still of one in reais', async () => {
    const usd = await createSession(m.secret_keys.test, {
      currency: 'USD',
      country: 'BRA',
      payment_method: 'card',
    });
    const view = (await (await call(`/c/v1/sessions/${usd.token}`)).json()) as { document: unknown };
    expect(view.document).toBeNull();
    const paid = await pay(usd.token, { method: 'card', customer: customer(), card: card(VISA_OK) });
    expect(paid.status).toBe(201);
    const brl = await createSession(m.secret_keys.test, {
      currency: 'BRL',
      country: 'BRA',
      payment_method: 'pix',
    });
    const refused = await pay(brl.token, { method: 'pix', customer: customer() });
    expect(await refused.json()).toMatchObject({
      errors: [{ field: 'customer.document', code: 'required' }],
    });
  });

  it('offers a Chilean session a RUT for local methods, refuses junk, and shows a RUT as the tax id', async () => {
    const s = await createSession(m.secret_keys.test, {
      currency: 'CLP',
      amount: 15000,
      country: 'CHL',
      payment_method: 'bank_transfer',
    });
    const view = (await (await call(`/c/v1/sessions/${s.token}`)).json()) as { document: unknown };
    expect(view.document).toEqual({ kind: 'rut', methods: 'local' });
    const junk = await pay(s.token, { method: 'bank_transfer', customer: customer('<script>') });
    expect(await junk.json()).toMatchObject({
      errors: [{ field: 'customer.document', code: 'invalid_document' }],
    });
    const ok = await pay(s.token, { method: 'bank_transfer', customer: customer('12.345.678-5') });
    expect(ok.status).toBe(201);
    const { payment } = (await ok.json()) as { payment: { bank_transfer: { document: string } } };
    expect(payment.bank_transfer.document).toBe('76.123.456-0');
    const page = await (await call(`/checkout/${s.token}`)).text();
    expect(page).toContain('"tax_id":"RUT"');
    expect(page).toContain('<label for="document">RUT</label>');
  });
});
