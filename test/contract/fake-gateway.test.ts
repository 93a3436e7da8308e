import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGateway, startFakeGateway } from './fake-gateway';

describe('the fake gateway harness', () => {
  let fake: FakeGateway;
  beforeAll(async () => {
    fake = await startFakeGateway({
      'POST /v1/things': (r) => ({ status: 201, body: { id: 'th_1', echo: r.json } }),
      'GET /v1/things/:id': (r) => ({ status: 200, body: { id: r.path.split('/').pop() } }),
      'GET /v1/slow': () => 'hang',
    });
  });
  afterAll(() => fake.close());

  it('answers matched routes, records what it received, and 404s the rest', async () => {
    const created = await fetch(`${fake.base}/v1/things`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 100 }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: 'th_1', echo: { amount: 100 } });
    expect(await (await fetch(`${fake.base}/v1/things/th_9?x=1`)).json()).toEqual({ id: 'th_9' });
    expect((await fetch(`${fake.base}/v1/other`)).status).toBe(404);
    const [post] = fake.calls('POST', '/v1/things');
    expect(post?.headers.authorization).toBe('Bearer k');
    expect(fake.calls('GET', /^\/v1\/things\//)[0]?.query.get('x')).toBe('1');
  });

  it('can leave a request unanswered, so a connector meets its timeout', async () => {
    const r = await fetch(`${fake.base}/v1/slow`, { signal: AbortSignal.timeout(200) }).catch(
      (e: Error) => e,
    );
    expect(r).toBeInstanceOf(Error);
  });
});
