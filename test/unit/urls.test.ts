import { describe, expect, it } from 'vitest';
import {
  checkReturnUrl,
  checkWebhookUrl,
  isPrivateOrReservedIPv4,
  isPrivateOrReservedIPv6,
} from '../../src/domain/urls';

const long = (prefix: string, total: number): string => prefix + 'a'.repeat(total - prefix.length);

describe('checkWebhookUrl', () => {
  // [url, expected problem code or null when accepted]
  it.each<[string, string | null]>([
    ['https://merchant.com.br/webhooks/borda', null],
    ['https://api.merchant.com:8443/hooks?source=borda', null],
    ['https://hooks.example.com.br/x', null], // .example only blocked as the last label
    ['https://xn--caf-dma.com.br/hook', null],
    [long('https://merchant.com/', 2048), null],
    [long('https://merchant.com/', 2049), 'too_long'],
    ['not a url', 'invalid_url'],
    ['/relative/path', 'invalid_url'],
    ['https://', 'invalid_url'],
    ['https://merchant.com/\nhook', 'invalid_url'],
    [' https://merchant.com/hook', 'invalid_url'],
    ['http://merchant.com/hook', 'https_required'],
    ['ftp://merchant.com/hook', 'https_required'],
    ['javascript:alert(1)', 'https_required'],
    ['https://user:pass@merchant.com/hook', 'credentials_not_allowed'],
    ['https://user@merchant.com/hook', 'credentials_not_allowed'],
    ['https://merchant.com/hook#frag', 'fragment_not_allowed'],
    ['https://merchant.com/hook#', 'fragment_not_allowed'],
    ['https://8.8.8.8/hook', 'ip_literal_not_allowed'],
    ['https://[2606:4700:4700::1111]/hook', 'ip_literal_not_allowed'],
    ['https://134744072/hook', 'ip_literal_not_allowed'], // 8.8.8.8 as one number
    ['https://127.0.0.1/hook', 'host_not_allowed'],
    ['https://2130706433/hook', 'host_not_allowed'],
    ['https://0x7f.1/hook', 'host_not_allowed'],
    ['https://0177.0.0.1/hook', 'host_not_allowed'],
    ['https://127.1/hook', 'host_not_allowed'],
    ['https://127.0.0.1./hook', 'host_not_allowed'],
    ['https://10.1.2.3../hook', 'host_not_allowed'], // the parser keeps this as a domain name
    ['https://0x7f.1../hook', 'host_not_allowed'],
    ['https://0x08080808../hook', 'ip_literal_not_allowed'],
    ['https://10.0.0.5/hook', 'host_not_allowed'],
    ['https://172.16.0.1/hook', 'host_not_allowed'],
    ['https://192.168.1.1/hook', 'host_not_allowed'],
    ['https://169.254.169.254/latest/meta-data', 'host_not_allowed'],
    ['https://100.64.0.1/hook', 'host_not_allowed'],
    ['https://0.0.0.0/hook', 'host_not_allowed'],
    ['https://255.255.255.255/hook', 'host_not_allowed'],
    ['https://[::1]/hook', 'host_not_allowed'],
    ['https://[::ffff:127.0.0.1]/hook', 'host_not_allowed'],
    ['https://[fd00::1]/hook', 'host_not_allowed'],
    ['https://[fe80::1]/hook', 'host_not_allowed'],
    ['https://localhost/hook', 'host_not_allowed'],
    ['https://localhost./hook', 'host_not_allowed'],
    ['https://LOCALHOST/hook', 'host_not_allowed'],
    ['https://%6c%6fcalhost/hook', 'host_not_allowed'],
    ['https://\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54/hook', 'host_not_allowed'], // full-width
    ['https://api.localhost/hook', 'host_not_allowed'],
    ['https://payments/hook', 'host_not_allowed'], // single label
    ['https://intranet/hook', 'host_not_allowed'],
    ['https://printer.local/hook', 'host_not_allowed'],
    ['https://db.internal./hook', 'host_not_allowed'],
    ['https://box.localdomain/hook', 'host_not_allowed'],
    ['https://nas.home.arpa/hook', 'host_not_allowed'],
    ['https://pc.lan/hook', 'host_not_allowed'],
    ['https://wiki.intranet/hook', 'host_not_allowed'],
    ['https://erp.corp/hook', 'host_not_allowed'],
    ['https://shop.test/hook', 'host_not_allowed'],
    ['https://shop.invalid/hook', 'host_not_allowed'],
    ['https://shop.example/hook', 'host_not_allowed'],
    ['https://abcdefghijklmnop.onion/hook', 'host_not_allowed'],
  ])('%s -> %s', (url, code) => {
    expect(checkWebhookUrl(url, { allowLoopback: false })?.code ?? null).toBe(code);
  });

  it('gives a human-readable message with every problem', () => {
    expect(checkWebhookUrl('https://10.0.0.1/', { allowLoopback: false })?.message).toMatch(/public/);
  });

  describe('with allowLoopback', () => {
    it.each<[string, string | null]>([
      ['http://localhost:8787/hook', null],
      ['https://localhost/hook', null],
      ['http://127.0.0.1:3000/hook', null],
      ['http://127.9.8.7/hook', null],
      ['http://2130706433:8080/hook', null], // still 127.0.0.1 once parsed
      ['http://[::1]:8787/hook', null],
      ['https://merchant.com/hook', null],
      ['http://merchant.com/hook', 'https_required'],
      ['http://10.0.0.1/hook', 'https_required'],
      ['https://10.0.0.1/hook', 'host_not_allowed'],
      ['https://192.168.0.10:8787/hook', 'host_not_allowed'],
      ['http://api.localhost/hook', 'https_required'],
      ['https://api.localhost/hook', 'host_not_allowed'],
      ['https://localhost./hook', 'host_not_allowed'],
      ['http://[::ffff:127.0.0.1]/hook', 'https_required'],
      ['http://user:pw@localhost:8787/hook', 'credentials_not_allowed'],
      ['http://localhost:8787/hook#x', 'fragment_not_allowed'],
    ])('%s -> %s', (url, code) => {
      expect(checkWebhookUrl(url, { allowLoopback: true })?.code ?? null).toBe(code);
    });
  });
});

