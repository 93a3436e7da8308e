import { Hono } from 'hono';
import { decimalTextToMinor } from '../domain/decimal';
import type { Currency } from '../domain/money';
import { overview } from '../features/panel/overview';
import {
  type SessionSearch,
  searchSessions,
  searchSessionsPage,
  sessionTimeline,
} from '../features/panel/session-search';
import { acceptHeldPayment, getPayment } from '../features/payments/service';
import { CreateRefund } from '../features/refunds/schema';
import { listRefunds, refundPayment } from '../features/refunds/service';
import { validate } from '../http/body';
import { ApiError, fieldError } from '../http/errors';
import { newId } from '../lib/ids';
import { requirePermission } from './auth/middleware';
import { can } from './auth/roles';
import type { PanelEnv } from './context';
import { EXPORT_LIMIT, sessionsCsv } from './csv';
import { audit, base, type C, mctx, shell } from './scope-helpers';
import { money, Notices } from './views/layout';
import { OverviewBody } from './views/overview';
import { PaymentDetail, PaymentsList } from './views/payments';
import { RefundsSection } from './views/refunds';

/** A session's page: timeline, and each paid payment's refunds (with the form, for roles that may refund). */
async function detailPage(c: C, msg: { notice?: string; error?: string } = {}, status: 200 | 400 = 200) {
  const ctx = mctx(c);
  const t = await sessionTimeline(ctx, c.req.param('id') ?? '');
  // Payments that took money (a refunded one keeps its refund list), and money held for the merchant's decision (late, duplicate or mismatched).
  const paid = t.payments.filter(
    (p) => ['paid', 'partially_refunded', 'refunded'].includes(p.status) || p.flagResolution === 'held',
  );
  const refundsOf = await Promise.all(paid.map((p) => listRefunds(ctx, p.id)));
  const canRefund = can(c.get('panel').role, 'payments.refund');
  const action = `${base(c)}/payments/${t.session.id}/refunds`;
  return shell(
    c,
    `Session ${t.session.id}`,
    () => (
      <>
        <Notices notice={msg.notice} error={msg.error} />
        <PaymentDetail t={t} />
        <h2>Refunds</h2>
        {paid.map((p, i) => (
          <RefundsSection
            action={action}
            csrf={c.get('csrf')}
            payment={p}
            refunds={refundsOf[i] ?? []}
            canRefund={canRefund}
            requestKey={newId('rfq')}
          />
        ))}
      </>
    ),
    status,
  );
}

/** The refund form's one-time key, as the page made it (`rfq_` and base62); anything else is none. */
function requestKeyOf(text: string | undefined): string | undefined {
  return text && /^rfq_[0-9A-Za-z]{8,40}$/.test(text) ? `panel:${text}` : undefined;
}

const DAY_MS = 86_400_000;
function dayStart(text: string | undefined): number | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The list's filters from the query string, as typed and as the search service takes them. */
function readFilter(c: C) {
  const q = c.req.query();
  const filter = {
    q: q.q ?? '',
    status: q.status ?? '',
    method: q.method ?? '',
    gateway: q.gateway ?? '',
    min: q.min ?? '',
    max: q.max ?? '',
    from: q.from ?? '',
    to: q.to ?? '',
  };
  const to = dayStart(filter.to);
  const search: SessionSearch = {
    q: filter.q.slice(0, 200) || undefined,
    status: (['open', 'pending', 'paid', 'expired', 'canceled'].includes(filter.status)
      ? filter.status
      : undefined) as SessionSearch['status'],
    method: /^[a-z_]{1,30}$/.test(filter.method) ? filter.method : undefined,
    gateway: /^[a-z0-9_]{1,30}$/.test(filter.gateway) ? filter.gateway : undefined,
    amountMin: filter.min.slice(0, 20) || undefined,
    amountMax: filter.max.slice(0, 20) || undefined,
    from: dayStart(filter.from),
    to: to === undefined ? undefined : to + DAY_MS,
  };
  return { filter, search };
}

/** Payments of the URL's mode: the list with filters and search, a session's page, refunds. */
export const paymentRoutes = new Hono<PanelEnv>()
  .get('/payments', requirePermission('payments.read'), async (c) => {
    const { filter, search } = readFilter(c);
    const page = await searchSessionsPage(mctx(c), search, {
      after: c.req.query('after'),
      before: c.req.query('before'),
    });
    return shell(c, 'Payments', () => <PaymentsList base={base(c)} filter={filter} page={page} />);
  })
  .get('/overview', requirePermission('payments.read'), async (c) => {
    const data = await overview(mctx(c));
    return shell(c, 'Overview', () => <OverviewBody data={data} />);
  })
  .get('/payments.csv', requirePermission('payments.read'), async (c) => {
    const { search } = readFilter(c);
    const rows = await searchSessions(mctx(c), { ...search, limit: EXPORT_LIMIT });
    await audit(c, 'payments.exported', null, { rows: rows.length });
    return new Response(sessionsCsv(rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="borda-${c.get('mode')}-sessions.csv"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    });
  })
  .get('/payments/:id', requirePermission('payments.read'), (c) => detailPage(c))
  .post('/payments/:id/accept', requirePermission('payments.refund'), async (c) => {
    const ctx = mctx(c);
    try {
      const payment = await getPayment({ ctx, input: { id: c.get('form').payment_id ?? '' } });
      if (payment.sessionId !== c.req.param('id')) throw new ApiError('not_found', 'No such payment.');
      await acceptHeldPayment({
        ctx,
        input: { id: payment.id },
      });
      await audit(c, 'payment.accepted', payment.id, { flag: payment.settlementFlag });
      return detailPage(c, { notice: `Payment ${payment.id} accepted.` });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return detailPage(c, { error: err.message }, 400);
    }
  })
  .post('/payments/:id/refunds', requirePermission('payments.refund'), async (c) => {
    const f = c.get('form');
    const ctx = mctx(c);
    try {
      const payment = await getPayment({ ctx, input: { id: f.payment_id ?? '' } });
      if (payment.sessionId !== c.req.param('id')) throw new ApiError('not_found', 'No such payment.');
      let amount: number | undefined;
      if (f.amount?.trim()) {
        const parsed = decimalTextToMinor(f.amount, payment.currency as Currency);
        if ('problem' in parsed)
          throw fieldError('amount', 'invalid_amount', `Not an amount in ${payment.currency}.`);
        amount = parsed.minor;
      }
      const input = validate(CreateRefund, { amount, reason: f.reason?.trim() || undefined });
      const { refund, replayed } = await refundPayment({
        ctx,
        input: { paymentId: payment.id, body: input, requestKey: requestKeyOf(f.request_key) },
      });
      // A form sent twice (its request key) made one refund: it is audited once.
      if (!replayed)
        await audit(c, 'refund.created', refund.id, {
          payment_id: payment.id,
          amount: refund.amount,
          currency: refund.currency,
        });
      return detailPage(c, {
        notice: `Refund ${refund.id} of ${money(refund.amount, refund.currency)}: ${refund.status}.`,
      });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      return detailPage(c, { error: err.message }, 400);
    }
  });
