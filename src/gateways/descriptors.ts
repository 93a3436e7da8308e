import type { Country } from '../domain/countries';
import { COUNTRY_METHOD_TABLE, type MethodSlug } from '../domain/country-methods';
import type { GatewaySlug } from '../domain/methods';
import { type Coverage, coverageTable, methodsOf } from './coverage';

/**
 * What Borda knows of a gateway without calling it: whether its connector exists, what it takes where,
 * and the credentials a merchant gives to enable it. Each connector spreads its descriptor, so the
 * two never disagree; code that only describes gateways (enabling an account, the panel) reads this
 * module and ships none of the connectors' code (the control Worker, see README "Three Workers").
 */
export type GatewayDescriptor = {
  readonly slug: string;
  /** Whether a real implementation exists: an unavailable gateway cannot be enabled. */
  readonly available: boolean;
  /** Method slugs this connector can take (anywhere; `methodsOf(coverage)`). */
  readonly methods: readonly string[];
  /**
   * Where it takes them: country -> methods. Routing offers an account only payments whose country and
   * method its connector declares here, and the coverage table is built from these declarations.
   */
  readonly coverage: Coverage;
  /** The credential fields a merchant provides when enabling it (validated, stored sealed). */
  readonly credentialFields: readonly string[];
};

const CARD: readonly MethodSlug[] = ['card'];

/**
 * Where EBANX takes what, through this connector. Boleto is left out: EBANX requires the payer's
 * address for it, which the checkout does not collect; so is Yape, which needs the customer's phone
 * number (a push to the Yape app) or a phone to open its deeplink. Chile's Webpay is a card flow on Transbank's
 * page, which Borda's own card form does not use.
 */
const EBANX_COVERAGE: Coverage = {
  MEX: ['oxxo', 'spei', 'card'],
  COL: ['pse', 'efecty', 'nequi', 'card'],
  PER: ['cip', 'card'],
  CHL: ['servipag', 'card'],
  BRA: ['pix', 'card'],
  ECU: CARD,
  ARG: CARD,
};

/**
 * Where Mercado Pago takes what, through this connector. Boleto is left out: Mercado Pago requires the
 * payer's full address for it, which the checkout does not collect.
 */
const MERCADOPAGO_COVERAGE: Coverage = {
  BRA: ['pix', 'card'],
  MEX: ['oxxo', 'card'],
  COL: ['pse', 'efecty', 'card'],
  ARG: CARD,
  CHL: CARD,
  PER: CARD,
};

/**
 * What the PagBank connector takes, per country. Boleto is left out on purpose: PagBank requires the payer's
 * full address on a boleto (`boleto.holder.address`), which Borda's checkout does not collect, so
 * routing goes to a gateway that can issue one without it.
 */
const PAGBANK_COVERAGE = {
  BRA: ['card', 'pix'],
} as const satisfies Partial<Record<Country, readonly MethodSlug[]>>;

/**
 * What the Stripe connector takes, per country (Stripe's PIX page: business in BR, `brl`; OXXO: MX, `mxn`;
 * cards in both). Boleto is left out on purpose: Stripe requires the payer's full billing address for
 * it, which Borda's checkout does not collect, so routing goes to a gateway that can issue one.
 */
export const STRIPE_COVERAGE = {
  BRA: ['card', 'pix'],
  MEX: ['card', 'oxxo'],
} as const satisfies Partial<Record<Country, readonly MethodSlug[]>>;

/** A gateway named by seed 001 whose connector does not exist yet: listed, but it cannot be enabled. */
const unavailable = (slug: GatewaySlug): GatewayDescriptor => ({
  slug,
  available: false,
  methods: [],
  coverage: {},
  credentialFields: [],
});

/** One gateway that takes `methods` in Brazil alone. */
const brazil = (slug: string, methods: readonly MethodSlug[], credentialFields: string[]) => ({
  slug,
  available: true,
  methods,
  coverage: { BRA: methods },
  credentialFields,
});

const abroad = (slug: string, coverage: Coverage, credentialFields: string[]) => ({
  slug,
  available: true,
  methods: methodsOf(coverage),
  coverage,
  credentialFields,
});

/** Every gateway Borda knows, by slug; exhaustive, so a new slug without an entry is a type error. */
export const GATEWAYS = {
  // Test mode only: the sandbox plays every method the checkout offers, in every country.
  sandbox: abroad('sandbox', COUNTRY_METHOD_TABLE, []),
  pagarme: brazil('pagarme', ['pix', 'boleto', 'card'], ['secret_key', 'webhook_user', 'webhook_password']),
  asaas: brazil('asaas', ['pix', 'boleto', 'card'], ['api_key', 'webhook_token']),
  picpay: brazil('picpay', ['pix', 'picpay'], ['client_id', 'client_secret', 'notification_token']),
  safe2pay: unavailable('safe2pay'),
  pagbank: brazil('pagbank', PAGBANK_COVERAGE.BRA, ['token', 'notification_url']),
  stripe: abroad('stripe', STRIPE_COVERAGE, ['secret_key', 'webhook_secret']),
  erede: brazil('erede', ['card', 'pix'], ['client_id', 'client_secret']),
  mercadopago: abroad('mercadopago', MERCADOPAGO_COVERAGE, ['access_token', 'webhook_secret']),
  ebanx: abroad('ebanx', EBANX_COVERAGE, ['integration_key']),
} satisfies Record<GatewaySlug | 'sandbox', GatewayDescriptor>;

export type ConnectorSlug = keyof typeof GATEWAYS;

export function isConnectorSlug(value: string): value is ConnectorSlug {
  return Object.hasOwn(GATEWAYS, value);
}

/** The coverage table of every registered gateway (country -> method -> real connectors). */
export function registeredCoverage() {
  return coverageTable(Object.values(GATEWAYS));
}
