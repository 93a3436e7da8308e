import type { Country } from './countries';
import { COUNTRIES, currencyAllowedIn } from './countries';
import type { Locale } from './locales';
import type { Currency } from './money';

/**
 * How the checkout completes a method: `native` is rendered by Borda itself (a form, a QR code, bank
 * details to copy), `voucher` gives the customer a reference to pay in cash or at a bank/agent later,
 * `redirect` sends the customer to the provider's page or app.
 */
export type MethodKind = 'native' | 'voucher' | 'redirect';

/** One payment method: its API slug, how it is completed, the currencies it can charge, its labels. */
export type MethodInfo = {
  slug: string;
  kind: MethodKind;
  /** Absent: not tied to one currency (card: any; bank_transfer: each country's own, see methodsFor). */
  currencies?: readonly Currency[];
  label: Record<Locale, string>;
};

/**
 * Every method of seed 000's "Available Countries" table, plus card. Slugs are the snake_case of the
 * seed's names, except Peru's "Wallets", which is `pe_wallet`: in Peru it means the interoperable
 * wallets (Yape, Plin) paid from one QR, a Peruvian product, not a generic kind that other countries'
 * wallets (PicPay, Nequi) would share.
 */
export const METHODS = [
  {
    slug: 'card',
    kind: 'native',
    label: { 'pt-BR': 'Cartão de crédito', es: 'Tarjeta de crédito', en: 'Credit card' },
  },
  { slug: 'pix', kind: 'native', currencies: ['BRL'], label: { 'pt-BR': 'Pix', es: 'Pix', en: 'Pix' } },
  {
    slug: 'boleto',
    kind: 'native',
    currencies: ['BRL'],
    label: { 'pt-BR': 'Boleto bancário', es: 'Boleto bancario', en: 'Boleto (bank slip)' },
  },
  {
    slug: 'bank_transfer',
    kind: 'native',
    label: { 'pt-BR': 'Transferência bancária', es: 'Transferencia bancaria', en: 'Bank transfer' },
  },
  {
    slug: 'spei',
    kind: 'native',
    currencies: ['MXN'],
    label: { 'pt-BR': 'SPEI', es: 'Transferencia SPEI', en: 'SPEI transfer' },
  },
  {
    slug: 'oxxo',
    kind: 'voucher',
    currencies: ['MXN'],
    label: { 'pt-BR': 'OXXO', es: 'Efectivo en OXXO', en: 'Cash at OXXO' },
  },
  {
    slug: 'efecty',
    kind: 'voucher',
    currencies: ['COP'],
    label: { 'pt-BR': 'Efecty', es: 'Efectivo en Efecty', en: 'Cash at Efecty' },
  },
  {
    slug: 'servipag',
    kind: 'voucher',
    currencies: ['CLP'],
    label: { 'pt-BR': 'Servipag', es: 'Servipag', en: 'Servipag' },
  },
  {
    slug: 'cip',
    kind: 'voucher',
    currencies: ['PEN'],
    label: { 'pt-BR': 'Código CIP', es: 'Código de pago CIP', en: 'CIP payment code' },
  },
  {
    slug: 'pse',
    kind: 'redirect',
    currencies: ['COP'],
    label: { 'pt-BR': 'PSE', es: 'PSE (débito bancario)', en: 'PSE (bank debit)' },
  },
  {
    slug: 'nequi',
    kind: 'redirect',
    currencies: ['COP'],
    label: { 'pt-BR': 'Nequi', es: 'Nequi', en: 'Nequi' },
  },
  {
    slug: 'transfiya',
    kind: 'redirect',
    currencies: ['COP'],
    label: { 'pt-BR': 'Transfiya', es: 'Transfiya', en: 'Transfiya' },
  },
  {
    slug: 'picpay',
    kind: 'redirect',
    currencies: ['BRL'],
    label: { 'pt-BR': 'PicPay', es: 'PicPay', en: 'PicPay' },
  },
  {
    slug: 'pe_wallet',
    kind: 'redirect',
    currencies: ['PEN'],
    label: {
      'pt-BR': 'Carteira digital (Yape, Plin)',
      es: 'Billetera digital (Yape, Plin)',
      en: 'Digital wallet (Yape, Plin)',
    },
  },
] as const satisfies readonly MethodInfo[];

/** A method slug of the checkout (a superset of the session API's PAYMENT_METHODS). */
export type MethodSlug = (typeof METHODS)[number]['slug'];

export const METHOD_SLUGS = METHODS.map((m) => m.slug) as MethodSlug[];

/** The METHODS entry for a slug. */
export function methodInfo(slug: MethodSlug): MethodInfo {
  const info = METHODS.find((m) => m.slug === slug);
  // Unreachable for a MethodSlug; kept so a bad cast fails loudly instead of rendering nothing.
  if (info === undefined) throw new RangeError(`unknown payment method: ${slug}`);
  return info;
}

/** Whether a string is one of the checkout's method slugs. */
export function isMethodSlug(value: unknown): value is MethodSlug {
  return typeof value === 'string' && (METHOD_SLUGS as string[]).includes(value);
}

/**
 * Seed 000's "Available Countries" table as data, in the seed's order, with card added to every
 * country (card is not in the table but is offered everywhere).
 */
export const COUNTRY_METHOD_TABLE: Record<Country, readonly MethodSlug[]> = {
  BRA: ['pix', 'boleto', 'bank_transfer', 'picpay', 'card'],
  PER: ['bank_transfer', 'cip', 'pe_wallet', 'card'],
  COL: ['pse', 'nequi', 'efecty', 'transfiya', 'card'],
  CHL: ['bank_transfer', 'servipag', 'card'],
  MEX: ['spei', 'oxxo', 'card'],
  ECU: ['bank_transfer', 'card'],
  ARG: ['bank_transfer', 'card'],
};

/**
 * The methods a session of `currency` in `country` can be offered, in the table's order. Local methods
 * (everything but card) are rails of the country's own currency: they are offered only when the session
 * charges that currency, and, where METHODS names currencies, one of those. Card charges any currency
 * the country accepts (its own or USD). So a USD session gets card only, except in Ecuador, whose
 * currency is USD; a currency the country does not accept at all gets nothing.
 */
export function methodsFor(country: Country, currency: Currency): MethodSlug[] {
  if (!currencyAllowedIn(country, currency)) return [];
  const local = COUNTRIES[country].currency === currency;
  return COUNTRY_METHOD_TABLE[country].filter((slug) => {
    if (slug === 'card') return true;
    const allowed = methodInfo(slug).currencies;
    return local && (allowed === undefined || allowed.includes(currency));
  });
}
