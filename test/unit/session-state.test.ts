import { describe, expect, it } from 'vitest';
import {
  canTransition,
  decideTransition,
  SESSION_STATUSES,
  type SessionStatus,
} from '../../src/domain/session-state';

const ALLOWED: Array<[SessionStatus, SessionStatus]> = [
  ['open', 'pending'],
  ['open', 'paid'],
  ['open', 'expired'],
  ['open', 'canceled'],
  ['pending', 'open'],
  ['pending', 'paid'],
  ['pending', 'expired'],
  ['pending', 'canceled'],
];

describe('session transition table', () => {
  const pairs = SESSION_STATUSES.flatMap((from) => SESSION_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s -> %s', (from, to) => {
    const expected = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(expected);
  });

  it('names the event each terminal move emits', () => {
    const far = Date.now() + 60_000;
    expect(decideTransition({ status: 'open', expiresAt: far }, 'paid', Date.now())).toMatchObject({
      ok: true,
      event: 'checkout_session.finished',
    });
    expect(decideTransition({ status: 'pending', expiresAt: far }, 'expired', Date.now())).toMatchObject({
      ok: true,
      event: 'checkout_session.expired',
    });
    expect(decideTransition({ status: 'open', expiresAt: far }, 'canceled', Date.now())).toMatchObject({
      ok: true,
      event: 'checkout_session.canceled',
    });
    expect(decideTransition({ status: 'open', expiresAt: far }, 'pending', Date.now())).toMatchObject({
      ok: true,
      event: null,
    });
  });

  it('refuses to pay an open session whose time is up, but lets it expire', () => {
    const now = 1_000_000;
    const session = { status: 'open' as const, expiresAt: now };
    expect(decideTransition(session, 'paid', now)).toMatchObject({ ok: false, reason: 'expired' });
    expect(decideTransition(session, 'pending', now)).toMatchObject({ ok: false, reason: 'expired' });
    expect(decideTransition(session, 'paid', now - 1)).toMatchObject({ ok: true });
    expect(decideTransition(session, 'expired', now)).toMatchObject({ ok: true });
  });

  it('lets an already issued payment settle after expires_at (pending -> paid)', () => {
    expect(decideTransition({ status: 'pending', expiresAt: 10 }, 'paid', 20)).toMatchObject({ ok: true });
  });
});
