import { describe, expect, it } from 'vitest';
import { eredeUrls } from '../../src/gateways/erede/http';
import { picpayHost } from '../../src/gateways/picpay/http';

describe('documented hosts per mode, and the API base override', () => {
  it('e.Rede: test keys go to the sandbox, live keys to production, an override to <base>/v2 and <base>/oauth2/token', () => {
    expect(eredeUrls({ mode: 'test' })).toEqual({
      api: 'https://sandbox-erede.useredecloud.com.br/v2',
      token: 'https://rl7-sandbox-api.useredecloud.com.br/oauth2/token',
    });
    expect(eredeUrls({ mode: 'live' })).toEqual({
      api: 'https://api.userede.com.br/erede/v2',
      token: 'https://api.userede.com.br/redelabs/oauth2/token',
    });
    expect(eredeUrls({ mode: 'live', apiBase: 'http://127.0.0.1:9' })).toEqual({
      api: 'http://127.0.0.1:9/v2',
      token: 'http://127.0.0.1:9/oauth2/token',
    });
  });

  it('PicPay: test keys go to the sandbox host, live keys to production, an override replaces both', () => {
    expect(picpayHost({ mode: 'test' })).toBe('https://checkout-api-sandbox.picpay.com');
    expect(picpayHost({ mode: 'live' })).toBe('https://checkout-api.picpay.com');
    expect(picpayHost({ mode: 'live', apiBase: 'http://127.0.0.1:9' })).toBe('http://127.0.0.1:9');
  });
});