describe('checkReturnUrl', () => {
  it.each<[string, boolean, string | null]>([
    ['https://shop.com.br/obrigado', false, null],
    ['https://shop.com.br/ok?session={CHECKOUT_SESSION_ID}', false, null],
    ['https://shop.com.br/ok/{CHECKOUT_SESSION_ID}/done?a={CHECKOUT_SESSION_ID}', false, null],
    ['https://shop.com.br/ok#order', false, null],
    ['https://10.0.0.5/ok', false, null], // only the browser follows it, so no SSRF concern
    ['https://intranet/ok', false, null],
    [long('https://shop.com/', 2048), false, null],
    [long('https://shop.com/', 2049), false, 'too_long'],
    ['shop.com/ok', false, 'invalid_url'],
    ['https://shop.com/o k', false, 'invalid_url'],
    ['https://{CHECKOUT_SESSION_ID}.shop.com/ok', false, 'invalid_url'],
    ['http://shop.com/ok', false, 'https_required'],
    ['http://shop.com/ok', true, 'https_required'],
    ['http://localhost:5173/ok', false, 'https_required'],
    ['http://localhost:5173/ok?s={CHECKOUT_SESSION_ID}', true, null],
    ['http://127.0.0.1:5173/ok', true, null],
    ['http://[::1]:5173/ok', true, null],
    ['http://127.0.0.2/ok', true, 'https_required'],
    ['http://192.168.0.2/ok', true, 'https_required'],
    ['javascript:alert(document.cookie)', false, 'https_required'],
    ['javascript:alert(1)', true, 'https_required'],
    ['data:text/html,<script>alert(1)</script>', false, 'https_required'],
    ['https://user:pass@shop.com/ok', false, 'credentials_not_allowed'],
    ['http://user@localhost/ok', true, 'credentials_not_allowed'],
  ])('%s (allowLocalHttp=%s) -> %s', (url, allowLocalHttp, code) => {
    expect(checkReturnUrl(url, { allowLocalHttp })?.code ?? null).toBe(code);
  });
});

describe('isPrivateOrReservedIPv4', () => {
  it.each<[string, boolean]>([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['0.1.2.3', true],
    ['10.255.0.1', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.15.255.255', false],
    ['172.32.0.1', false],
    ['192.168.100.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['100.127.255.255', true],
    ['100.128.0.1', false],
    ['224.0.0.1', true],
    ['239.255.255.250', true],
    ['240.0.0.1', true],
    ['255.255.255.255', true],
    ['0x7f.1', true],
    ['2130706433', true],
    ['8.8.8.8', false],
    ['1.1.1.1', false],
    ['200.147.67.142', false],
    ['merchant.com', false],
  ])('%s -> %s', (host, expected) => {
    expect(isPrivateOrReservedIPv4(host)).toBe(expected);
  });
});

describe('isPrivateOrReservedIPv6', () => {
  it.each<[string, boolean]>([
    ['::1', true],
    ['[::1]', true],
    ['::', true],
    ['fc00::1', true],
    ['fdab:cdef::1', true],
    ['fe80::1', true],
    ['febf::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['[::ffff:7f00:1]', true],
    ['::ffff:10.0.0.1', true],
    ['::192.168.0.1', true], // IPv4-compatible
    ['64:ff9b::169.254.169.254', true], // NAT64
    ['::ffff:8.8.8.8', false],
    ['2606:4700:4700::1111', false],
    ['2001:4860:4860::8888', false],
    ['2001:db8::1', true], // documentation
    ['fb00::1', false],
    ['merchant.com', false],
  ])('%s -> %s', (host, expected) => {
    expect(isPrivateOrReservedIPv6(host)).toBe(expected);
  });
});
