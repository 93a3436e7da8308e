import { beforeAll, describe, expect, it } from 'vitest';
import { clientPost, pay } from './client-helpers';
import { call, createSession, type Merchant, newMerchant } from './helpers';

/** Every HTML response carries the security headers; the CSP nonce never comes from merchant text. */
let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Loja __BORDA_NONCE__', country: 'BRA' });
});

function nonceOf(res: Response): string {
  return (
    /script-src 'nonce-([^']+)'|style-src 'nonce-([^']+)'/
      .exec(res.headers.get('content-security-policy') ?? '')
      ?.slice(1)
      .find(Boolean) ?? ''
  );
}

function expectSecured(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toMatch(/frame-ancestors '(self|none)'/);
  expect(csp).not.toContain('unsafe-inline');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

describe('security headers on HTML', () => {
  it('/docs sends a nonce CSP, nosniff and frame-ancestors, and its style carries the nonce', async () => {
    const res = await call('/docs');
    expect(res.status).toBe(200);
    expectSecured(res);
    const nonce = nonceOf(res);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await res.text()).toContain(`<style nonce="${nonce}">`);
  });

  it('the checkout, its not-found page and the boleto page send them too', async () => {
    const s = await createSession(m.secret_keys.test, { payment_method: 'boleto' });
    expectSecured(await call(`/checkout/${s.token}`));
    const missing = await call('/checkout/cs_test_doesnotexist');
    expect(missing.status).toBe(404);
    expectSecured(missing);
    const paid = await pay(s.token, { method: 'boleto' });
    expect(paid.status).toBe(201);
    const { payment } = (await paid.json()) as { payment: { id: string } };
    expectSecured(await call(`/c/v1/sessions/${s.token}/payments/${payment.id}/boleto`));
  });

  it('any other HTML a route might send gets the strictest fallback (never none at all)', async () => {
    // Error answers are JSON problems, but carry nosniff like every response.
    const res = await clientPost('cs_test_nothing', '/payments', {});
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the nonce placeholder in merchant text', () => {
  it('stays text: the response nonce appears only in the nonce attributes', async () => {
    const s = await createSession(m.secret_keys.test, {
      description: '__BORDA_NONCE__ nonce="__BORDA_NONCE__"',
      payment_method: 'boleto',
      customer: { name: '__BORDA_NONCE__', email: 'x@example.com', document: '529.982.247-25' },
    });
    const res = await call(`/checkout/${s.token}`);
    const nonce = nonceOf(res);
    const html = await res.text();
    const attributes = html.match(/ nonce="[^"]*"/g) ?? [];
    expect(attributes.length).toBeGreaterThan(0);
    expect(html.split(nonce).length - 1).toBe(attributes.length);
    expect(html).toContain('__BORDA_NONCE__ nonce=&quot;__BORDA_NONCE__&quot;');

    const paid = await pay(s.token, {
      method: 'boleto',
      customer: { name: '__BORDA_NONCE__', email: 'x@example.com', document: '529.982.247-25' },
    });
    const { payment } = (await paid.json()) as { payment: { id: string } };
    const boleto = await call(`/c/v1/sessions/${s.token}/payments/${payment.id}/boleto`);
    const boletoNonce = nonceOf(boleto);
    const boletoHtml = await boleto.text();
    expect(boletoHtml).toContain('__BORDA_NONCE__');
    expect(boletoHtml.split(boletoNonce).length - 1).toBe((boletoHtml.match(/ nonce="[^"]*"/g) ?? []).length);
  });
});
