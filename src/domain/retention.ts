/** How long an Idempotency-Key is remembered (and its answer replayed): 24 h, as Stripe does. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
