import { type Context, Hono } from 'hono';
import { UpdateMerchant } from '../api/events/schema';
import { refundCalls } from '../api/refunds';
import { CreateRefund } from '../api/refunds/schema';
import { decimalTextToMinor } from '../domain/decimal';
import type { Currency } from '../domain/money';
import { validate } from '../http/body';
import type { AppEnv, Mode } from '../http/context';
import { ApiError, fieldError } from '../http/errors';
import { merchantCtx } from '../http/service-ctx';
import { listApiKeys, rollApiKey } from '../services/api-keys';
import { recordAudit } from '../services/audit';
import { redeliverEvent } from '../services/events';
import { defaultInstallmentsView, loadModeSettings, updateMerchant } from '../services/merchant-settings';
import { getPayment } from '../services/payments';
import { listRefunds, refundPayment } from '../services/refunds';
import { deliveryLog, type SessionSearch, searchSessions, sessionTimeline } from '../services/session-search';
import { replayFailedDeliveries } from '../services/webhook-replay';
import { rollWebhookSecret } from '../services/webhook-secret';
import { clientAddress, requirePermission } from './auth/middleware';
import { can } from './auth/roles';
import type { PanelEnv } from './context';
import { render } from './render';
import { DevelopersPage } from './views/developers';
import { money, Shell } from './views/layout';
import { PaymentDetail, PaymentsList } from './views/payments';
import { RefundsSection } from './views/refunds';
import { SettingsPage } from './views/settings';
import { WebhooksPage } from './views/webhooks';

type C = Context<PanelEnv>;
/** The API's service context (same services, same scoping) for the signed-in merchant and the URL's mode. */
const mctx = (c: C) => merchantCtx(c as unknown as Context<AppEnv>);
const base = (c: C) => `/dashboard/${c.get('mode')}`;

/** Renders a page inside the signed-in frame of the current mode. */
function shell(c: C, title: string, body: () => unknown, status: 200 | 400 = 200) {
  return render(
    c,
    (nonce) => (
      <Shell
        title={title}
        nonce={nonce}
        who={c.get('panel')}
        csrf={c.get('csrf')}
        mode={c.get('mode')}
        path={new URL(c.req.url).pathname}
      >
        {body() as never}
      </Shell>
    ),
    status,
  );
}

/** A session's page: timeline, and each paid payment's refunds (with the form, for roles that may refund). */
async function detailPage(c: C, msg: { notice?: string; error?: string } = {}, status: 200 | 400 = 200) {
  const ctx = mctx(c);
  const t = await sessionTimeline(ctx, c.req.param('id') ?? '');
  const paid = t.payments.filter((p) => p.status === 'paid');
  const refundsOf = await Promise.all(paid.map((p) => listRefunds(ctx, p.id)));
  const canRefund = can(c.get('panel').role, 'payments.refund');
  const action = `${base(c)}/payments/${t.session.id}/refunds`;
  return shell(
    c,
    `Session ${t.session.id}`,
    () => (
      <>
        {msg.notice && (
          <p class="notice" role="status">
            {msg.notice}
          </p>
        )}
        {msg.error && (
          <p class="error" role="alert">
            {msg.error}
          </p>
        )}
        <PaymentDetail t={t} />
        <h2>Refunds</h2>
        {paid.map((p, i) => (
          <RefundsSection
            action={action}
            csrf={c.get('csrf')}
            payment={p}
            refunds={refundsOf[i] ?? []}
            canRefund={canRefund}
          />
        ))}
      </>
    ),
    status,
  );
}

/** Writes a sensitive action to the audit log, with the mode it was done in. */
function audit(c: C, action: string, target: string | null, detail: Record<string, unknown> | null = null) {
  const who = c.get('panel');
  return recordAudit(
    c.get('db'),
    {
      merchantId: who.merchant.id,
      userId: who.userId,
      email: who.email,
      mode: c.get('mode'),
      action,
      target,
      detail,
      address: clientAddress(c.req.raw),
    },
    Date.now(),
  );
}

