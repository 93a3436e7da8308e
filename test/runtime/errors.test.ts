import { beforeAll, describe, expect, it } from 'vitest';
import { api, call, type Merchant, newMerchant, sessionBody } from './helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant();
});

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `https://borda.test/docs#error-${code}` });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.request_id).toBe(res.headers.get('x-request-id'));
  return body;
}

describe('problem+json errors', () => {
  it('malformed JSON is 400', async () => {
    await expectProblem(
      await api('/api/v1/checkout/sessions', m.secret_keys.test, { body: '{"amount": 1,' }),
      400,
      'invalid_json',
    );
  });

  it('an empty body on create is 400', async () => {
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, { method: 'POST' });
    await expectProblem(res, 400, 'invalid_json');
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], ['multipart/form-data; boundary=x']])(
    'a %s body is 415',
    async (type) => {
      const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
        body: JSON.stringify(sessionBody()),
        headers: { 'content-type': type },
      });
      await expectProblem(res, 415, 'unsupported_media_type');
    },
  );

  it('accepts application/json with a charset', async () => {
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
      body: sessionBody(),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(res.status).toBe(201);
  });

  it('an oversized body is 413', async () => {
    const body = JSON.stringify({ ...sessionBody(), description: 'x'.repeat(70 * 1024) });
    await expectProblem(
      await api('/api/v1/checkout/sessions', m.secret_keys.test, { body }),
      413,
      'payload_too_large',
    );
  });

  it('a body of no declared length (chunked) is read up to the limit: a small one is taken, a large one is 413', async () => {
    const streamOf = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      return new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
          controller.close();
        },
      });
    };
    const post = (text: string) =>
      call('/api/v1/checkout/sessions', {
        method: 'POST',
        headers: { 'x-api-key': m.secret_keys.test, 'content-type': 'application/json' },
        body: streamOf(text),
      });
    const small = await post(JSON.stringify(sessionBody()));
    expect(small.status).toBe(201);
    const large = JSON.stringify({ ...sessionBody(), description: 'x'.repeat(70 * 1024) });
    await expectProblem(await post(large), 413, 'payload_too_large');
  });

  it('a JSON array or scalar body is a 422 validation error, not a 500', async () => {
    for (const body of ['[]', '"text"', '42', 'null']) {
      await expectProblem(
        await api('/api/v1/checkout/sessions', m.secret_keys.test, { body }),
        422,
        'validation_failed',
      );
    }
  });

  it('invalid UTF-8 is 400', async () => {
    const res = await call('/api/v1/checkout/sessions', {
      method: 'POST',
      headers: { 'x-api-key': m.secret_keys.test, 'content-type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    await expectProblem(res, 400, 'invalid_json');
  });

  it('an unknown route is 404', async () => {
    await expectProblem(await api('/api/v1/nothing-here', m.secret_keys.test), 404, 'not_found');
    await expectProblem(await call('/nothing-here'), 404, 'not_found');
  });

  it('a validation error names each field with a stable code', async () => {
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
      body: { ...sessionBody(), amount: 'ten', expires_in: 5, surprise: true },
    });
    const body = await expectProblem(res, 422, 'validation_failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'amount', code: 'invalid_type' }),
        expect.objectContaining({ field: 'expires_in', code: 'too_small' }),
        expect.objectContaining({ field: 'surprise', code: 'unknown_field' }),
      ]),
    );
  });
});

describe('API reference', () => {
  it('serves an OpenAPI 3.1 document generated from the validation schemas', async () => {
    const res = await call('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
      components: {
        schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required: string[] }>;
      };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/checkout/sessions',
        '/api/v1/checkout/sessions/{token}',
        '/api/v1/checkout/sessions/{token}/expire',
        '/admin/v1/merchants',
      ]),
    );
    const create = doc.components.schemas.CreateCheckoutSession;
    expect(create?.required).toEqual(expect.arrayContaining(['amount', 'currency', 'merchant_order_id']));
    expect(create?.properties.expires_in).toMatchObject({ minimum: 60, maximum: 86400, default: 1800 });
    expect(create?.properties.amount).toMatchObject({ type: 'integer', minimum: 1 });
  });

  it('serves a readable reference at /docs', async () => {
    const res = await call('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('POST /api/v1/checkout/sessions');
    expect(html).toContain('id="error-order_has_open_session"');
  });
});

describe('text that storage would silently change', () => {
  it('refuses a lone surrogate anywhere in the body with 400', async () => {
    const body = `{"amount":100,"currency":"BRL","merchant_order_id":"LS-1","description":"x\\ud800y"}`;
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, { body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_json' });
  });

  it('refuses a __proto__ key with 422 naming it, instead of dropping it', async () => {
    const body = `{"amount":100,"currency":"BRL","merchant_order_id":"PP-1","metadata":{"__proto__":"x","a":1}}`;
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, { body });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      errors: [{ field: 'metadata.__proto__', code: 'reserved_key' }],
    });
  });
});

describe('a key given twice', () => {
  it('refuses an amount given twice with 422 naming it, and makes no session', async () => {
    const body = '{"amount":100,"currency":"BRL","merchant_order_id":"TWICE-1","amount":100000}';
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, { body });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'amount', code: 'duplicate_field' }],
    });
    const list = await api('/api/v1/checkout/sessions?merchant_order_id=TWICE-1', m.secret_keys.test);
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it('names a nested key, written once escaped, by its path', async () => {
    const body =
      '{"amount":100,"currency":"BRL","merchant_order_id":"TWICE-2","metadata":{"a":"1","\\u0061":"2"}}';
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, { body });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'metadata.a', code: 'duplicate_field' }] });
  });
});

describe('deeply nested bodies', () => {
  it('refuses nesting beyond 32 levels with 400, never a 500', async () => {
    const deep = `{"amount":${'['.repeat(5000)}${']'.repeat(5000)},"currency":"BRL","merchant_order_id":"D-1"}`;
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, { body: deep });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_json' });
  });
});

describe('missing fields', () => {
  it('reports a missing enum field as required, like any other', async () => {
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
      body: { amount: 100, merchant_order_id: 'MISS-1' },
    });
    expect(await res.json()).toMatchObject({ errors: [{ field: 'currency', code: 'required' }] });
  });
});
