import { beforeAll, describe, expect, it } from 'vitest';
import { PAYMENT_METHODS } from '../../src/domain/methods';
import { api, type Merchant, newMerchant, sessionBody } from './helpers';

/**
 * POST /api/v1/checkout/sessions input validation: for every bound, the last accepted value (201)
 * and the first refused one (422 problem+json with the offending field and a stable code).
 */

const SESSIONS = '/api/v1/checkout/sessions';

type Body = Record<string, unknown>;
type FieldError = { field: string; code: string; message: string };
type Session = Body & { token: string; created_at: string; expires_at: string; livemode: boolean };

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Validation Store', country: 'BRA' });
});

/** Creates a session from seed 001's example plus `overrides`; an `undefined` override omits the field. */
async function accepted(overrides: Body, key = m.secret_keys.test): Promise<Session> {
  const res = await api(SESSIONS, key, { body: sessionBody(overrides) });
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return JSON.parse(text) as Session;
}

/** Asserts a 422 validation problem whose `errors` name `field` with `code`. */
async function refused(
  overrides: Body,
  field: string,
  code: string,
  key = m.secret_keys.test,
): Promise<FieldError[]> {
  const res = await api(SESSIONS, key, { body: sessionBody(overrides) });
  const text = await res.text();
  expect(res.status, text).toBe(422);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const problem = JSON.parse(text) as { code: string; errors: FieldError[] };
  expect(problem.code).toBe('validation_failed');
  expect(problem.errors, text).toContainEqual(expect.objectContaining({ field, code }));
  return problem.errors;
}

const secondsBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 1000;

/** A random id of exactly `length` printable characters. */
function uniqueId(length: number): string {
  let id = `ID-${crypto.randomUUID().replaceAll('-', '')}`;
  while (id.length < length) id += crypto.randomUUID().replaceAll('-', '');
  return id.slice(0, length);
}

/** An https URL of exactly `length` characters. */
const urlOfLength = (length: number) => {
  const base = 'https://mystore.com/';
  return base + 'a'.repeat(length - base.length);
};

const jsonBytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).byteLength;

/** Metadata whose JSON is exactly `total` bytes, in 500-character values. */
function metadataOfBytes(total: number): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (let i = 10; ; i++) {
    const key = `k${i}`;
    metadata[key] = '';
    const room = total - jsonBytes(metadata);
    metadata[key] = 'x'.repeat(Math.min(room, 500));
    if (room <= 500) break;
  }
  if (jsonBytes(metadata) !== total) throw new Error(`could not build ${total} bytes of metadata`);
  return metadata;
}

const metadataWith = (keys: number) =>
  Object.fromEntries(Array.from({ length: keys }, (_, i) => [`key_${i}`, `v${i}`]));

describe('amount', () => {
  it.each([1, 9_999_999_999])('accepts %s', async (amount) => {
    expect((await accepted({ amount })).amount).toBe(amount);
  });

  it.each([
    { amount: 0, code: 'too_small' },
    { amount: -1, code: 'too_small' },
    { amount: 10_000_000_000, code: 'too_big' },
    { amount: 1.5, code: 'invalid_type' },
    { amount: '150', code: 'invalid_type' },
    { amount: undefined, code: 'required' },
  ])('refuses $amount with $code', async ({ amount, code }) => {
    await refused({ amount }, 'amount', code);
  });
});