const DAY_MS = 86_400_000;
function dayStart(text: string | undefined): number | undefined {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Everything under /dashboard/{test|live}/: each view and action runs through the API's services
 * with a context of the signed-in user's merchant and the mode in the URL, so the switch scopes
 * every query exactly as a key of that mode would.
 */
export const scopedRoutes = new Hono<PanelEnv>()
  .use(async (c, next) => {
    const mode = c.req.param('mode' as never) as string | undefined;
    if (mode !== 'test' && mode !== 'live') return c.notFound();
    c.set('mode', mode as Mode);
    await next();
  })
  .get('/payments', requirePermission('payments.read'), async (c) => {
    const q = c.req.query();
    const filter = {
      q: q.q ?? '',
      status: q.status ?? '',
      method: q.method ?? '',
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
      from: dayStart(filter.from),
      to: to === undefined ? undefined : to + DAY_MS,
    };
    const rows = await searchSessions(mctx(c), search);
    return shell(c, 'Payments', () => <PaymentsList base={base(c)} filter={filter} rows={rows} />);
  })
  .get('/payments/:id', requirePermission('payments.read'), (c) => detailPage(c))
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
      const refund = await refundPayment({
        ctx,
        input: { paymentId: payment.id, body: input },
        calls: refundCalls(c.env),
      });
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
  })
  .get('/webhooks', requirePermission('webhooks.read'), async (c) => {
    const status = c.req.query('status') ?? '';
    const log = await deliveryLog(mctx(c), { status: status || undefined });
    return shell(c, 'Webhooks', () => (
      <WebhooksPage base={base(c)} csrf={c.get('csrf')} log={log} status={status} />
    ));
  })
  .post('/webhooks/replay', requirePermission('webhooks.replay'), async (c) => {
    const hours = Math.min(Math.max(Number(c.get('form').hours) || 1, 1), 72);
    const now = Date.now();
    const ctx = mctx(c);
    const result = await replayFailedDeliveries({
      ctx,
      input: { from: now - hours * 3_600_000, to: now },
      queue: c.env.WEBHOOKS,
    });
    await audit(c, 'webhooks.replayed', null, { hours, events: result.replayed });
    const log = await deliveryLog(ctx, {});
    const notice = `Replaying ${result.replayed} failed event(s) from the last ${hours} hour(s).`;
    return shell(c, 'Webhooks', () => (
      <WebhooksPage base={base(c)} csrf={c.get('csrf')} log={log} status="" notice={notice} />
    ));
  })
  .post('/webhooks/:id/redeliver', requirePermission('webhooks.replay'), async (c) => {
    const ctx = mctx(c);
    const id = c.req.param('id');
    await redeliverEvent({ ctx, input: { id }, queue: c.env.WEBHOOKS });
    await audit(c, 'webhook.redelivered', id);
    const log = await deliveryLog(ctx, {});
    return shell(c, 'Webhooks', () => (
      <WebhooksPage
        base={base(c)}
        csrf={c.get('csrf')}
        log={log}
        status=""
        notice={`Event ${id} queued again.`}
      />
    ));
  })
  .get('/developers', requirePermission('keys.roll'), async (c) => {
    const keys = await listApiKeys(mctx(c));
    return shell(c, 'Developers', () => <DevelopersPage base={base(c)} csrf={c.get('csrf')} keys={keys} />);
  })
  .post('/developers/keys/roll', requirePermission('keys.roll'), async (c) => {
    const kind = c.get('form').kind === 'public' ? 'public' : 'secret';
    const ctx = mctx(c);
    const rolled = await rollApiKey(ctx, kind);
    await audit(c, 'api_key.rolled', rolled.id, { kind, prefix: rolled.prefix });
    const keys = await listApiKeys(ctx);
    const shown = { label: `New ${c.get('mode')} ${kind} key`, value: rolled.key };
    return shell(c, 'Developers', () => (
      <DevelopersPage base={base(c)} csrf={c.get('csrf')} keys={keys} shown={shown} />
    ));
  })
  .post('/developers/webhook-secret/roll', requirePermission('keys.roll'), async (c) => {
    const ctx = mctx(c);
    const rolled = await rollWebhookSecret({ ctx, encryptionKey: c.env.ENCRYPTION_KEY });
    await audit(c, 'webhook_secret.rolled', null);
    const keys = await listApiKeys(ctx);
    const shown = { label: `New ${c.get('mode')} webhook secret`, value: rolled.secret };
    return shell(c, 'Developers', () => (
      <DevelopersPage base={base(c)} csrf={c.get('csrf')} keys={keys} shown={shown} />
    ));
  })
  .get('/settings', requirePermission('settings.write'), async (c) => {
    const s = await loadModeSettings(c.get('db'), c.get('panel').merchant.id, c.get('mode'));
    return shell(c, 'Settings', () => (
      <SettingsPage base={base(c)} csrf={c.get('csrf')} defaults={defaultInstallmentsView(s)} />
    ));
  })
  .post('/settings', requirePermission('settings.write'), async (c) => {
    const f = c.get('form');
    const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));
    const raw = {
      default_installments: {
        max_installments: num(f.max_installments),
        max_installments_interest: num(f.max_installments_interest),
        interest: num(f.interest),
      },
    };
    const ctx = mctx(c);
    try {
      const input = validate(UpdateMerchant, JSON.parse(JSON.stringify(raw)));
      const view = await updateMerchant({ ctx, input });
      await audit(c, 'settings.changed', null, { default_installments: view.default_installments });
      return shell(c, 'Settings', () => (
        <SettingsPage
          base={base(c)}
          csrf={c.get('csrf')}
          defaults={view.default_installments}
          notice="Saved."
        />
      ));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const s = await loadModeSettings(c.get('db'), ctx.merchant.id, ctx.mode);
      return shell(
        c,
        'Settings',
        () => (
          <SettingsPage
            base={base(c)}
            csrf={c.get('csrf')}
            defaults={defaultInstallmentsView(s)}
            error={err.message}
          />
        ),
        400,
      );
    }
  });
