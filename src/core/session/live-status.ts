import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { PaymentRow, SessionRow } from '../../db/schema';
import { ApiError } from '../../domain/errors';
import type { SessionChange } from './commit';

/**
 * What the status of a session is made of: the session row, its latest payment attempt, and the
 * merchant's allowed origins (CORS of status reads from the merchant's own pages).
 */
export type StatusSnapshot = { session: SessionRow; payment: PaymentRow | null; allowedOrigins: string[] };

/** The status the page reads (its shape belongs to the checkout, which registers how to build it). */
export type ClientStatusView = { status: string } & Record<string, unknown>;

export type StatusRead = { view: ClientStatusView; allowedOrigins: string[]; overdue: boolean };

/**
 * How a status is read and shown, given by the checkout (src/checkout/live-source.ts) when the
 * Worker's entry loads it: this core module keeps and pushes the status without knowing the page.
 */
export type StatusSource = {
  load(
    db: DrizzleD1Database,
    sessionId: string,
  ): Promise<{ session: SessionRow; payment: PaymentRow | null; merchant: { allowedOrigins: string[] } }>;
  view(snap: Pick<StatusSnapshot, 'session' | 'payment'>, now: number, baseUrl: string): ClientStatusView;
};

let source: StatusSource | null = null;

export function registerStatusSource(s: StatusSource): void {
  source = s;
}

function statusSource(): StatusSource {
  if (!source) throw new Error('the checkout has not registered its status source');
  return source;
}

function clientStatusView(snap: Pick<StatusSnapshot, 'session' | 'payment'>, now: number, baseUrl: string) {
  return statusSource().view(snap, now, baseUrl);
}

type Attachment = { baseUrl: string };

/** Headers the Worker sets when it forwards a page's WebSocket to the session's object. */
export const LIVE_SESSION_HEADER = 'x-borda-session';
export const LIVE_BASE_HEADER = 'x-borda-base-url';

const STORAGE_KEY = 'live-status';
/** A page's keep-alive: answered by the runtime itself, so it never wakes a hibernated object. */
export const PING = 'ping';
export const PONG = 'pong';

/**
 * The live status of one session, kept by its SessionDO (the only writer of the session, so it
 * sees every change as it commits). Status reads are answered from memory, else from the object's
 * own storage, and only the first read of a cold session touches D1. Every committed change is
 * pushed at once to the pages connected over a hibernatable WebSocket: an idle page costs nothing,
 * and the object may be evicted between changes without dropping its sockets.
 *
 * Expiry needs no push to be seen: the view derives `expired` from the clock (expires_at, or the
 * hold of an issued boleto), so an expiry written straight to D1 by the sweep can never leave an
 * `open` on screen; the page's own countdown does the same at 0:00.
 */
export class LiveStatus {
  #snapshot: StatusSnapshot | null = null;
  /** Storage was read (or written) by this instance: #snapshot is then all it holds, no read needed. */
  #loaded = false;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly db: () => DrizzleD1Database,
  ) {
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
  }

  /** The current snapshot: memory, then this object's storage, then (once) D1; null for an unknown session. */
  async snapshot(sessionId: string): Promise<StatusSnapshot | null> {
    if (this.#snapshot?.session.id === sessionId) return this.#snapshot;
    const stored = await this.#stored();
    if (stored?.session.id === sessionId) return stored;
    try {
      const { session, payment, merchant } = await statusSource().load(this.db(), sessionId);
      return this.#keep({ session, payment, allowedOrigins: merchant.allowedOrigins });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'not_found') return null;
      throw err;
    }
  }

  /** The status view; `overdue` when the clock says expired but the session was not written expired yet. */
  async read(sessionId: string, baseUrl: string, now: number): Promise<StatusRead | null> {
    const snap = await this.snapshot(sessionId);
    if (!snap) return null;
    const view = clientStatusView(snap, now, baseUrl);
    return {
      view,
      allowedOrigins: snap.allowedOrigins,
      overdue: view.status === 'expired' && snap.session.status !== 'expired',
    };
  }

  /**
   * Folds a committed change into the snapshot and pushes the new status to every open page.
   * `committed` null means the version guard refused the change: something outside this object
   * wrote the session, so the snapshot is dropped and the next read rebuilds it from D1.
   */
  async changed(committed: SessionRow | null, change: SessionChange, now: number): Promise<void> {
    if (!committed) return this.#forget();
    // Nobody has read this session's status yet (so no page is subscribed): nothing to update, and no
    // D1 read on the command's path; the first status read builds the snapshot after this change.
    const known = await this.#stored();
    if (known?.session.id !== committed.id) return;
    let payment = change.insertPayment ?? known.payment;
    for (const u of change.updatePayments ?? []) {
      if (payment?.id === u.id) payment = { ...payment, ...u.set, updatedAt: now };
    }
    const snap = await this.#keep({ session: committed, payment, allowedOrigins: known.allowedOrigins });
    this.#push(snap, now);
  }

  /**
   * A command read the session from D1. A version other than the snapshot's means someone outside
   * this object wrote it (a set-based expiry, say): the snapshot is dropped and rebuilt on the next read.
   */
  async seen(row: SessionRow): Promise<void> {
    const snap = await this.#stored();
    if (snap?.session.id === row.id && snap.session.version !== row.version) await this.#forget();
  }

  /** Accepts a page's WebSocket and sends it the status at once, so it needs no first poll. */
  async connect(request: Request, sessionId: string, baseUrl: string): Promise<Response> {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
      return new Response('Expected a WebSocket upgrade.', { status: 426 });
    }
    const snap = await this.snapshot(sessionId);
    if (!snap) return new Response('No such checkout session.', { status: 404 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ baseUrl } satisfies Attachment);
    server.send(JSON.stringify(clientStatusView(snap, Date.now(), baseUrl)));
    return new Response(null, { status: 101, webSocket: client });
  }

  /**
   * The snapshot in memory, else in this object's storage, read once per instance: this instance is
   * the only writer of its storage, so after one read (or a write) memory holds all there is. A fresh
   * object paying a session nobody watches reads its storage once, not on every commit.
   */
  async #stored(): Promise<StatusSnapshot | null> {
    if (this.#snapshot || this.#loaded) return this.#snapshot;
    const stored = (await this.ctx.storage.get<StatusSnapshot>(STORAGE_KEY)) ?? null;
    this.#loaded = true;
    this.#snapshot ??= stored;
    return this.#snapshot;
  }

  async #forget(): Promise<void> {
    this.#snapshot = null;
    this.#loaded = true;
    await this.ctx.storage.delete(STORAGE_KEY);
  }

  async #keep(snap: StatusSnapshot): Promise<StatusSnapshot> {
    this.#snapshot = snap;
    this.#loaded = true;
    await this.ctx.storage.put(STORAGE_KEY, snap);
    return snap;
  }

  #push(snap: StatusSnapshot, now: number): void {
    for (const ws of this.ctx.getWebSockets()) {
      const { baseUrl } = (ws.deserializeAttachment() ?? { baseUrl: '' }) as Attachment;
      try {
        ws.send(JSON.stringify(clientStatusView(snap, now, baseUrl)));
      } catch {
        // A socket closing under us: the page falls back to polling.
      }
    }
  }
}
