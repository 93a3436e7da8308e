import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayRequest } from '../../src/gateways/http';
import {
  GatewayUnanswered,
  replyOf,
  type StatusRules,
  statusError,
  writeReplyOf,
} from '../../src/gateways/http-outcome';
import { ConnectorError } from '../../src/gateways/types';
import { type FakeGateway, startFakeGateway } from './fake-gateway';

const CARD = '4111111111111111';

/** A loopback server answering raw bytes, for what the JSON fake cannot send (text, a stalled body). */
async function startRawServer(handle: (res: ServerResponse) => void) {
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      open.add(res);
      handle(res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        for (const res of open) res.destroy();
        server.close(() => r());
      }),
  };
}

describe('the shared gateway HTTP helper', () => {
  let fake: FakeGateway;
  beforeAll(async () => {
    fake = await startFakeGateway({
      'POST /v1/charges': (r) => ({ status: 201, body: { id: 'ch_1', echo: r.json } }),
      'POST /v1/forms': () => ({ status: 200, body: { ok: true } }),
      'GET /v1/charges/:id': () => ({ status: 200, body: { id: 'ch_1' } }),
      'GET /v1/empty': () => ({ status: 204 }),
      'POST /v1/refused': () => ({ status: 422, body: { errors: [{ code: 'invalid_document' }] } }),
      'GET /v1/broken': () => ({ status: 503, body: { message: 'maintenance' } }),
      'GET /v1/slow': () => 'hang',
      'POST /v1/slow': () => 'hang',
    });
  });
  afterAll(() => fake.close());

  it('sends the bearer token, the JSON body, Accept and the idempotency key, and parses a 2xx', async () => {
    const answer = await gatewayRequest({
      base: fake.base,
      path: '/v1/charges',
      method: 'POST',
      auth: { bearer: 'sk_test_1' },
      body: { json: { amount: 1050 } },
      idempotency: { header: 'Idempotency-Key', key: 'pay_1' },
      headers: { 'Stripe-Version': '2024-06-20' },
      timeoutMs: 5000,
    });
    expect(answer).toEqual({ kind: 'ok', status: 201, body: { id: 'ch_1', echo: { amount: 1050 } } });
    const [sent] = fake.calls('POST', '/v1/charges');
    expect(sent?.headers.authorization).toBe('Bearer sk_test_1');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers.accept).toBe('application/json');
    expect(sent?.headers['idempotency-key']).toBe('pay_1');
    expect(sent?.headers['stripe-version']).toBe('2024-06-20');
    expect(sent?.body).toBe('{"amount":1050}');
  });

  it('sends a form body with HTTP Basic, and JSON text exactly as given', async () => {
    await gatewayRequest({
      base: fake.base,
      path: '/v1/forms',
      method: 'POST',
      auth: { basic: { user: 'sk_1', password: '' } },
      body: { form: 'amount=1050&currency=brl' },
      timeoutMs: 5000,
    });
    await gatewayRequest({
      base: fake.base,
      path: '/v1/forms',
      method: 'POST',
      auth: { header: 'access_token', value: 'aact_1' },
      body: { jsonText: '{"value":10.50}' },
      timeoutMs: 5000,
    });
    const [form, text] = fake.calls('POST', '/v1/forms');
    expect(form?.headers.authorization).toBe(`Basic ${btoa('sk_1:')}`);
    expect(form?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form?.body).toBe('amount=1050&currency=brl');
    expect(text?.headers.access_token).toBe('aact_1');
    expect(text?.headers.authorization).toBeUndefined();
    expect(text?.headers['content-type']).toBe('application/json');
    expect(text?.body).toBe('{"value":10.50}');
  });

  it('sends no Content-Type without a body and no idempotency header without a key', async () => {
    const answer = await gatewayRequest({
      base: fake.base,
      path: '/v1/charges/ch_1',
      method: 'GET',
      idempotency: { header: 'Idempotency-Key', key: undefined },
      timeoutMs: 5000,
    });
    expect(answer).toEqual({ kind: 'ok', status: 200, body: { id: 'ch_1' } });
    const [sent] = fake.calls('GET', '/v1/charges/ch_1');
    expect(sent?.headers['content-type']).toBeUndefined();
    expect(sent?.headers['idempotency-key']).toBeUndefined();
  });

  it('reads an empty 2xx as a null body', async () => {
    const answer = await gatewayRequest({
      base: fake.base,
      path: '/v1/empty',
      method: 'GET',
      timeoutMs: 5000,
    });
    expect(answer).toEqual({ kind: 'ok', status: 204, body: null });
  });

  it('returns a 4xx and a 5xx as http_error with the status and the parsed body', async () => {
    const refused = await gatewayRequest({
      base: fake.base,
      path: '/v1/refused',
      method: 'POST',
      body: { json: {} },
      timeoutMs: 5000,
    });
    expect(refused).toEqual({
      kind: 'http_error',
      status: 422,
      body: { errors: [{ code: 'invalid_document' }] },
    });
    const broken = await gatewayRequest({
      base: fake.base,
      path: '/v1/broken',
      method: 'GET',
      timeoutMs: 5000,
    });
    expect(broken).toEqual({ kind: 'http_error', status: 503, body: { message: 'maintenance' } });
  });

  it('reads an answer that is not JSON as a null body, keeping its status', async () => {
    const raw = await startRawServer((res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad Gateway</html>');
    });
    try {
      const answer = await gatewayRequest({ base: raw.base, path: '/x', method: 'GET', timeoutMs: 5000 });
      expect(answer).toEqual({ kind: 'http_error', status: 502, body: null });
    } finally {
      await raw.close();
    }
  });

  it('gives up on a gateway that never answers, within its time limit', async () => {
    const started = Date.now();
    const answer = await gatewayRequest({ base: fake.base, path: '/v1/slow', method: 'GET', timeoutMs: 300 });
    expect(answer).toEqual({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('counts a body that stops arriving as a timeout, not an answer', async () => {
    const raw = await startRawServer((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
    });
    try {
      const answer = await gatewayRequest({ base: raw.base, path: '/x', method: 'GET', timeoutMs: 300 });
      expect(answer).toEqual({ kind: 'timeout' });
    } finally {
      await raw.close();
    }
  });

  it('reports a connection nobody accepts as a network error', async () => {
    const raw = await startRawServer((res) => res.end());
    const base = raw.base;
    await raw.close();
    const answer = await gatewayRequest({ base, path: '/x', method: 'GET', timeoutMs: 5000 });
    expect(answer).toEqual({ kind: 'network' });
  });

  it('names only the gateway and the path when no answer came, never the card in the body', async () => {
    const answer = await gatewayRequest({
      base: fake.base,
      path: '/v1/slow',
      method: 'GET',
      body: undefined,
      timeoutMs: 200,
    });
    const err = (() => {
      try {
        writeReplyOf(answer, 'Gateway', `GET /v1/slow`);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).kind).toBe('ambiguous');
    expect((err as ConnectorError).code).toBe('gateway_timeout');
    expect(() => replyOf(answer, 'Gateway', 'GET /v1/slow')).toThrow(GatewayUnanswered);
    const sent = await gatewayRequest({
      base: fake.base,
      path: '/v1/slow',
      method: 'POST',
      body: { json: { card: { number: CARD, cvv: '123' } } },
      timeoutMs: 200,
    });
    expect(() => writeReplyOf(sent, 'Gateway', 'POST /v1/slow')).toThrow(/^Gateway POST \/v1\/slow did not/);
    expect(JSON.stringify(sent)).not.toContain(CARD);
  });
});

describe('reading a gateway status that is not a success', () => {
  const writes: StatusRules = {
    gateway: 'Gateway',
    rateLimitCode: 'gateway_unavailable',
    busy: [503],
    conflictAmbiguous: true,
    serverErrorAmbiguous: true,
  };
  const reads: StatusRules = {
    gateway: 'Gateway',
    rateLimitCode: 'gateway_rate_limited',
    conflictAmbiguous: false,
    serverErrorAmbiguous: false,
  };
  const read = (status: number, rules: StatusRules) => {
    const e = statusError(status, 'POST /v1/charges', '', rules, 'ref_1');
    return `${e.kind} ${e.code} ${e.reference}`;
  };

  it('maps each status by the gateway rules', () => {
    expect(read(401, writes)).toBe('retryable gateway_auth ref_1');
    expect(read(403, reads)).toBe('retryable gateway_auth ref_1');
    expect(read(429, writes)).toBe('retryable gateway_unavailable ref_1');
    expect(read(429, reads)).toBe('retryable gateway_rate_limited ref_1');
    expect(read(503, writes)).toBe('retryable gateway_unavailable ref_1');
    expect(read(503, reads)).toBe('retryable gateway_unavailable ref_1');
    expect(read(500, writes)).toBe('ambiguous gateway_error ref_1');
    expect(read(502, reads)).toBe('retryable gateway_unavailable ref_1');
    expect(read(409, writes)).toBe('ambiguous gateway_error ref_1');
    expect(read(409, reads)).toBe('retryable gateway_rejected ref_1');
    expect(read(422, writes)).toBe('retryable gateway_rejected ref_1');
  });

  it('says which gateway, call and status, with the safe detail when there is one', () => {
    expect(statusError(422, 'POST /orders', 'customer.document', writes).message).toBe(
      'Gateway POST /orders answered HTTP 422: customer.document',
    );
    expect(statusError(500, 'GET /orders/{id}', '', writes).message).toBe(
      'Gateway GET /orders/{id} answered HTTP 500',
    );
  });
});
