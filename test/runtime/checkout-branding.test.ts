import { beforeAll, describe, expect, it } from 'vitest';
import { api, call, createSession, type Merchant, newMerchant } from './helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Loja Azul', country: 'BRA' });
});

/** The smallest PNG there is (1x1), base64: a stand-in for a merchant's logo. */
const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const patch = (body: unknown) => api('/api/v1/merchant', m.secret_keys.test, { method: 'PATCH', body });

describe('merchant logo and brand colour on the checkout', () => {
  it('shows the logo and the colour, inline under the unchanged nonce CSP, within 50 KB', async () => {
    const res = await patch({ brand_color: '#1A4FA3', logo: LOGO });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ brand_color: '#1a4fa3', logo: LOGO });
    // The largest logo allowed, so the weight below is the worst case.
    const largest = `${LOGO.slice(0, -2)}${'A'.repeat(6 * 1024 - LOGO.length)}==`;
    expect((await patch({ logo: largest })).status).toBe(200);
    const s = await createSession(m.secret_keys.test, {
      payment_method: null,
      description: 'Camiseta azul (M) × 2',
      payment_settings: [
        { payment_type: 'card', max_installments: 6, max_installments_interest: 12, interest: 1.99 },
      ],
    });
    const page = await call(`/checkout/${s.token}`);
    const html = await page.text();
    expect(html).toContain(`<img class="logo" src="${largest}" alt=""/>`);
    expect(html).toContain(':root{--brand:#1a4fa3}');
    expect(html).toContain('Camiseta azul (M) × 2');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain('unsafe-inline');
    // A per-mode setting: the test key's look is not the live checkout's.
    const live = await createSession(m.secret_keys.live);
    const livePage = await (await call(`/checkout/${live.token}`)).text();
    expect(livePage).not.toContain('--brand:#1a4fa3');
    expect(livePage).not.toContain('class="logo"');
    const bytes = new TextEncoder().encode(html).byteLength;
    console.log(`checkout page with every method, 12 plans, marks and a logo: ${bytes} bytes`);
    expect(bytes).toBeLessThanOrEqual(50 * 1024);
  });

  it('refuses a colour white text cannot be read on, a logo that is not an image data URL, and too big a logo', async () => {
    const light = await patch({ brand_color: '#ffeb3b' });
    expect(light.status).toBe(422);
    expect(await light.json()).toMatchObject({
      errors: [{ field: 'brand_color', code: 'insufficient_contrast' }],
    });
    const css = await patch({ brand_color: '#000;}body{x' });
    expect(css.status).toBe(422);
    for (const logo of [
      'https://cdn.example/logo.png',
      'data:text/html;base64,PHNjcmlwdD4=',
      `${LOGO}"><x`,
    ]) {
      const bad = await patch({ logo });
      expect(bad.status).toBe(422);
      expect(await bad.json()).toMatchObject({ errors: [{ field: 'logo' }] });
    }
    const big = await patch({ logo: `data:image/png;base64,${'A'.repeat(6200)}` });
    expect(big.status).toBe(422);
    const cleared = await patch({ brand_color: null, logo: null });
    expect(await cleared.json()).toMatchObject({ brand_color: null, logo: null });
  });
});