describe('currency and country', () => {
  it.each([
    { currency: 'BRL', country: 'BRA' },
    { currency: 'USD', country: 'BRA' }, // USD follows the merchant's country
    { currency: 'MXN', country: 'MEX' },
    { currency: 'CLP', country: 'CHL' },
    { currency: 'COP', country: 'COL' },
    { currency: 'PEN', country: 'PER' },
    { currency: 'ARS', country: 'ARG' },
  ])('accepts $currency and defaults the country to $country', async ({ currency, country }) => {
    const s = await accepted({ currency, country: undefined });
    expect(s.currency).toBe(currency);
    expect(s.country).toBe(country);
  });

  it('defaults USD to ECU for a merchant without a country', async () => {
    const countryless = await newMerchant({ name: 'Sem País' });
    const s = await accepted({ currency: 'USD' }, countryless.secret_keys.test);
    expect(s.country).toBe('ECU');
  });

  it.each(['brl', 'EUR'])('refuses currency %s', async (currency) => {
    await refused({ currency }, 'currency', 'invalid_value');
  });

  const LOCAL_CURRENCY = [
    ['BRA', 'BRL'],
    ['PER', 'PEN'],
    ['COL', 'COP'],
    ['CHL', 'CLP'],
    ['MEX', 'MXN'],
    ['ECU', 'USD'],
    ['ARG', 'ARS'],
  ] as const;

  it.each(LOCAL_CURRENCY)('accepts country %s with its own currency %s', async (country, currency) => {
    const s = await accepted({ country, currency });
    expect([s.country, s.currency]).toEqual([country, currency]);
  });

  it.each(LOCAL_CURRENCY.map(([country]) => country))('accepts USD in %s', async (country) => {
    const s = await accepted({ country, currency: 'USD' });
    expect([s.country, s.currency]).toEqual([country, 'USD']);
  });

  it('refuses a local currency of another country (MEX with BRL)', async () => {
    await refused({ country: 'MEX', currency: 'BRL' }, 'currency', 'currency_not_allowed');
  });

  it('refuses an unknown country', async () => {
    await refused({ country: 'BR' }, 'country', 'invalid_value');
  });
});

describe('merchant_order_id', () => {
  it('accepts 1 character', async () => {
    const own = await newMerchant();
    expect((await accepted({ merchant_order_id: 'Z' }, own.secret_keys.test)).merchant_order_id).toBe('Z');
  });

  it('accepts 64 characters', async () => {
    const id = uniqueId(64);
    expect((await accepted({ merchant_order_id: id })).merchant_order_id).toBe(id);
  });

  it.each([
    { name: 'empty', id: '', code: 'too_small' },
    { name: '65 characters', id: uniqueId(65), code: 'too_big' },
    { name: 'a leading space', id: ` ${uniqueId(10)}`, code: 'invalid_format' },
    { name: 'a trailing space', id: `${uniqueId(10)} `, code: 'invalid_format' },
    { name: 'a control character', id: `${uniqueId(5)}\u0007${uniqueId(5)}`, code: 'invalid_format' },
    { name: 'a non-ASCII character', id: `PEDIDO-${uniqueId(5)}-ç`, code: 'invalid_format' },
  ])('refuses $name', async ({ id, code }) => {
    await refused({ merchant_order_id: id }, 'merchant_order_id', code);
  });
});

describe('payment_method', () => {
  it.each([
    { value: 'card', expected: 'card' },
    { value: 'pix', expected: 'pix' },
    { value: null, expected: null },
    { value: undefined, expected: null },
    { value: 'boleto', expected: 'boleto' },
    { value: 'bank_transfer', expected: 'bank_transfer' },
  ])('accepts $value', async ({ value, expected }) => {
    expect((await accepted({ payment_method: value })).payment_method).toBe(expected);
  });

  it('accepts a list of methods and returns it as sent', async () => {
    expect((await accepted({ payment_method: ['pix', 'boleto'] })).payment_method).toEqual(['pix', 'boleto']);
  });

  it.each([
    { value: 'bitcoin', field: 'payment_method', code: 'invalid_value' },
    { value: ['pix', 'bitcoin'], field: 'payment_method[1]', code: 'invalid_value' },
    { value: ['pix', 'pix'], field: 'payment_method', code: 'duplicate' },
    { value: [], field: 'payment_method', code: 'too_small' },
  ])('refuses $value naming $field', async ({ value, field, code }) => {
    await refused({ payment_method: value }, field, code);
  });
});

describe('gateway_first_try', () => {
  it.each(['pagarme', 'picpay', 'safe2pay', 'pagbank', 'stripe', 'asaas', 'erede', null])(
    'accepts %s',
    async (gateway) => {
      expect((await accepted({ gateway_first_try: gateway })).gateway_first_try).toBe(gateway);
    },
  );

  it('refuses paypal', async () => {
    await refused({ gateway_first_try: 'paypal' }, 'gateway_first_try', 'invalid_value');
  });
});

