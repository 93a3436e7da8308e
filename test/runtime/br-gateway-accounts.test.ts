import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, newMerchant } from './helpers';

describe('enabling e.Rede and PicPay', () => {
  it('lists both as available with the credentials each needs, and Safe2Pay as unavailable', async () => {
    const m = await newMerchant({ name: 'Loja BR', country: 'BRA' });
    const list = (await (await api('/api/v1/gateways', m.secret_keys.test)).json()) as {
      gateways: Array<{
        gateway: string;
        available: boolean;
        methods: string[];
        credential_fields: string[];
      }>;
    };
    const by = (slug: string) => list.gateways.find((g) => g.gateway === slug);
    expect(by('erede')).toEqual({
      gateway: 'erede',
      available: true,
      methods: ['card', 'pix'],
      credential_fields: ['client_id', 'client_secret'],
    });
    expect(by('picpay')).toEqual({
      gateway: 'picpay',
      available: true,
      methods: ['pix', 'picpay'],
      credential_fields: ['client_id', 'client_secret', 'notification_token'],
    });
    expect(by('safe2pay')?.available).toBe(false);
  });

  it('refuses missing or unknown credentials field by field, and stores the accepted ones sealed', async () => {
    const m = await newMerchant({ name: 'Loja BR 2', country: 'BRA' });
    const bad = await api('/api/v1/gateways', m.secret_keys.test, {
      body: { gateway: 'picpay', credentials: { client_id: 'c', client_secret: 's', token: 'x' } },
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: { field: string; code: string }[] }).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'credentials.notification_token', code: 'required' }),
        expect.objectContaining({ field: 'credentials.token', code: 'unknown_field' }),
      ]),
    );
    const secret = 'erede-integration-key-0123456789';
    const ok = await api('/api/v1/gateways', m.secret_keys.test, {
      body: { gateway: 'erede', credentials: { client_id: '50341234', client_secret: secret } },
    });
    expect(ok.status).toBe(201);
    expect(await ok.text()).not.toContain(secret);
    const row = await env.DB.prepare(
      "SELECT credentials_sealed AS c FROM gateway_accounts WHERE gateway = 'erede'",
    ).first<{ c: string }>();
    expect(row?.c).toBeTruthy();
    expect(row?.c).not.toContain(secret);
  });
});
