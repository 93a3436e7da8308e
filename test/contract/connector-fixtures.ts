import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConnectorContext, CreatePaymentRequest } from '../../src/gateways/types';

/** A documented example, recorded as a fixture with the page it came from (`source`). */
export function fixture<T = Record<string, unknown>>(gateway: string, name: string): T & { source: string } {
  const file = path.join(import.meta.dirname, 'fixtures', gateway, `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as T & { source: string };
}

let seq = 0;

/** A fresh payment id per test, so per-isolate token caches and references never collide by accident. */
export function paymentId(): string {
  seq += 1;
  return `pay_${String(seq).padStart(4, '0')}Xk9Qm2Lp7Rt4Vw8Yz1Ab3Cd`;
}

export function paymentRequest(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  const now = Date.now();
  return {
    paymentId: paymentId(),
    method: 'card',
    amount: 15000,
    currency: 'BRL',
    installments: 1,
    country: 'BRA',
    customer: { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' },
    card: {
      number: '5448 2800 0000 0007',
      holder_name: 'MARIA SILVA',
      exp_month: 12,
      exp_year: 2030,
      cvc: '235',
    },
    merchant: { id: 'mer_1', name: 'Loja Exemplo Ção', city: 'São Paulo', bankAccounts: [], speiClabe: null },
    settings: undefined,
    description: 'Pedido 123',
    expiresAt: now + 30 * 60_000,
    now,
    ...overrides,
  };
}

export function context(
  base: string,
  credentials: Record<string, string>,
  overrides: Partial<ConnectorContext> = {},
): ConnectorContext {
  return { credentials, mode: 'test', now: Date.now(), timeoutMs: 2_000, apiBase: base, ...overrides };
}
