import { DurableObject } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { checkoutSessions, type PaymentRow, payments, type SessionRow } from '../../db/schema';
import { decideTransition, dueAt } from '../../domain/session-state';
import { enabledAccountsQuery, toLiveAccounts } from '../../gateways/accounts';
import { allowedInMode } from '../../gateways/mode-guard';
import { type Ports, portsOf } from '../../platform/ports';
import { enqueueEvents } from '../../webhooks/publish';
import { admitPayment } from './admit-payment';
import { cachedRowHolds } from './cached-row';
import {
  CONCURRENT,
  NOT_FOUND,
  type PayCommand,
  type PayOutcome,
  type Refusal,
  type SettleCommand,
  type StatusCommand,
  type TransitionCommand,
  type TransitionOutcome,
} from './commands';
import { commitSessionChange, type SessionChange } from './commit';
import { runGateway } from './gateway-call';
import { LIVE_BASE_HEADER, LIVE_SESSION_HEADER, LiveStatus, type StatusRead } from './live-status';
import { loadMerchantProfile } from './merchant-profile';
import { closePayments, paymentEvent } from './payment-events';
import { newPaymentRow } from './payment-row';
import { createRefund, type RefundCommand, type RefundOutcome, type SessionScope } from './refund-command';
import { type RefundUpdateCommand, updateRefund } from './refund-update';
import { sessionEvents } from './session-events';
import { acceptPayment, settle } from './settle-command';

export type { PayCommand, SettleCommand, TransitionCommand, TransitionOutcome } from './commands';

/**
 * One Durable Object per checkout session: the only writer of a session after it is created.
 * Commands run one at a time through a promise chain, so two changes of one session never
 * interleave here; the version guard in commitSessionChange covers anything outside this object.
 * A payment attempt holds `#paying` while its gateway call is in flight: a second attempt in that
 * window is refused at once (409) instead of queueing behind it.
 */
