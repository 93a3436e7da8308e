import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from './api-types';
import { launchBrowser } from './browser';
import { type Server, startBorda } from './server';

/** The typed client's declarations, generated from /openapi.json: `npm run openapi:types` rewrites them. */
const TYPES_FILE = path.join(import.meta.dirname, 'api-types.ts');

let borda: Server;
let doc: string;
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-openapi-'));

beforeAll(async () => {
  borda = await startBorda({ stateDir });
  const res = await fetch(`${borda.base}/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.text();
});

afterAll(async () => {
  await borda?.stop();
  rmSync(stateDir, { recursive: true, force: true });
});

describe('the OpenAPI document, as a merchant uses it', () => {
  it("passes redocly's recommended rules with no error", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: doc, absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`);
    expect(errors).toEqual([]);
  });

  it('generates the typed client declarations that are committed (no drift)', async () => {
    // Defaults are what Borda fills in: a client may leave such a field out.
    const fresh = astToString(await openapiTS(JSON.parse(doc), { defaultNonNullable: false }));
    if (process.env.UPDATE_OPENAPI_TYPES === '1') writeFileSync(TYPES_FILE, fresh);
    expect(fresh, 'the API changed: run `npm run openapi:types` and commit test/e2e/api-types.ts').toBe(
      readFileSync(TYPES_FILE, 'utf8'),
    );
  });

  it('creates a session, pays it in the sandbox and reads its events through a typed openapi-fetch client', async () => {
    const demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
      secret_keys: { test: string };
    };
    const api = createClient<paths>({ baseUrl: borda.base, headers: { 'x-api-key': demo.secret_keys.test } });
    const created = await api.POST('/api/v1/checkout/sessions', {
      body: {
        amount: 15000,
        currency: 'BRL',
        merchant_order_id: `TYPED-${Date.now()}`,
        payment_method: 'pix',
      },
    });
    expect(created.response.status).toBe(201);
    const token = created.data?.token as string;
    expect(token).toMatch(/^cs_test_/);

    const paid = await api.POST('/c/v1/sessions/{token}/payments', {
      params: { path: { token } },
      body: {
        method: 'pix',
        customer: { name: 'Maria Silva', email: 'maria@example.com', document: '52998224725' },
      },
    });
    expect(paid.response.status).toBe(201);
    const simulated = await api.POST('/c/v1/sessions/{token}/simulate', {
      params: { path: { token } },
      body: { outcome: 'paid' },
    });
    expect(simulated.data?.status).toBe('paid');

    const session = await api.GET('/api/v1/checkout/sessions/{token}', { params: { path: { token } } });
    expect(session.data?.status).toBe('paid');
    expect(session.data?.payments[0]?.status).toBe('paid');
    const events = await api.GET('/api/v1/events', { params: { query: { session: token } } });
    expect(events.data?.data.map((e) => e.type)).toEqual(
      expect.arrayContaining(['payment.pending', 'payment.success', 'checkout_session.finished']),
    );
  });

  it('serves /docs readable on a 360 px phone, with the security headers of the checkout pages', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${borda.base}/docs`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      expect(await page.locator('text=POST /api/v1/checkout/sessions').count()).toBeGreaterThan(0);
      expect(await page.locator('text=checkout_session.finished').count()).toBeGreaterThan(0);
      const res = await fetch(`${borda.base}/docs`);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await browser.close();
    }
  });
});
