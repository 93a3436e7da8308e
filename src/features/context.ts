import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { TransitionCommand, TransitionOutcome } from '../core/session/commands';
import type { AuthedMerchant, Mode } from '../domain/tenant';

/** What a service verb may use: no Hono, no bindings, only these ports. */
export type ServiceCtx = {
  db: DrizzleD1Database;
  now: number;
  baseUrl: string;
  /** Loopback webhook URLs are allowed (local development only). */
  allowLoopbackUrls: boolean;
  /** Runs a transition in the session's Durable Object. */
  transition: (cmd: TransitionCommand) => Promise<TransitionOutcome>;
};

export type MerchantCtx = ServiceCtx & { merchant: AuthedMerchant; mode: Mode };
