import { beforeAll, describe, expect, it } from 'vitest';
import { clientPost, pay } from './client-helpers';
import { call, createSession, type Merchant, newMerchant } from './helpers';

/**
 * The client API reads the session's latest payment only for the routes that use it (the session
 * read, paying and canceling take a lighter read): these routes must still find it.
 */
let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Loja Pix', country: 'BRA' });
});

describe('client API routes that act on the latest payment', () => {
  it('serve its PIX QR code and settle it in test mode', async () => {
    const s = await createSession(m.secret_keys.test, { payment_method: 'pix' });
    const paid = await pay(s.token, { method: 'pix' });
    expect(paid.status).toBe(201);
    const { payment } = (await paid.json()) as { payment: { id: string; pix: { qr_svg_url: string } } };

    const qr = await call(`/c/v1/sessions/${s.token}/payments/${payment.id}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(await qr.text()).toContain('<svg');

    const settled = await clientPost(s.token, '/simulate', { outcome: 'paid' });
    expect(settled.status).toBe(200);
    expect(((await settled.json()) as { status: string }).status).toBe('paid');
  });
});
