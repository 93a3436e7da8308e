import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { TransitionCommand, TransitionOutcome } from '../core/session/commands';
import type { AuthedMerchant, Mode } from '../domain/tenant';
import type { Queues, Secrets } from '../platform/ports';
import type { SessionStub } from '../platform/session';

/** What a service verb may use: no Hono, no bindings, only these ports. */
export type ServiceCtx = {
  db: DrizzleD1Database;
  now: number;
  baseUrl: string;
  /** Loopback webhook URLs are allowed (local development only). */
  allowLoopbackUrls: boolean;
  /** Runs a transition in the session's Durable Object. */
  transition: (cmd: TransitionCommand) => Promise<TransitionOutcome>;
  /** Typed calls into a session's Durable Object (pay, settle, refund...). */
  session: (sessionId: string) => SessionStub;
  /** Sealing and opening secrets at rest, and the key links are signed with. */
  secrets: Secrets;
  /** The queues work is handed to (webhook deliveries, jobs, customer notifications). */
  queues: Queues;
};

export type MerchantCtx = ServiceCtx & { merchant: AuthedMerchant; mode: Mode };
