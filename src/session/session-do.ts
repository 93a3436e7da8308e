import { DurableObject } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { serializeSession } from '../api/sessions/serialize';
import { checkoutSessions, type SessionRow } from '../db/schema';
import { decideTransition, type SessionStatus } from '../domain/session-state';
import type { Mode } from '../http/context';
import { commitTransition, newEvent } from './commit';

export type TransitionCommand = {
  sessionId: string;
  to: SessionStatus;
  /** When set, the session must belong to this merchant and mode, else it is reported not found. */
  owner?: { merchantId: string; mode: Mode };
  now?: number;
};

export type TransitionOutcome =
  | { ok: true; session: SessionRow; eventIds: string[] }
  | {
      ok: false;
      code: 'not_found' | 'invalid_state_transition' | 'concurrent_update';
      status?: SessionStatus;
      detail: string;
    };

/**
 * One Durable Object per checkout session: the only writer of a session after it is created.
 * Calls are serialized through a promise chain, so two transitions on one session never interleave
 * inside this object; the version guard in commitTransition covers anything outside it.
 */
export class SessionDO extends DurableObject<Env> {
  #row: SessionRow | null = null;
  #tail: Promise<unknown> = Promise.resolve();

  transition(cmd: TransitionCommand): Promise<TransitionOutcome> {
    return this.#serialized(() => this.#transition(cmd));
  }

  #serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn, fn);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  async #load(sessionId: string, fresh: boolean): Promise<SessionRow | null> {
    if (this.#row && !fresh) return this.#row;
    const db = drizzle(this.env.DB);
    const [row] = await db.select().from(checkoutSessions).where(eq(checkoutSessions.id, sessionId)).limit(1);
    this.#row = row ?? null;
    return this.#row;
  }

  async #transition(cmd: TransitionCommand): Promise<TransitionOutcome> {
    const now = cmd.now ?? Date.now();
    const row = await this.#load(cmd.sessionId, false);
    if (!row || (cmd.owner && (row.merchantId !== cmd.owner.merchantId || row.mode !== cmd.owner.mode))) {
      return { ok: false, code: 'not_found', detail: 'No such checkout session.' };
    }
    const decision = decideTransition(row, cmd.to, now);
    if (!decision.ok) {
      return {
        ok: false,
        code: 'invalid_state_transition',
        status: row.status,
        detail: `The session is ${row.status}; it cannot become ${cmd.to}.`,
      };
    }
    const next = { ...row, status: cmd.to, version: row.version + 1, updatedAt: now };
    const events = decision.event ? [newEvent(decision.event, serializeSession(next))] : [];
    const committed = await commitTransition(drizzle(this.env.DB), row, { status: cmd.to }, events, now);
    if (!committed) {
      // Someone else moved the session; forget our copy so the next call reads the truth.
      this.#row = null;
      return {
        ok: false,
        code: 'concurrent_update',
        detail: 'The session changed while this request ran; retry.',
      };
    }
    this.#row = committed;
    return { ok: true, session: committed, eventIds: events.map((e) => e.id) };
  }
}

export function sessionStub(env: Env, sessionId: string): DurableObjectStub<SessionDO> {
  const ns = env.SESSION_DO as unknown as DurableObjectNamespace<SessionDO>;
  return ns.get(ns.idFromName(sessionId));
}
