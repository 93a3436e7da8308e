import { describe, expect, it } from 'vitest';
import { apiBaseOverrides } from '../../src/gateways/api-base';

describe('gateway API base overrides', () => {
  const vars = {
    MERCADOPAGO_API_BASE: 'http://127.0.0.1:9001/',
    STRIPE_API_BASE: 'https://stripe-mock.example.com',
    EBANX_API_BASE: 'https://10.0.0.5',
    PAGBANK_API_BASE: 'ftp://files.example.com',
    ENCRYPTION_KEY: 'not-a-base',
    EREDE_API_BASE: 'not a url',
  };

  it('takes every well-formed override when loopback is allowed (local development)', () => {
    expect(apiBaseOverrides(vars, { allowLoopback: true })).toEqual({
      mercadopago: 'http://127.0.0.1:9001',
      stripe: 'https://stripe-mock.example.com',
      ebanx: 'https://10.0.0.5',
    });
  });

  it('ignores loopback, private and plain-http overrides in production', () => {
    expect(apiBaseOverrides(vars, { allowLoopback: false })).toEqual({
      stripe: 'https://stripe-mock.example.com',
    });
    expect(apiBaseOverrides({ X_API_BASE: 'https://localhost:1' }, { allowLoopback: false })).toEqual({});
    expect(apiBaseOverrides({ X_API_BASE: 'https://[::1]:1' }, { allowLoopback: false })).toEqual({});
  });
});
