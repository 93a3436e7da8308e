import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import edge from '../../src/workers/edge';
import { BASE } from './helpers';

/**
 * The edge Worker hands the panel and back-office paths to the control Worker, and gateway
 * notifications to the core, over service bindings. Here both are bound to a Worker that fails outside
 * any handler of its own (vitest.config.ts), which is how a call to a Worker past its CPU or memory
 * limits ends: the call rejects.
 */
const failing = (env as unknown as { FAILING_WORKER: Fetcher }).FAILING_WORKER;
const edgeEnv = { ...env, CONTROL: failing, CORE: failing } as unknown as Parameters<typeof edge.fetch>[1];

async function viaEdge(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request(`${BASE}${path}`, init) as Parameters<typeof edge.fetch>[0];
  const res = await edge.fetch(request, edgeEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe('a Worker behind the edge that cannot answer', () => {
  it.each([
    ['/dashboard', 'control'],
    ['/api/v1/refunds', 'control'],
    ['/webhooks/gateways/pagarme/acc_1', 'core'],
  ])('%s (the %s Worker) answers a 503 problem to retry, with a reference', async (path) => {
    const res = await viaEdge(path, { method: 'POST', body: '{}' });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('retry-after')).toBe('5');
    const problem = (await res.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status: 503, code: 'service_unavailable', instance: path.split('?')[0] });
    expect(problem.request_id).toBe(res.headers.get('x-request-id'));
    expect(String(problem.detail)).toContain(String(problem.request_id));
    expect(JSON.stringify(problem)).not.toContain('exceeded its limits');
  });

  it('still answers the checkout itself', async () => {
    const res = await viaEdge('/healthz');
    expect(res.status).toBe(200);
  });
});
