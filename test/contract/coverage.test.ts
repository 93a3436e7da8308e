import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRY_METHOD_TABLE } from '../../src/domain/country-methods';
import { SANDBOX_ONLY, uncovered } from '../../src/gateways/coverage';
import { CONNECTORS, supports } from '../../src/gateways/registry';
import { candidates, type RoutableAccount } from '../../src/gateways/routing';
import { coverageMarkdown } from './coverage-markdown';

const connectors = Object.values(CONNECTORS);
const key = (p: { country: string; method: string }) => `${p.country}/${p.method}`;

describe('coverage by construction', () => {
  it('every method the checkout offers in a country has a real connector, or is listed sandbox-only', () => {
    expect(uncovered(connectors).map(key).sort()).toEqual(SANDBOX_ONLY.map(key).sort());
  });

  it('every sandbox-only entry says why', () => {
    for (const s of SANDBOX_ONLY) expect(s.reason.length, key(s)).toBeGreaterThan(20);
  });

  it('a connector declares only methods the checkout offers in that country', () => {
    for (const c of connectors) {
      for (const [country, methods] of Object.entries(c.coverage)) {
        const offered = COUNTRY_METHOD_TABLE[
          country as keyof typeof COUNTRY_METHOD_TABLE
        ] as readonly string[];
        expect(offered, `${c.slug} declares country ${country}`).toBeDefined();
        for (const m of methods ?? []) expect(offered, `${c.slug} declares ${country}/${m}`).toContain(m);
      }
    }
  });

  it('routing offers an account only payments in a country and method its connector covers', () => {
    const account = (gateway: string, priority: number): RoutableAccount => ({
      id: gateway,
      gateway,
      name: gateway,
      priority,
      rules: {},
      enabled: true,
      consecutiveFailures: 0,
      openUntil: null,
    });
    const pool = [account('pagarme', 1), account('mercadopago', 2), account('ebanx', 3)];
    const route = (country: string, method: string, firstTry: string | null = null) =>
      candidates(pool, { country, method, currency: 'XXX', amount: 1000 }, firstTry, supports).map(
        (a) => a.gateway,
      );
    expect(route('BRA', 'pix')).toEqual(['pagarme', 'mercadopago', 'ebanx']);
    // Pagar.me declares Brazil only: a Mexican card payment never reaches it, even named first.
    expect(route('MEX', 'card', 'pagarme')).toEqual(['mercadopago', 'ebanx']);
    expect(route('COL', 'nequi')).toEqual(['ebanx']);
    expect(route('COL', 'transfiya')).toEqual([]);
  });

  it('the README text shows the table built from the declarations', () => {
    const docs = readFileSync('README.md', 'utf8');
    expect(docs, `expected this table in the README:\n${coverageMarkdown()}`).toContain(coverageMarkdown());
  });
});
