import fc from 'fast-check';

/**
 * Generators of hostile input for test/runtime/fuzz.test.ts. JSON bodies are built as text, so they
 * can hold what JSON.stringify never writes: duplicate keys, own `__proto__` keys, `1e999`, `-0`,
 * lone surrogates, deep nesting.
 */

/** Strings that have broken parsers, routers, SQL and templates before. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '  padded  ',
  '0',
  '-1',
  '1.5',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0x10',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '\u0000',
  'a\u0000b',
  '%00',
  '.',
  '..',
  '../..',
  '..%2f..%2fadmin',
  '%2e%2e',
  '%2F',
  '%',
  '%zz',
  '%E0%A4%A',
  '%ED%A0%80',
  '%FF%FE',
  '\uFEFF',
  '\u202Eevil',
  'ñandú',
  'São Paulo',
  '😀🇧🇷',
  'e\u0301',
  '\uD800',
  '\uDFFF',
  "'; DROP TABLE merchants; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  '${7*7}',
  '{{7*7}}',
  '{CHECKOUT_SESSION_ID}',
  'cs_test_',
  'cs_live_0000000000000000',
  'pay_',
  'evt_',
  'sk_test_',
  'pk_test_abcdefghijklmnop',
  'javascript:alert(1)',
  'https://',
  'https://169.254.169.254/latest/meta-data',
  'http://localhost/x',
  'https://[::1]/',
  'https://user:pw@shop.com/',
  'https://shop.com/#frag',
];

/** Arbitrary text: every code point, printable graphemes, known-bad strings, and long runs. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }) },
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', '9', 'é', '😀', '%', '/', '\u0000'), fc.integer({ min: 65, max: 5000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

/**
 * Whether a Headers object takes the value: workerd refuses NUL, CR and LF, and sends anything above
 * U+007F as UTF-8 (logging a warning), where a browser would throw.
 */
export function isHeaderSafe(value: string): boolean {
  return !/[\0\r\n]/.test(value);
}

const asciiText = fc.string({
  unit: fc.integer({ min: 0x01, max: 0x7f }).map((n) => String.fromCharCode(n)),
  maxLength: 80,
});
const isAscii = (s: string) => [...s].every((c) => c.charCodeAt(0) < 0x80);

/**
 * Header values: ASCII with control characters, the nasty strings, long runs, and a few non-ASCII ones
 * (workerd sends those as UTF-8 and logs a warning for each, so they are kept few and short).
 */
export const hostileHeaderValue: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 6, arbitrary: asciiText },
    { weight: 6, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter(isAscii)) },
    { weight: 1, arbitrary: fc.constantFrom('ключ', 'é', '😀', '\u00ff', 'Ã©') },
    { weight: 1, arbitrary: fc.integer({ min: 256, max: 9000 }).map((n) => 'k'.repeat(n)) },
  )
  .filter(isHeaderSafe);

/** Idempotency keys: valid printable ASCII ones of 1-255 characters, and every way to get them wrong. */
export const idempotencyKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('fz-a', 'fz-b', 'fz-c') }, // reused: replays and reuse refusals
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.integer({ min: 0x21, max: 0x7e }).map((n) => String.fromCharCode(n)),
      minLength: 1,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', ' ', 'a b', 'k'.repeat(255), 'k'.repeat(256), 'k\tk', 'k\u007f'),
  },
  { weight: 2, arbitrary: hostileHeaderValue },
);

export const contentType: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/merge-patch+json',
      'application/vnd.api+json',
      'application/jsonx',
      'application/json-seq',
      'text/json',
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'application/xml',
      '*/*',
      'json',
      '',
      ';',
      'application/json; charset=utf-16',
      'application/json;;;',
    ),
  },
  { weight: 1, arbitrary: hostileHeaderValue },
);

