/**
 * Gateways that move no real money and so must never take a live payment: the built-in sandbox
 * approves "4242..." and issues fake PIX codes. Refused for live accounts when created or enabled,
 * and skipped by live routing whatever is in the database (rows from before the rule included).
 */
const TEST_ONLY_GATEWAYS: ReadonlySet<string> = new Set(['sandbox']);

export function allowedInMode(gateway: string, mode: 'test' | 'live'): boolean {
  return mode === 'test' || !TEST_ONLY_GATEWAYS.has(gateway);
}
