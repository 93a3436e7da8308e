import type { OutboxRecord } from '../../webhooks/payload';

/**
 * Webhook bodies of the seed 003 and seed 004 dialects, or null to fall back to the canonical body.
 * Each dialect module fills its own function.
 */
export function dialectBody(_e: OutboxRecord, _dialect: 'seed003' | 'seed004'): string | null {
  return null;
}