/** A path segment: URL-encoded hostile text, raw hostile text (may add `/`, `?`, `#`, `..`), or a known id. */
export function pathSegment(known: readonly string[]): fc.Arbitrary<string> {
  const encoded = hostileText.map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return s; // a lone surrogate: the URL parser turns it into U+FFFD
    }
  });
  const arbs: fc.Arbitrary<string>[] = [encoded, hostileText];
  if (known.length > 0) {
    const real = fc.constantFrom(...known);
    arbs.push(
      real,
      real,
      fc.tuple(real, mutation).map(([id, mutate]) => mutate(id)),
    );
  }
  return fc.oneof(...arbs);
}

/** Near misses of a real id: one character changed, truncated, extended, case-flipped, padded. */
const mutation: fc.Arbitrary<(id: string) => string> = fc.oneof(
  fc.nat().map((i) => (id: string) => {
    const at = i % Math.max(id.length, 1);
    return `${id.slice(0, at)}${id[at] === 'A' ? 'B' : 'A'}${id.slice(at + 1)}`;
  }),
  fc.nat().map((i) => (id: string) => id.slice(0, i % Math.max(id.length, 1))),
  hostileText.map((t) => (id: string) => `${id}${t}`),
  fc.constant((id: string) => id.toUpperCase()),
  fc.constant((id: string) => ` ${id} `),
  fc.constant((id: string) => `${id}%00`),
  fc.constant((id: string) => encodeURIComponent(`${id}/`)),
);

export const mutatedSecret = (key: string): fc.Arbitrary<string> => mutation.map((mutate) => mutate(key));

/** JSON text of a value that no schema field accepts whole, or only barely. */
export const hostileNumberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '0',
    '-0',
    '-1',
    '1.5',
    '1e999',
    '-1e999',
    '1E400',
    '1e-400',
    '9007199254740993',
    '9999999999',
    '10000000000',
    '123456789012345678901234567890123456789',
    '1e308',
    '2.0',
    '59',
    '60',
    '86400',
    '86401',
    '13',
    '12',
    '99',
    '100',
    '10000',
  ),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
);

const nasty = fc.constantFrom(...NASTY_STRINGS);
/** JSON text strings, including escapes JSON.stringify would not produce on its own. */
export const hostileStringText: fc.Arbitrary<string> = fc.oneof(
  hostileText.map((s) => JSON.stringify(s)),
  fc.constantFrom('"\\ud800"', '"\\udfff\\ud800"', '"\\u0000"', '"a\\u0000b"', '"\\uFFFF"'),
  fc.integer({ min: 60_000, max: 70_000 }).map((n) => JSON.stringify('x'.repeat(n))),
);

function deepText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Any JSON text value, biased toward the nasty. */
export const hostileJsonText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: hostileStringText },
  { weight: 3, arbitrary: hostileNumberText },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null', '[]', '{}', '[null]', '{"":null}') },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 2, max: 8000 }), fc.constantFrom('array' as const, 'object' as const))
      .map(([d, k]) => deepText(d, k)),
  },
  { weight: 1, arbitrary: fc.array(nasty, { maxLength: 6 }).map((a) => JSON.stringify(a)) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(hostileText, hostileText), { maxLength: 6 })
      .map((entries) => objectText(entries.map(([k, v]) => [k, JSON.stringify(v)]))),
  },
);