describe('expires_in', () => {
  it.each([60, 86400])('accepts %s and sets expires_at that far ahead', async (expiresIn) => {
    const s = await accepted({ expires_in: expiresIn });
    const lifetime = secondsBetween(s.created_at, s.expires_at);
    expect(lifetime).toBeGreaterThanOrEqual(expiresIn - 1);
    expect(lifetime).toBeLessThanOrEqual(expiresIn);
  });

  it('defaults to 1800 seconds when omitted', async () => {
    const s = await accepted({ expires_in: undefined });
    const lifetime = secondsBetween(s.created_at, s.expires_at);
    expect(lifetime).toBeGreaterThanOrEqual(1799);
    expect(lifetime).toBeLessThanOrEqual(1800);
  });

  it.each([
    { value: 59, code: 'too_small' },
    { value: 86401, code: 'too_big' },
    { value: 60.5, code: 'invalid_type' },
  ])('refuses $value', async ({ value, code }) => {
    await refused({ expires_in: value }, 'expires_in', code);
  });
});

describe('metadata', () => {
  const key40 = 'k'.repeat(40);
  const key41 = 'k'.repeat(41);

  it.each([
    { name: '50 keys', metadata: metadataWith(50) },
    { name: 'a 40-character key', metadata: { [key40]: 'x' } },
    { name: 'a 500-character string', metadata: { note: 'x'.repeat(500) } },
    { name: 'exactly 8192 bytes of JSON', metadata: metadataOfBytes(8192) },
    { name: 'numbers, booleans and null', metadata: { n: 1.5, b: false, z: null } },
  ])('accepts $name and returns it', async ({ metadata }) => {
    expect((await accepted({ metadata })).metadata).toEqual(metadata);
  });

  it.each([
    { name: '51 keys', metadata: metadataWith(51), field: 'metadata', code: 'too_many_keys' },
    {
      name: 'a 41-character key',
      metadata: { [key41]: 'x' },
      field: `metadata.${key41}`,
      code: 'invalid_key',
    },
    {
      name: 'a 501-character string',
      metadata: { note: 'x'.repeat(501) },
      field: 'metadata.note',
      code: 'too_big',
    },
    {
      name: 'a nested object',
      metadata: { nested: { a: 1 } },
      field: 'metadata.nested',
      code: 'invalid_union',
    },
    { name: 'an array', metadata: ['a', 'b'], field: 'metadata', code: 'invalid_type' },
    { name: '8193 bytes of JSON', metadata: metadataOfBytes(8193), field: 'metadata', code: 'too_big' },
  ])('refuses $name', async ({ metadata, field, code }) => {
    await refused({ metadata }, field, code);
  });
});

describe.each(['success_url', 'cancel_url'])('%s', (field) => {
  const placeholder = 'https://mystore.com/order/{CHECKOUT_SESSION_ID}?again={CHECKOUT_SESSION_ID}';

  it.each([
    { name: 'https', url: 'https://mystore.com/order/done' },
    { name: 'the {CHECKOUT_SESSION_ID} placeholder, unchanged', url: placeholder },
    { name: 'http://localhost:3000 with a test key', url: 'http://localhost:3000/done' },
    { name: '2048 characters', url: urlOfLength(2048) },
    { name: 'null', url: null },
  ])('accepts $name', async ({ url }) => {
    expect((await accepted({ [field]: url }))[field]).toBe(url);
  });

  it('accepts https with a live key', async () => {
    const s = await accepted({ [field]: 'https://mystore.com/order/done' }, m.secret_keys.live);
    expect(s.livemode).toBe(true);
  });

  it('refuses http://localhost:3000 with a live key', async () => {
    await refused({ [field]: 'http://localhost:3000/done' }, field, 'https_required', m.secret_keys.live);
  });

  it.each([
    { name: 'http to a public host', url: 'http://example.com/done', code: 'https_required' },
    { name: 'credentials', url: 'https://user:pass@mystore.com/done', code: 'credentials_not_allowed' },
    { name: '2049 characters', url: urlOfLength(2049), code: 'too_big' },
    { name: 'a relative URL', url: '/order/done', code: 'invalid_url' },
  ])('refuses $name', async ({ url, code }) => {
    await refused({ [field]: url }, field, code);
  });
});

