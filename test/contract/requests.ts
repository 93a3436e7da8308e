import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ConnectorContext, ConnectorError, type CreatePaymentRequest } from '../../src/gateways/types';

/** A recorded documentation example: the page it came from, and the HTTP answer (status 200 unless said). */
export type Fixture<T = Record<string, unknown>> = { source: string; status?: number; body: T };

/** Reads test/contract/fixtures/<gateway>/<name>.json; a fresh copy each time, so tests may edit it. */
export function fixture<T = Record<string, unknown>>(gateway: string, name: string): Fixture<T> {
  const file = path.join(import.meta.dirname, 'fixtures', gateway, `${name}.json`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Fixture<T>;
  if (!parsed.source) throw new Error(`fixture ${gateway}/${name} names no source page`);
  return parsed;
}

export function context(
  base: string,
  credentials: Record<string, string>,
  extra: Partial<ConnectorContext> = {},
) {
  return {
    credentials,
    mode: 'test',
    now: Date.now(),
    timeoutMs: 2_000,
    apiBase: base,
    ...extra,
  } satisfies ConnectorContext;
}

/** A payment as the router hands it to a connector; override what a test is about. */
export function paymentRequest(overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  const now = Date.now();
  return {
    paymentId: `pay_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`,
    method: 'pix',
    amount: 15000,
    currency: 'BRL',
    installments: 1,
    country: 'BRA',
    customer: { name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' },
    merchant: { id: 'mer_test', name: 'Loja Exemplo', city: 'Sao Paulo', bankAccounts: [], speiClabe: null },
    settings: undefined,
    description: 'Pedido 123',
    expiresAt: now + 30 * 60 * 1000,
    now,
    ...overrides,
  };
}

export const TEST_CARD = {
  number: '4242 4242 4242 4242',
  holder_name: 'MARIA SILVA',
  exp_month: 12,
  exp_year: 2030,
  cvc: '123',
};

/** The ConnectorError a call rejects with (fails the test if it resolves or throws anything else). */
export async function failure(p: Promise<unknown> | undefined): Promise<ConnectorError> {
  const err = await Promise.resolve(p).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ConnectorError)) throw new Error(`expected a ConnectorError, got ${String(err)}`);
  return err;
}
