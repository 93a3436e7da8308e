import type { OutboxRecord } from '../webhooks/payload';
import type { DialectExtras } from './delivery';
import { seed004Body } from './orders/payload';
import { seed003Body } from './pix-direct/payload';

/**
 * Webhook bodies of the seed 003 and seed 004 dialects, or null to fall back to the canonical body.
 * Each dialect module fills its own function.
 */
export function dialectBody(
  e: OutboxRecord,
  dialect: 'seed003' | 'seed004',
  extras: DialectExtras = {},
): string | null {
  if (dialect === 'seed003') return seed003Body(e);
  if (dialect === 'seed004') return seed004Body(e, extras.order);
  return null;
}
