/** Payment method slugs, used the same way in the API, the client API and events (see country-methods.ts). */
export { METHOD_SLUGS as PAYMENT_METHODS, type MethodSlug as PaymentMethod } from './country-methods';

/** Gateways a merchant may name in gateway_first_try (seed 001's seven, then the ones Borda added). */
export const GATEWAY_SLUGS = [
  'pagarme',
  'picpay',
  'safe2pay',
  'pagbank',
  'stripe',
  'asaas',
  'erede',
  'mercadopago',
  'ebanx',
] as const;
export type GatewaySlug = (typeof GATEWAY_SLUGS)[number];

export { LOCALES, type Locale } from './locales';