export class SessionDO extends DurableObject<Env> {
  #row: SessionRow | null = null;
  #tail: Promise<unknown> = Promise.resolve();
  #paying = false;
  readonly #live: LiveStatus;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#live = new LiveStatus(ctx, () => this.#db);
  }

  /** The page's status, from this object (no D1 read once warm); an overdue session is expired on the spot. */
  async status(cmd: StatusCommand): Promise<StatusRead | null> {
    const now = cmd.now ?? Date.now();
    const read = await this.#live.read(cmd.sessionId, cmd.baseUrl, now);
    if (read?.overdue)
      this.ctx.waitUntil(this.transition({ sessionId: cmd.sessionId, to: 'expired', onlyIfDue: true, now }));
    return read;
  }

  /** A page's WebSocket (GET /c/v1/sessions/{token}/live, forwarded by the Worker with the token and base URL). */
  override fetch(request: Request): Promise<Response> {
    const sessionId = request.headers.get(LIVE_SESSION_HEADER) ?? '';
    return this.#live.connect(request, sessionId, request.headers.get(LIVE_BASE_HEADER) ?? '');
  }

  override webSocketClose(ws: WebSocket, code: number): void {
    ws.close(code === 1005 ? 1000 : code, 'closed');
  }

  /** Pages only send pings, which the runtime answers without waking the object; anything else is ignored. */
  override webSocketMessage(): void {}

  transition(cmd: TransitionCommand): Promise<TransitionOutcome> {
    return this.#serialized(() => this.#transition(cmd));
  }

  async pay(cmd: PayCommand): Promise<PayOutcome> {
    if (this.#paying) {
      return {
        ok: false,
        code: 'payment_in_progress',
        detail: 'Another payment attempt is being processed.',
      };
    }
    this.#paying = true;
    try {
      return await this.#serialized(() => this.#pay(cmd));
    } finally {
      this.#paying = false;
    }
  }

  async settle(cmd: SettleCommand): Promise<PayOutcome> {
    const run = () => this.#withRow(cmd.sessionId, (scope, row) => settle(scope, row, cmd));
    const first = await run();
    // A settlement is one guarded batch: after another writer moved the session, it is safe to run again.
    return !first.ok && first.code === 'concurrent_update' ? run() : first;
  }

  accept(cmd: SettleCommand): Promise<PayOutcome> {
    return this.#withRow(cmd.sessionId, (scope, row) => acceptPayment(scope, row, cmd));
  }

  async refund(cmd: RefundCommand): Promise<RefundOutcome> {
    const run = () => this.#withRow(cmd.sessionId, (scope, row) => createRefund(scope, row, cmd));
    const first = await run();
    // Refused before anything was written (the session had moved): running again is safe.
    return !first.ok && first.retryable ? run() : first;
  }

  updateRefund(cmd: RefundUpdateCommand): Promise<RefundOutcome> {
    return this.#withRow(cmd.sessionId, (scope, row) => updateRefund(scope, row, cmd));
  }

  #serialized<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn, fn);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** The runtime hands `env` to this object, which hands it on whole to the platform. */
  get #ports(): Ports {
    return portsOf(this.env);
  }
  get #db(): DrizzleD1Database {
    return this.#ports.db;
  }

  async #load(sessionId: string, now = Date.now()): Promise<SessionRow | null> {
    if (cachedRowHolds(this.#row, sessionId, now)) return this.#row;
    const [row] = await this.#db
      .select()
      .from(checkoutSessions)
      .where(eq(checkoutSessions.id, sessionId))
      .limit(1);
    this.#row = row ?? null;
    if (row) await this.#live.seen(row);
    return this.#row;
  }

  #pending(sessionId: string): Promise<PaymentRow[]> {
    return this.#db
      .select()
      .from(payments)
      .where(and(eq(payments.sessionId, sessionId), eq(payments.status, 'pending')));
  }

  /** Commits against the cached row; on a version clash forgets the cache so the next call reads D1. */
  async #commit(row: SessionRow, change: SessionChange, now: number): Promise<SessionRow | null> {
    const committed = await commitSessionChange(this.#db, row, change, now);
    this.#row = committed;
    await this.#live.changed(committed, change, now);
    const ids = committed ? (change.events ?? []).map((e) => e.id) : [];
    if (ids.length > 0) {
      // After the commit, off the response path; a failed send is repaired by the cron's outbox reconcile.
      this.ctx.waitUntil(
        enqueueEvents(this.#ports.queues.webhooks, ids).catch((err) =>
          console.error(
            `enqueue of ${ids.length} events failed: ${err instanceof Error ? err.message : 'unknown'}`,
          ),
        ),
      );
    }
    return committed;
  }

  async #transition(cmd: TransitionCommand): Promise<TransitionOutcome> {
    const now = cmd.now ?? Date.now();
    const row = await this.#load(cmd.sessionId, now);
    if (!row || (cmd.owner && (row.merchantId !== cmd.owner.merchantId || row.mode !== cmd.owner.mode))) {
      return NOT_FOUND;
    }
    const decision = decideTransition(row, cmd.to, now);
    if (!decision.ok || (cmd.onlyIfDue && now < dueAt(row))) {
      return {
        ok: false,
        code: 'invalid_state_transition',
        status: row.status,
        detail: `The session is ${row.status}; it cannot become ${cmd.to}.`,
      };
    }
    // A session that ends takes its unsettled payment with it (an issued PIX can no longer be paid).
    const ending = cmd.to === 'expired' || cmd.to === 'canceled';
    const orphaned = ending && row.status === 'pending' ? await this.#pending(row.id) : [];
    const closed = closePayments(
      orphaned,
      cmd.to === 'expired'
        ? { status: 'expired', failureCode: 'payment_expired' }
        : { status: 'canceled', failureCode: 'session_canceled' },
      row,
      now,
    );
    const events = [...closed.events, ...sessionEvents(row, cmd.to, now)];
    const committed = await this.#commit(
      row,
      { session: { status: cmd.to, pendingUntil: null }, updatePayments: closed.updatePayments, events },
      now,
    );
    if (!committed) return CONCURRENT;
    return { ok: true, session: committed, eventIds: events.map((e) => e.id) };
  }

  async #pay(cmd: PayCommand): Promise<PayOutcome> {
    const now = cmd.now ?? Date.now();
    // A cold object takes the caller's fresh read instead of reading D1 again; if that read was
    // already stale, the version guard refuses the commit and the next call reloads.
    if (cmd.hint && !this.#row && cmd.hint.session.id === cmd.sessionId) this.#row = cmd.hint.session;
    const row = await this.#load(cmd.sessionId, now);
    if (!row) return NOT_FOUND;
    // The caller's read of the session's mode settings is as fresh as this request; else read D1.
    const merchant =
      cmd.hint?.session.id === row.id && cmd.hint.session.mode === row.mode
        ? cmd.hint.merchant
        : await loadMerchantProfile(this.#db, row);
    const admitted = admitPayment(row, merchant.enabledMethods, cmd, now);
    if ('ok' in admitted) {
      // Lazy expiry: the first late request expires the session (and emits its event) on the spot,
      // unless an issued boleto still holds it (it stays payable until voided).
      if (admitted.code === 'session_expired' && now >= dueAt(row)) {
        const expired = await this.#transition({ sessionId: row.id, to: 'expired', now });
        // The refusal tells the status the session has now, not the one it was read with.
        if (expired.ok) return { ...admitted, status: 'expired' };
      }
      return admitted;
    }
    const accountRows = (
      cmd.hint?.accounts ?? (await enabledAccountsQuery(this.#db, row.merchantId, row.mode))
    ).filter((a) => allowedInMode(a.gateway, row.mode));
    if (row.mode === 'live' && accountRows.length === 0) {
      return { ok: false, code: 'no_gateway', detail: 'No gateway is configured to take live payments.' };
    }
    // An attempt whose gateway may still have the money blocks every other attempt until it is settled.
    const unresolved = row.status === 'pending' ? await this.#pending(row.id) : [];
    if (unresolved.some((p) => p.method === 'card')) {
      return {
        ok: false,
        code: 'payment_in_progress',
        detail: 'A card payment is still being confirmed with the gateway.',
      };
    }
    // A new attempt supersedes an issued but unpaid one (a PIX abandoned for a card, say).
    const superseded = unresolved;
    const payment = newPaymentRow(row, admitted, cmd.customer, accountRows[0]?.gateway ?? 'sandbox', now);
    // Persist the in-flight attempt before the slow gateway call, so a crash leaves a trace.
    const started = await this.#commit(
      row,
      {
        session: row.status === 'pending' ? { status: 'open', pendingUntil: null } : undefined,
        insertPayment: payment,
        ...closePayments(superseded, { status: 'canceled', failureCode: 'payment_superseded' }, row, now),
      },
      now,
    );
    if (!started) return CONCURRENT;

    const accounts = await toLiveAccounts(accountRows, this.#ports.secrets, this.#ports.config.apiBases);
    const {
      payment: next,
      sessionStatus,
      holdUntil,
      attempts,
      health,
    } = await runGateway(payment, started, merchant, accounts, cmd);
    const done = Date.now();
    const settled = await this.#commit(
      started,
      {
        session: { status: sessionStatus, pendingUntil: holdUntil },
        updatePayments: [{ id: next.id, set: next }],
        insertAttempts: attempts,
        accountHealth: [...health].map(([id, h]) => ({ id, ...h })),
        events: [paymentEvent(next, started, done), ...sessionEvents(started, sessionStatus, done)],
      },
      done,
    );
    if (!settled) return CONCURRENT;
    return { ok: true, session: settled, payment: { ...next, updatedAt: done } };
  }

  /** Runs a command module against this session's row, inside the one-at-a-time chain. */
  #withRow<T>(
    sessionId: string,
    fn: (scope: SessionScope, row: SessionRow) => Promise<T>,
  ): Promise<T | Refusal> {
    return this.#serialized(async () => {
      const row = await this.#load(sessionId);
      return row ? fn(this.#scope, row) : NOT_FOUND;
    });
  }

  get #scope(): SessionScope {
    const commit: SessionScope['commit'] = (row, change, now) => this.#commit(row, change, now);
    return { db: this.#db, platform: this.#ports, commit };
  }
}
