import { COUNTRY_CODES, type Country } from '../domain/countries';
import { COUNTRY_METHOD_TABLE, type MethodSlug } from '../domain/country-methods';

/**
 * Where a connector can take money: country (ISO 3166-1 alpha-3) -> the checkout's method slugs it
 * takes there. Every connector declares its own; routing, `GET /api/v1/gateways` and the coverage
 * test all read these declarations, so a connector added to the registry is routed exactly where it
 * says it works, and nowhere else.
 */
export type Coverage = Partial<Record<Country, readonly MethodSlug[]>>;

/** What coverage needs of a connector (a structural slice of `Connector`, so this module stays below it). */
export type Covering = { slug: string; available: boolean; coverage: Coverage };

/** The distinct methods of a coverage declaration, in first-seen order (a connector's `methods`). */
export function methodsOf(coverage: Coverage): MethodSlug[] {
  const out: MethodSlug[] = [];
  for (const methods of Object.values(coverage)) {
    for (const m of methods ?? []) if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** Whether a connector declares this method in this country. */
export function covers(connector: Covering, country: string, method: string): boolean {
  const methods = connector.coverage[country as Country] as readonly string[] | undefined;
  return connector.available && methods?.includes(method) === true;
}

/** Connectors that move no real money: they never count toward coverage. */
const SIMULATED = new Set(['sandbox']);

/** country -> method -> the real connectors that take it, for every method the checkout offers. */
export type CoverageTable = Record<Country, Partial<Record<MethodSlug, string[]>>>;

/** The table the README shows and `GET /api/v1/gateways` returns, built from the declarations. */
export function coverageTable(connectors: readonly Covering[]): CoverageTable {
  const table = {} as CoverageTable;
  for (const country of COUNTRY_CODES) {
    const row: Partial<Record<MethodSlug, string[]>> = {};
    for (const method of COUNTRY_METHOD_TABLE[country]) {
      row[method] = connectors
        .filter((c) => !SIMULATED.has(c.slug) && covers(c, country, method))
        .map((c) => c.slug);
    }
    table[country] = row;
  }
  return table;
}

/** A method the checkout offers in a country that only the sandbox processes, and why. */
export type SandboxOnly = { country: Country; method: MethodSlug; reason: string };

const BANK_TRANSFER =
  'Borda shows the merchant its own bank account (or the test account); no gateway in Borda issues ' +
  'or confirms a plain bank transfer here, so live sessions cannot confirm one.';

/**
 * Methods the checkout offers that no real connector in Borda takes yet, each with its reason (the
 * README lists these). The coverage test fails when a method is uncovered and not listed here, and
 * also when a listed method has since gained a real connector, so the list cannot go stale.
 */
export const SANDBOX_ONLY: readonly SandboxOnly[] = [
  { country: 'BRA', method: 'bank_transfer', reason: BANK_TRANSFER },
  { country: 'PER', method: 'bank_transfer', reason: BANK_TRANSFER },
  {
    country: 'PER',
    method: 'pe_wallet',
    reason:
      "Yape through EBANX needs the customer's phone number (a push to the Yape app) or a phone to open its link; the checkout collects neither yet.",
  },
  {
    country: 'COL',
    method: 'transfiya',
    reason:
      'Transfiya is a transfer between Colombian bank accounts; neither Mercado Pago nor EBANX documents it as a collection method.',
  },
  { country: 'CHL', method: 'bank_transfer', reason: BANK_TRANSFER },
  { country: 'ECU', method: 'bank_transfer', reason: BANK_TRANSFER },
  { country: 'ARG', method: 'bank_transfer', reason: BANK_TRANSFER },
];

/** The (country, method) pairs the checkout offers with no real connector: what SANDBOX_ONLY must list. */
export function uncovered(connectors: readonly Covering[]): { country: Country; method: MethodSlug }[] {
  const table = coverageTable(connectors);
  return COUNTRY_CODES.flatMap((country) =>
    COUNTRY_METHOD_TABLE[country]
      .filter((method) => (table[country][method] ?? []).length === 0)
      .map((method) => ({ country, method })),
  );
}