describe('description and locale', () => {
  it('accepts a 255-character description', async () => {
    const description = 'd'.repeat(255);
    expect((await accepted({ description })).description).toBe(description);
  });

  it('refuses a 256-character description', async () => {
    await refused({ description: 'd'.repeat(256) }, 'description', 'too_big');
  });

  it.each(['pt-BR', 'es', 'en'])('accepts locale %s', async (locale) => {
    expect((await accepted({ locale })).locale).toBe(locale);
  });

  it('refuses locale pt', async () => {
    await refused({ locale: 'pt' }, 'locale', 'invalid_value');
  });
});

describe('customer', () => {
  it.each([
    { name: 'a formatted CPF', document: '529.982.247-25', stored: '52998224725' },
    { name: 'an alphanumeric CNPJ', document: '12.ABC.345/01DE-35', stored: '12ABC34501DE35' },
  ])('accepts $name and returns it normalized', async ({ document, stored }) => {
    const s = await accepted({ customer: { name: 'João Silva', email: 'joao@silva.com', document } });
    expect(s.customer).toEqual({ name: 'João Silva', email: 'joao@silva.com', document: stored });
  });

  it('refuses a CPF with a wrong check digit for a BRA session', async () => {
    await refused({ customer: { document: '529.982.247-26' } }, 'customer.document', 'invalid_document');
  });

  it('accepts the same string as a national id in MEX', async () => {
    const s = await accepted({ currency: 'MXN', customer: { document: '529.982.247-26' } });
    expect(s.country).toBe('MEX');
    expect(s.customer).toEqual({ document: '52998224726' });
  });

  it.each([
    { name: 'a bad email', customer: { email: 'joao@' }, field: 'customer.email', code: 'invalid_format' },
    {
      name: 'an unknown key',
      customer: { cpf: '52998224725' },
      field: 'customer.cpf',
      code: 'unknown_field',
    },
  ])('refuses $name', async ({ customer, field, code }) => {
    await refused({ customer }, field, code);
  });
});

describe('notification_url', () => {
  it('accepts a public https URL', async () => {
    const url = 'https://hooks.mystore.com/borda';
    expect((await accepted({ notification_url: url })).notification_url).toBe(url);
  });

  it.each([
    { url: 'http://127.0.0.1:8787/hook', code: 'https_required' }, // ALLOW_LOOPBACK_URLS is 'false'
    { url: 'https://10.0.0.1/', code: 'host_not_allowed' },
  ])('refuses $url', async ({ url, code }) => {
    await refused({ notification_url: url }, 'notification_url', code);
  });
});

