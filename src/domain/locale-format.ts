import { COUNTRIES, isCountry } from './countries';
import { LOCALES, type Locale } from './locales';
import { CURRENCIES, type Currency } from './money';

/**
 * The locale the checkout speaks: the session's own if it names one of ours, else the country's language,
 * else English. A bare or regional tag ('pt', 'es-MX', 'en-US') maps to its language so a merchant who sends
 * a browser-style tag still gets a translated page.
 */
export function pickLocale(sessionLocale: string | null, country: string): Locale {
  if (sessionLocale) {
    const exact = LOCALES.find((locale) => locale.toLowerCase() === sessionLocale.toLowerCase());
    if (exact) return exact;
    const language = sessionLocale.split(/[-_]/)[0]?.toLowerCase();
    const byLanguage = LOCALES.find((locale) => locale.split('-')[0] === language);
    if (byLanguage) return byLanguage;
  }
  return isCountry(country) ? COUNTRIES[country].locale : 'en';
}

/**
 * The Intl locale that formats a currency for a reader of `locale`, i.e. what a customer there expects:
 * - pt-BR reads every amount the Brazilian way: R$ 150,00, and US$ 150,00 for cross-border USD.
 * - es reads a local currency the way its own country writes it (es-CL $1.500, es-MX $1,500.00, es-CO
 *   $ 1.500, es-PE S/ 150.00, es-AR $ 1.500,00; BRL in pt-BR's R$ 150,00). USD uses es-CO, which writes
 *   "US$ 150,00": every es country but Ecuador also writes its peso as "$", so a bare "$" would let a
 *   dollar price read as pesos, and Ecuador shares es-CO's 1.234,56 separators.
 * - en uses en-US for USD ($150.00) and plain en elsewhere, which spells the currency out where its symbol
 *   is ambiguous (CLP 1,500, MX$1,500.00, ARS 150.00).
 */
const INTL_LOCALES: Record<Locale, Partial<Record<Currency, string>> & { default: string }> = {
  'pt-BR': { default: 'pt-BR' },
  es: {
    default: 'es-419',
    BRL: 'pt-BR',
    CLP: 'es-CL',
    MXN: 'es-MX',
    COP: 'es-CO',
    PEN: 'es-PE',
    ARS: 'es-AR',
    USD: 'es-CO',
  },
  en: { default: 'en', USD: 'en-US' },
};

/**
 * Colombians price in whole pesos, so COP drops ",00" when there are no centavos; an amount that has them
 * still shows them, since the page must show exactly what is charged.
 */
const HIDE_ZERO_FRACTION: ReadonlySet<Currency> = new Set(['COP']);

/**
 * A bare "$" is every peso's and the dollar's sign, so a customer could not tell them apart: wherever
 * Intl writes just "$", the currency's unambiguous sign is written instead (the way price comparisons
 * across Latin America write them: MX$, US$, CLP $, COL$, ARS $). Signs Intl already spells out
 * (R$, S/, US$ in es-CO, MX$ in pt-BR, ISO codes) are kept.
 */
const DOLLAR_SIGNS: Partial<Record<Currency, string>> = {
  MXN: 'MX$',
  USD: 'US$',
  CLP: 'CLP\u00a0$',
  COP: 'COL$',
  ARS: 'ARS\u00a0$',
};

// Formatters are costly to build and the page formats several amounts per render; the key space is tiny.
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(intlLocale: string, currency: Currency, digits: number): Intl.NumberFormat {
  const key = `${intlLocale}|${currency}|${digits}`;
  let nf = formatters.get(key);
  if (!nf) {
    // Fraction digits are pinned to the amount's exponent: ICU's own default for COP is 0, which would
    // round 1.500,50 to $ 1.501.
    nf = new Intl.NumberFormat(intlLocale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, nf);
  }
  return nf;
}

const decimalFormatters = new Map<string, Intl.NumberFormat>();

/**
 * A rate or percentage (3.5, 1.99) written as the amounts beside it are: in the same Intl locale as
 * `currency`'s amounts, so an MXN page in Spanish says "3.5 %" next to "MX$1,034.99", not "3,5".
 */
export function formatDecimal(value: number, currency: Currency, locale: Locale): string {
  const intlLocales = INTL_LOCALES[locale];
  const intlLocale = intlLocales[currency] ?? intlLocales.default;
  let nf = decimalFormatters.get(intlLocale);
  if (!nf) {
    nf = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 4 });
    decimalFormatters.set(intlLocale, nf);
  }
  return nf.format(value);
}

/**
 * Integer minor units to the display string a customer in that locale expects, e.g. 15000 BRL in pt-BR is
 * "R$\u00a0150,00". Intl's no-break spaces are kept on purpose: they stop a line break between symbol and
 * digits. The decimal is built as a string and Intl formats strings exactly, so no float ever rounds a
 * cent. Throws RangeError for a non-integer or unsafe amount, which is a bug upstream, not customer input.
 */
export function formatAmount(minor: number, currency: Currency, locale: Locale): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount must be a safe integer, got ${minor}`);
  const key = `${minor}|${currency}|${locale}`;
  const known = formatted.get(key);
  if (known !== undefined) return known;
  const out = formatUncached(minor, currency, locale);
  if (formatted.size >= MAX_FORMATTED) formatted.clear();
  formatted.set(key, out);
  return out;
}

/**
 * Amounts already formatted in this isolate: a page or a status read formats the same few amounts
 * (price, installments, totals) again and again, and ICU formatting is the costly step. Bounded.
 */
const formatted = new Map<string, string>();
const MAX_FORMATTED = 4096;

function formatUncached(minor: number, currency: Currency, locale: Locale): string {
  const exponent = CURRENCIES[currency].exponent;
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const showFraction = exponent > 0 && !(HIDE_ZERO_FRACTION.has(currency) && /^0+$/.test(fraction));
  const decimal = showFraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
  const intlLocales = INTL_LOCALES[locale];
  const intlLocale = intlLocales[currency] ?? intlLocales.default;
  const nf = formatter(intlLocale, currency, showFraction ? exponent : 0);
  // No sign to swap for this currency: format() is formatToParts() joined, at a fraction of its cost.
  if (DOLLAR_SIGNS[currency] === undefined) return nf.format(decimal as Intl.StringNumericLiteral);
  const parts = nf.formatToParts(decimal as Intl.StringNumericLiteral);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Intl.NumberFormatPart;
    const sign = part.type === 'currency' && part.value === '$' ? DOLLAR_SIGNS[currency] : undefined;
    out += sign ?? part.value;
    // "CLP $ 1.500": a spelled-out sign keeps a no-break space before the digits.
    if (sign?.endsWith('\u00a0$') && parts[i + 1]?.type === 'integer') out += '\u00a0';
  }
  return out;
}
