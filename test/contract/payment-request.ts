import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type ConnectorContext, ConnectorError, type CreatePaymentRequest } from '../../src/gateways/types';

/** A fixture recorded from the gateway's documentation: `source` names the page, `body` the example. */
export function fixture<T = Record<string, unknown>>(gateway: string, name: string): T & { source: string } {
  const text = readFileSync(new URL(`./fixtures/${gateway}/${name}.json`, import.meta.url), 'utf8');
  return JSON.parse(text) as T & { source: string };
}

/** A connector context pointed at a fake gateway. */
export function contextFor(
  base: string,
  credentials: Record<string, string>,
  mode: 'test' | 'live' = 'test',
  timeoutMs = 2_000,
): ConnectorContext {
  return { credentials, mode, now: Date.now(), timeoutMs, apiBase: base };
}

let counter = 0;

/** A payment request as the router hands it to a connector; override what a test is about. */
export function paymentRequest(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  const now = Date.now();
  counter += 1;
  return {
    paymentId: `pay_contract${String(counter).padStart(6, '0')}`,
    method: 'pix',
    amount: 15050,
    currency: 'BRL',
    installments: 1,
    country: 'BRA',
    customer: { name: 'Maria da Silva', email: 'maria@example.com', document: '529.982.247-25' },
    merchant: { id: 'mer_test', name: 'Loja Exemplo', city: 'Sao Paulo', bankAccounts: [], speiClabe: null },
    settings: undefined,
    description: 'Pedido 123',
    expiresAt: now + 30 * 60_000,
    now,
    ...overrides,
  };
}

/** The ConnectorError a connector call failed with (the test fails if it did not fail that way). */
export async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}