describe('payment_settings', () => {
  // Seed 004's three examples (`payments_settings`), with the stray `"boleto_fine_type:"` key fixed.
  const SEED_EXAMPLES = [
    {
      name: 'example 1: boleto, or card in up to 5 installments',
      sent: [{ payment_type: 'boleto' }, { payment_type: 'credit_card', max_installments: 5 }],
      returned: [{ payment_type: 'boleto' }, { payment_type: 'card', max_installments: 5 }],
    },
    {
      name: 'example 2: boleto due in 3 days with a 10% fine',
      sent: [
        {
          payment_type: 'boleto',
          boleto_due_days: 3,
          boleto_charge_fine: true,
          boleto_fine_type: 'percentage',
          boleto_fine_amount: 10,
        },
      ],
      returned: null,
    },
    {
      name: 'example 3: pix with 10% off, or card up to 12x at 1.99%',
      sent: [
        { payment_type: 'pix', discount: 10 },
        { payment_type: 'credit_card', max_installments: 5, max_installments_interest: 12, interest: 1.99 },
      ],
      returned: [
        { payment_type: 'pix', discount: 10 },
        { payment_type: 'card', max_installments: 5, max_installments_interest: 12, interest: 1.99 },
      ],
    },
  ];

  it.each(SEED_EXAMPLES)('accepts seed 004 $name', async ({ sent, returned }) => {
    const s = await accepted({ payment_method: null, payment_settings: sent });
    expect(s.payment_settings).toEqual(returned ?? sent);
  });

  /** The Brasília calendar date `days` from today (boleto dates are Brasília days). */
  const brasiliaDay = (days: number) =>
    new Date(Date.now() - 3 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const pix = (extra: Body) => [{ payment_type: 'pix', ...extra }];
  const card = (extra: Body) => [{ payment_type: 'card', ...extra }];
  const boleto = (extra: Body) => [{ payment_type: 'boleto', ...extra }];

  it.each([
    { name: 'discount 0', settings: pix({ discount: 0 }) },
    { name: 'discount 100', settings: pix({ discount: 100 }) },
    { name: 'max_installments 1', settings: card({ max_installments: 1 }) },
    { name: 'max_installments 12', settings: card({ max_installments: 12 }) },
    { name: 'boleto_due_days 0', settings: boleto({ boleto_due_days: 0 }) },
    { name: 'boleto_due_days 999', settings: boleto({ boleto_due_days: 999 }) },
    { name: 'boleto_void_days 1', settings: boleto({ boleto_void_days: 1 }) },
    { name: 'boleto_void_days 60', settings: boleto({ boleto_void_days: 60 }) },
    { name: 'a boleto_due_date of today', settings: boleto({ boleto_due_date: brasiliaDay(0) }) },
    { name: 'a boleto_due_date 999 days ahead', settings: boleto({ boleto_due_date: brasiliaDay(999) }) },
    {
      name: 'a fine of 100 %',
      settings: boleto({ boleto_charge_fine: true, boleto_fine_type: 'percentage', boleto_fine_amount: 100 }),
    },
    {
      name: 'four distinct methods',
      settings: [
        { payment_type: 'card' },
        { payment_type: 'pix' },
        { payment_type: 'boleto' },
        { payment_type: 'bank_transfer' },
      ],
    },
  ])('accepts $name', async ({ settings }) => {
    expect((await accepted({ payment_method: null, payment_settings: settings })).payment_settings).toEqual(
      settings,
    );
  });

  const at = (field: string, i = 0) => `payment_settings[${i}].${field}`;

  it.each([
    { name: 'discount -1', settings: pix({ discount: -1 }), field: at('discount'), code: 'too_small' },
    { name: 'discount 101', settings: pix({ discount: 101 }), field: at('discount'), code: 'too_big' },
    {
      name: 'max_installments 0',
      settings: card({ max_installments: 0 }),
      field: at('max_installments'),
      code: 'too_small',
    },
    {
      name: 'max_installments 13',
      settings: card({ max_installments: 13 }),
      field: at('max_installments'),
      code: 'too_big',
    },
    {
      name: 'boleto_due_days -1',
      settings: boleto({ boleto_due_days: -1 }),
      field: at('boleto_due_days'),
      code: 'too_small',
    },
    {
      name: 'boleto_due_days 1000',
      settings: boleto({ boleto_due_days: 1000 }),
      field: at('boleto_due_days'),
      code: 'too_big',
    },
    {
      name: 'boleto_void_days 0',
      settings: boleto({ boleto_void_days: 0 }),
      field: at('boleto_void_days'),
      code: 'too_small',
    },
    {
      name: 'boleto_void_days 61',
      settings: boleto({ boleto_void_days: 61 }),
      field: at('boleto_void_days'),
      code: 'too_big',
    },
    {
      name: 'boleto_charge_interest without boleto_interest_type',
      settings: boleto({ boleto_charge_interest: true, boleto_interest_amount: 1.99 }),
      field: at('boleto_interest_type'),
      code: 'required',
    },
    {
      name: 'boleto_charge_fine without boleto_fine_amount',
      settings: boleto({ boleto_charge_fine: true, boleto_fine_type: 'percentage' }),
      field: at('boleto_fine_amount'),
      code: 'required',
    },
    {
      name: 'a boleto field on a pix entry',
      settings: pix({ boleto_due_days: 3 }),
      field: at('boleto_due_days'),
      code: 'not_applicable',
    },
    {
      name: 'installments on a boleto entry',
      settings: boleto({ max_installments: 3 }),
      field: at('max_installments'),
      code: 'not_applicable',
    },
    {
      name: 'boleto_due_days together with boleto_due_date',
      settings: boleto({ boleto_due_days: 3, boleto_due_date: '2026-03-10' }),
      field: at('boleto_due_date'),
      code: 'conflicting_fields',
    },
    {
      name: 'a boleto_due_date with month 13',
      settings: boleto({ boleto_due_date: '2026-13-01' }),
      field: at('boleto_due_date'),
      code: 'invalid_date',
    },
    ...['2026-02-30', '2026-02-29', '2026-04-31'].map((date) => ({
      name: `an impossible boleto_due_date ${date}`,
      settings: boleto({ boleto_due_date: date }),
      field: at('boleto_due_date'),
      code: 'invalid_date',
    })),
    {
      name: 'a boleto_due_date already past (it would be overdue when issued)',
      settings: boleto({ boleto_due_date: brasiliaDay(-1) }),
      field: at('boleto_due_date'),
      code: 'date_in_past',
    },
    {
      name: 'a boleto_due_date 1,000 days ahead',
      settings: boleto({ boleto_due_date: brasiliaDay(1000) }),
      field: at('boleto_due_date'),
      code: 'too_far',
    },
    {
      name: 'a fine over 100 %',
      settings: boleto({
        boleto_charge_fine: true,
        boleto_fine_type: 'percentage',
        boleto_fine_amount: 100.01,
      }),
      field: at('boleto_fine_amount'),
      code: 'too_big',
    },
    {
      name: 'a monthly interest over 100 %',
      settings: boleto({
        boleto_charge_interest: true,
        boleto_interest_type: 'percentage',
        boleto_interest_amount: 1e9,
      }),
      field: at('boleto_interest_amount'),
      code: 'too_big',
    },
    {
      name: 'a fixed daily interest of R$ 10^15',
      settings: boleto({
        boleto_charge_interest: true,
        boleto_interest_type: 'fixed',
        boleto_interest_amount: 1e15,
      }),
      field: at('boleto_interest_amount'),
      code: 'too_big',
    },
    {
      name: 'card and credit_card together',
      settings: [{ payment_type: 'card' }, { payment_type: 'credit_card' }],
      field: at('payment_type', 1),
      code: 'duplicate',
    },
    {
      name: 'an unknown key in an entry',
      settings: pix({ cashback: 5 }),
      field: at('cashback'),
      code: 'unknown_field',
    },
    {
      name: 'more entries than there are methods',
      settings: [...PAYMENT_METHODS, 'card'].map((payment_type) => ({ payment_type })),
      field: 'payment_settings',
      code: 'too_big',
    },
  ])('refuses $name', async ({ settings, field, code }) => {
    await refused({ payment_method: null, payment_settings: settings }, field, code);
  });
});

describe('request shape', () => {
  it('refuses an unknown top-level field', async () => {
    await refused({ order_ref: 'x' }, 'order_ref', 'unknown_field');
  });

  it('writes nothing when it refuses a request', async () => {
    const orderId = uniqueId(20);
    await refused({ merchant_order_id: orderId, amount: 0 }, 'amount', 'too_small');
    const list = async () => {
      const res = await api(`${SESSIONS}?merchant_order_id=${orderId}`, m.secret_keys.test);
      expect(res.status).toBe(200);
      return ((await res.json()) as { data: Session[] }).data;
    };
    expect(await list()).toEqual([]);
    // The same query does find the order once a valid request creates it.
    await accepted({ merchant_order_id: orderId });
    expect((await list()).map((s) => s.merchant_order_id)).toEqual([orderId]);
  });
});
