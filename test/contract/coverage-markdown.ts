import { COUNTRY_CODES } from '../../src/domain/countries';
import { COUNTRY_METHOD_TABLE } from '../../src/domain/country-methods';
import { coverageTable, SANDBOX_ONLY } from '../../src/gateways/coverage';
import { CONNECTORS } from '../../src/gateways/registry';

const key = (p: { country: string; method: string }) => `${p.country}/${p.method}`;

/** The coverage table as the README shows it: one row per country and method the checkout offers. */
export function coverageMarkdown(): string {
  const table = coverageTable(Object.values(CONNECTORS));
  const sandboxOnly = new Map(SANDBOX_ONLY.map((s) => [key(s), s]));
  const rows = COUNTRY_CODES.flatMap((country) =>
    COUNTRY_METHOD_TABLE[country].map((method) => {
      const real = table[country][method] ?? [];
      const cell = real.length > 0 ? real.join(', ') : 'sandbox only';
      return `| ${country} | \`${method}\` | ${cell} |`;
    }),
  );
  const reasons = [...sandboxOnly.values()].map((s) => `- ${s.country} \`${s.method}\`: ${s.reason}`);
  return ['| country | method | connectors |', '|---|---|---|', ...rows, '', ...reasons].join('\n');
}
