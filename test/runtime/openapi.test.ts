import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/features/events/schema';
import { buildApp } from '../../src/http/app';
import { ALL_PARTS } from '../../src/workers/all-parts';
import { call } from './helpers';

type Operation = {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, { post: Operation & { parameters: { name: string }[] } }>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Every operation the app actually serves, as `METHOD /path/{param}` (middleware and CORS preflights
 * aside, and the control panel's pages under /dashboard, an app for people signed in with a browser,
 * described in the README rather than in the API document).
 */
function servedOperations(): string[] {
  const out = new Set<string>();
  for (const r of buildApp(ALL_PARTS).routes) {
    const method = r.method.toLowerCase();
    if (!METHODS.includes(method) || r.path.endsWith('*') || r.path.startsWith('/dashboard')) continue;
    out.add(`${method.toUpperCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
  }
  return [...out].sort();
}

async function documentOf(): Promise<Doc> {
  const res = await call('/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Doc;
}

function documentedOperations(doc: Doc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();
}

describe('the OpenAPI document and the routes served', () => {
  it('documents every route the app serves, and nothing it does not serve', async () => {
    const served = servedOperations();
    expect(served.length).toBeGreaterThan(30);
    expect(documentedOperations(await documentOf())).toEqual(served);
  });

  it('gives every operation an id, its errors as problem+json, and no success answered with the Problem schema', async () => {
    const doc = await documentOf();
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.operationId, where).toBeTruthy();
        expect(ids.has(op.operationId as string), `${where} repeats ${op.operationId}`).toBe(false);
        ids.add(op.operationId as string);
        expect(op.responses.default?.content?.['application/problem+json'], where).toBeDefined();
        for (const [status, r] of Object.entries(op.responses)) {
          const ref = r.content?.['application/json']?.schema?.$ref ?? '';
          if (Number(status) < 400) expect(ref, `${where} ${status}`).not.toMatch(/Problem$/);
          else expect(r.content?.['application/problem+json'], `${where} ${status}`).toBeDefined();
        }
      }
    }
  });

  it('describes the nested objects of the dialects, not bare objects', async () => {
    const doc = (await documentOf()) as Doc & {
      components: { schemas: Record<string, { properties?: object }> };
    };
    const created = doc.components.schemas.PixDirectCreated as {
      properties: Record<string, { properties?: object }>;
    };
    expect(Object.keys(created.properties.pix?.properties ?? {})).toEqual(['qrcode', 'reference']);
    expect(Object.keys(doc.components.schemas.Order?.properties ?? {})).toContain('merchant_key');
    const payment = doc.paths['/v1/payment/{id}']?.get;
    expect(payment?.responses['200']?.content?.['application/json']?.schema?.$ref).toBe(
      '#/components/schemas/PixDirectPayment',
    );
  });

  it('gives a dialect amount the bounds the server enforces, and the widget check its query parameters', async () => {
    const doc = (await documentOf()) as Doc & {
      components: {
        schemas: Record<string, { properties: Record<string, { minimum?: number; maximum?: number }> }>;
      };
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const canonical = doc.components.schemas.CreateCheckoutSession?.properties.amount;
    expect(canonical).toMatchObject({ minimum: 1, maximum: 9_999_999_999 });
    const { minimum, maximum } = doc.components.schemas.Seed002CheckoutSession?.properties.amount ?? {};
    expect({ minimum, maximum }).toEqual({ minimum: canonical?.minimum, maximum: canonical?.maximum });
    const widget = doc.paths['/c/v1/widget/session']?.get?.parameters ?? [];
    expect(widget.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(['token', 'public_key']);
  });

  it('describes every outgoing event in `webhooks`, with the headers that sign it', async () => {
    const doc = await documentOf();
    expect(Object.keys(doc.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    for (const [type, w] of Object.entries(doc.webhooks)) {
      expect(
        w.post.parameters.map((p) => p.name),
        type,
      ).toEqual(
        expect.arrayContaining(['webhook-id', 'webhook-timestamp', 'webhook-signature', 'x-signature']),
      );
    }
  });
});