/** Keys that should be unknown to every schema, including ones that poison naive merges. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    '',
    '\u0000',
    'amount ',
    'AMOUNT',
    'id',
    'status',
    'livemode',
    'merchant_id',
    'token',
  ),
  hostileText,
);

/** `{...}` from [key, JSON text] entries; keys may repeat (JSON.parse keeps the last). */
export function objectText(entries: ReadonlyArray<readonly [string, string]>): string {
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

type Entries = Array<readonly [string, string]>;

/**
 * A valid body (as [key, JSON text] entries) with 0-4 mutations: a field set to a hostile value (or to
 * one from `fieldValues`, typed for that field), a field dropped, or an unknown key added. A quarter of
 * them get no mutation and stay valid, so some generated requests are accepted.
 */
export function mutatedObject(
  base: fc.Arbitrary<Entries>,
  fieldValues: Record<string, fc.Arbitrary<string>> = {},
): fc.Arbitrary<string> {
  const keys = Object.keys(fieldValues);
  const op = fc.oneof(
    fc.tuple(fc.constant('set' as const), fc.nat(), hostileJsonText),
    ...(keys.length > 0
      ? [
          fc
            .constantFrom(...keys)
            .chain((k) =>
              fc.tuple(fc.constant('setKey' as const), fc.constant(k), fieldValues[k] ?? hostileJsonText),
            ),
        ]
      : []),
    fc.tuple(fc.constant('drop' as const), fc.nat(), fc.constant('')),
    fc.tuple(fc.constant('add' as const), extraKey, hostileJsonText),
  );
  const ops = fc.oneof(
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 2, arbitrary: fc.array(op, { minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.array(op, { minLength: 2, maxLength: 4 }) },
  );
  return fc.tuple(base, ops).map(([entries, ops]) => {
    const out: Entries = [...entries];
    for (const [kind, at, value] of ops) {
      if (kind === 'setKey') {
        const i = out.findIndex(([k]) => k === at);
        if (i >= 0) out[i] = [at, value];
        else out.push([at, value]);
      } else if (kind === 'add') out.push([at, value]);
      else if (out.length > 0) {
        const i = (at as number) % out.length;
        const key = out[i]?.[0] ?? '';
        if (kind === 'set') out[i] = [key, value];
        else out.splice(i, 1);
      }
    }
    return objectText(out);
  });
}

const json = (v: unknown) => JSON.stringify(v);

/** Hostile but structured values for the nested objects of each schema. */
const orderId = fc.oneof(
  fc.nat().map((n) => `FZ-${n}`),
  fc.string({
    unit: fc.integer({ min: 0x21, max: 0x7e }).map((n) => String.fromCharCode(n)),
    minLength: 1,
    maxLength: 64,
  }),
);

export const sessionCustomerText = mutatedObject(
  fc.constant<Entries>([
    ['name', json('Maria Silva')],
    ['email', json('maria@example.com')],
    ['document', json('529.982.247-25')],
    ['phone', json('+55 11 99999-0000')],
  ]),
);

const paymentSettingText = mutatedObject(
  fc.constantFrom<Entries>(
    [
      ['payment_type', json('card')],
      ['max_installments', '6'],
    ],
    [
      ['payment_type', json('boleto')],
      ['boleto_due_date', json('2026-02-30')],
      ['boleto_charge_interest', 'true'],
    ],
    [
      ['payment_type', json('pix')],
      ['discount', '5'],
    ],
  ),
  {
    payment_type: fc.constantFrom(
      '"card"',
      '"credit_card"',
      '"pix"',
      '"boleto"',
      '"bank_transfer"',
      '"cash"',
    ),
    max_installments: hostileNumberText,
    discount: hostileNumberText,
    boleto_due_date: fc.oneof(
      fc.constantFrom('"2024-02-29"', '"2023-02-29"', '"0000-00-00"', '"9999-12-31"', '"2026-13-01"'),
      hostileStringText,
    ),
  },
);

const metadataText = fc.oneof(
  fc
    .dictionary(hostileText, fc.oneof(hostileText, fc.double(), fc.boolean(), fc.constant(null)), {
      maxKeys: 60,
    })
    .map(json),
  fc
    .array(fc.tuple(extraKey, fc.oneof(hostileStringText, hostileNumberText, fc.constant('null'))), {
      maxLength: 6,
    })
    .map((e) => objectText(e)),
  hostileJsonText,
);

const urlText = fc.oneof(
  fc.constantFrom(
    '"https://mystore.com/order/success?cs={CHECKOUT_SESSION_ID}"',
    '"https://{CHECKOUT_SESSION_ID}.mystore.com/"',
    '"http://mystore.com/"',
    '"http://localhost:3000/ok"',
    '"https://mystore.com/a b"',
    '"https://mystore.com/\\u0000"',
    '"//mystore.com"',
    '"mystore.com"',
    '"https://10.0.0.1/hook"',
    '"https://[fd00::1]/hook"',
    '"https://0x7f.1/hook"',
    '"https://hooks.internal/x"',
  ),
  fc.webUrl().map(json),
  fc.integer({ min: 2000, max: 3000 }).map((n) => json(`https://mystore.com/${'a'.repeat(n)}`)),
  hostileStringText,
);

/** POST /api/v1/checkout/sessions bodies: seed 001's example, mutated. */
export const sessionBodyText: fc.Arbitrary<string> = mutatedObject(
  fc.tuple(orderId, fc.constantFrom('"card"', 'null', '"pix"')).map(([id, method]) => [
    ['amount', '15000'],
    ['currency', '"BRL"'],
    ['merchant_order_id', json(id)],
    ['payment_method', method],
    ['gateway_first_try', '"pagarme"'],
    ['expires_in', '1800'],
    ['metadata', '{}'],
    ['success_url', '"https://mystore.com/order/success"'],
    ['cancel_url', '"https://mystore.com/order/failed"'],
  ]),
  {
    amount: hostileNumberText,
    expires_in: hostileNumberText,
    currency: fc.oneof(fc.constantFrom('"USD"', '"CLP"', '"brl"', '"BTC"', '"BRL "'), hostileStringText),
    country: fc.oneof(fc.constantFrom('"BRA"', '"CHL"', '"bra"', '"BR"', '"XXX"'), hostileStringText),
    merchant_order_id: fc.oneof(orderId.map(json), hostileStringText),
    metadata: metadataText,
    customer: sessionCustomerText,
    payment_settings: fc.array(paymentSettingText, { maxLength: 6 }).map((a) => `[${a.join(',')}]`),
    success_url: urlText,
    cancel_url: urlText,
    notification_url: urlText,
    payment_failure_url: urlText,
    locale: fc.oneof(fc.constantFrom('"pt-BR"', '"es"', '"en"', '"fr"', '"PT-br"'), hostileStringText),
    description: hostileStringText,
  },
);

const cardNumberText = fc.oneof(
  fc.constantFrom(
    '"4242424242424242"',
    '"4242 4242 4242 4242"',
    '"4242-4242-4242-4242"',
    '"4000000000000002"',
    '"4000000000000119"',
    '"378282246310005"',
    '"6011111111111117"',
    '"0000000000000000"',
    '"42424242424242424242424"',
    '"4242424242424241"',
    '"４２４２４２４２４２４２４２４２"',
    '4242424242424242',
  ),
  fc.stringMatching(/^[0-9 -]{0,30}$/).map(json),
  hostileStringText,
);

/** The customer's card: shapes of garbage, huge and fractional numbers, too-long strings. */
export const cardText: fc.Arbitrary<string> = mutatedObject(
  fc.constant<Entries>([
    ['number', '"4242424242424242"'],
    ['holder_name', '"MARIA SILVA"'],
    ['exp_month', '12'],
    ['exp_year', String(new Date().getFullYear() + 3)],
    ['cvc', '"123"'],
  ]),
  {
    number: cardNumberText,
    exp_month: hostileNumberText,
    exp_year: fc.oneof(hostileNumberText, fc.constantFrom('29', '0', '1999', '2099', '9999', '10000')),
    cvc: fc.oneof(fc.constantFrom('"12"', '"1234"', '"12a"', '"١٢٣"', '123'), hostileStringText),
    holder_name: fc.oneof(fc.constantFrom('"A"', '"  "', `"${'Ñ'.repeat(27)}"`), hostileStringText),
  },
);

const clientCustomerText = mutatedObject(
  fc.constant<Entries>([
    ['name', json('Maria Silva')],
    ['email', json('maria@example.com')],
    ['document', json('529.982.247-25')],
  ]),
  {
    document: fc.oneof(
      fc.constantFrom(
        '"000.000.000-00"',
        '"12.ABC.345/01DE-35"',
        '"11.222.333/0001-81"',
        '"52998224726"',
        '""',
      ),
      hostileStringText,
    ),
    email: fc.oneof(fc.emailAddress().map(json), hostileStringText),
  },
);

/** POST /c/v1/sessions/{token}/payments bodies. */
export const clientPaymentText: fc.Arbitrary<string> = mutatedObject(
  fc.constantFrom<Entries>(
    [
      ['method', '"card"'],
      ['customer', json({ name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' })],
      [
        'card',
        json({
          number: '4242424242424242',
          holder_name: 'MARIA SILVA',
          exp_month: 12,
          exp_year: 2040,
          cvc: '123',
        }),
      ],
      ['installments', '1'],
    ],
    [
      ['method', '"pix"'],
      ['customer', json({ name: 'Maria Silva', email: 'maria@example.com', document: '529.982.247-25' })],
    ],
  ),
  {
    method: fc.oneof(
      fc.constantFrom('"card"', '"pix"', '"boleto"', '"CARD"', '"card "', '""'),
      hostileStringText,
    ),
    customer: clientCustomerText,
    card: cardText,
    installments: hostileNumberText,
  },
);

/** {"outcome": ...} for both simulate endpoints. */
export const simulateText: fc.Arbitrary<string> = mutatedObject(
  fc.constantFrom<Entries>([['outcome', '"paid"']], [['outcome', '"denied"']], [['outcome', '"expired"']]),
  { outcome: fc.oneof(fc.constantFrom('"PAID"', '"refunded"', '"pending"', 'true'), hostileStringText) },
);

/** PATCH /api/v1/merchant bodies. */
export const merchantPatchText: fc.Arbitrary<string> = mutatedObject(
  fc.subarray<readonly [string, string]>([
    ['city', '"Campinas"'],
    ['allowed_origins', '["https://shop.example"]'],
    ['notification_url', 'null'],
  ]),
  {
    notification_url: fc.oneof(urlText, fc.constant('"https://hooks.mystore.com/borda"')),
    allowed_origins: fc.oneof(
      fc.array(urlText, { maxLength: 25 }).map((a) => `[${a.join(',')}]`),
      fc.constantFrom('["ftp://x.com"]', '["https://x.com/path?q#f"]', '"https://x.com"', '[null]'),
    ),
    city: fc.oneof(fc.constantFrom('"   "', `"${'c'.repeat(61)}"`), hostileStringText),
  },
);

/** POST /admin/v1/merchants bodies. */
export const merchantCreateText: fc.Arbitrary<string> = mutatedObject(
  fc.constantFrom<Entries>(
    [
      ['name', '"Loja Fuzz"'],
      ['country', '"BRA"'],
    ],
    [['name', '"Tienda"']],
  ),
  {
    name: fc.oneof(fc.constantFrom('"   "', `"${'n'.repeat(101)}"`), hostileStringText),
    country: fc.oneof(fc.constantFrom('null', '"bra"', '"USA"'), hostileStringText),
    notification_url: urlText,
    city: hostileStringText,
    allowed_origins: fc.array(urlText, { maxLength: 22 }).map((a) => `[${a.join(',')}]`),
  },
);

/** A body that is not one JSON object: any JSON, any JS value as JSON, raw text, invalid UTF-8. */
export const rawBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 2, arbitrary: fc.json({ maxDepth: 4 }) },
  {
    weight: 2,
    arbitrary: fc
      .anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true, withSparseArray: true })
      .map((v) => JSON.stringify(v) ?? 'undefined'),
  },
  { weight: 2, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{',
      '{"amount": 1,',
      "{'amount': 1}",
      '{"a":1}{"b":2}',
      '\uFEFF{}',
      '{"amount":15000}\u0000',
      'a=1&b=2',
      '<xml/>',
      '    ',
      `[${'1,'.repeat(20000)}1]`,
      `{"description":"${'x'.repeat(66_000)}"}`,
    ),
  },
);
