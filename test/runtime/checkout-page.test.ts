import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/checkout/i18n';
import { call, createSession, type Merchant, newMerchant } from './helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({
    name: 'Loja <script>alert(1)</script>',
    country: 'BRA',
    allowed_origins: ['https://shop.example'],
  });
});

function nonceOf(res: Response): string {
  const csp = res.headers.get('content-security-policy') ?? '';
  return /script-src 'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
}

describe('GET /checkout/{token}', () => {
  it('serves the page with strict security headers and a fresh nonce per response, from the cache after the first view', async () => {
    const s = await createSession(m.secret_keys.test);
    const first = await call(`/checkout/${s.token}`);
    const second = await call(`/checkout/${s.token}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-borda-cache')).toBe('miss');
    expect(second.headers.get('x-borda-cache')).toBe('hit');
    const csp = first.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self' https://shop.example");
    expect(csp).not.toContain('unsafe-inline');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(first.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    const [n1, n2] = [nonceOf(first), nonceOf(second)];
    expect(n1).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(n2).not.toBe(n1);
    const html = await second.text();
    expect(html).toContain(`nonce="${n2}"`);
    expect(html).not.toContain('__BORDA_NONCE__');
    expect(html).not.toMatch(/\son[a-z]+="/i); // no inline event handlers
  });

  it('escapes merchant text in the markup and in the data block', async () => {
    const s = await createSession(m.secret_keys.test, {
      description: '</script><img src=x onerror=alert(2)>',
    });
    const html = await (await call(`/checkout/${s.token}`)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Loja &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<\/script>/g)).toHaveLength(2); // only the two script elements Borda wrote close
  });

  it('weighs at most 50 KB with its CSS and JS', async () => {
    const s = await createSession(m.secret_keys.test, {
      payment_method: null,
      payment_settings: [{ payment_type: 'card', max_installments: 12 }],
    });
    const html = await (await call(`/checkout/${s.token}`)).text();
    const bytes = new TextEncoder().encode(html).byteLength;
    expect(bytes).toBeLessThanOrEqual(50 * 1024);
  });

  it('speaks the session locale, else the country language', async () => {
    const es = await createSession(m.secret_keys.test, {
      currency: 'CLP',
      amount: 1500,
      locale: 'es',
      payment_method: 'card',
    });
    const html = await (await call(`/checkout/${es.token}`)).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toMatch(/Pagar CLP\s\$\s1\.500/);
    const br = await createSession(m.secret_keys.test);
    expect(await (await call(`/checkout/${br.token}`)).text()).toContain('<html lang="pt-BR">');
  });

  it("renders the fixed parts (card fields, Pix panel) once per language: each page keeps its own language's", async () => {
    const year = new Date().getUTCFullYear();
    for (const locale of ['pt-BR', 'es', 'en', 'pt-BR'] as const) {
      const s = await createSession(m.secret_keys.test, { locale, payment_method: null });
      const html = await (await call(`/checkout/${s.token}`)).text();
      const said = MESSAGES[locale];
      expect(html).toContain(`<label for="card-number">${said['field.card_number']}</label>`);
      expect(html).toContain(`<label for="exp-year">${said['field.exp_year']}</label>`);
      expect(html).toContain(`<img id="pix-qr" alt="${said['pix.qr_alt']}"`);
      expect(html).toMatch(
        new RegExp(
          `<select id="exp-year"[^>]*><option value="" selected="">[^<]*</option><option value="${year}">`,
        ),
      );
      // Every brand's mark, once.
      expect(html.match(/<svg class="mark brand-/g)).toHaveLength(7);
    }
  });

  it('answers 404 for an unknown session, still with the security headers', async () => {
    const res = await call('/checkout/cs_test_unknown');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
