import { Hono } from 'hono';
import { ApiError, type FieldError } from '../domain/errors';
import { UpdateMerchant } from '../features/events/schema';
import { CreateGatewayAccount, UpdateGatewayAccount } from '../features/gateway-accounts/schema';
import {
  catalog,
  createGatewayAccount,
  listGatewayAccounts,
  updateGatewayAccount,
} from '../features/gateway-accounts/service';
import { getMerchant, updateMerchant } from '../features/merchant/settings';
import { validate } from '../http/body';
import { requirePermission } from './auth/middleware';
import type { PanelEnv } from './context';
import { audit, base, type C, mctx, shell } from './scope-helpers';
import { settingsInput } from './settings-form';
import { GatewayAccountsSection } from './views/gateway-accounts';
import { SettingsPage, type SettingsView } from './views/settings';

type Outcome = {
  notice?: string;
  error?: string;
  fieldErrors?: FieldError[];
  submitted?: Record<string, string>;
};

async function settingsPage(c: C, view: SettingsView | null, outcome: Outcome = {}, status: 200 | 400 = 200) {
  const ctx = mctx(c);
  const [v, accounts] = await Promise.all([view ?? getMerchant(ctx), listGatewayAccounts(ctx)]);
  return shell(
    c,
    'Settings',
    () => (
      <>
        <SettingsPage base={base(c)} csrf={c.get('csrf')} view={v} {...outcome} />
        <GatewayAccountsSection
          base={base(c)}
          csrf={c.get('csrf')}
          accounts={accounts}
          gateways={catalog()}
        />
      </>
    ),
    status,
  );
}

/** A refused change re-renders the page with the API's field errors; anything else is a real failure. */
function refused(c: C, err: unknown, submitted?: Record<string, string>) {
  // Another merchant's or the other mode's account is not found (404 page), as everywhere in the panel.
  if (!(err instanceof ApiError) || err.code === 'not_found') throw err;
  const fieldErrors = err.errors ?? [];
  return settingsPage(c, null, { error: err.message, fieldErrors, submitted }, 400);
}

/**
 * What the audit log keeps of a save: the settings whose value changed, with their new value (the
 * logo only as set or removed, the bank account as a count). Null when nothing changed.
 */
function changes(before: SettingsView, after: SettingsView) {
  const changed = (Object.keys(after) as (keyof SettingsView)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (changed.length === 0) return null;
  return Object.fromEntries(
    changed.map((k) => {
      if (k === 'logo') return [k, after.logo === null ? 'removed' : 'set'];
      if (k === 'bank_accounts') return [k, `${after.bank_accounts.length} account(s)`];
      return [k, after[k]];
    }),
  );
}

/** The routing rules as the account's form sends them: comma lists and amounts; blank is no restriction. */
function rulesFrom(f: Record<string, string | undefined>) {
  const items = (v: string | undefined, upper = false) => {
    const out = (v ?? '')
      .split(/[\s,]+/)
      .map((x) => (upper ? x.trim().toUpperCase() : x.trim()))
      .filter((x) => x !== '');
    return out.length > 0 ? out : undefined;
  };
  const amount = (v: string | undefined) =>
    v?.trim() ? (/^\d+$/.test(v.trim()) ? Number(v) : v.trim()) : undefined;
  return JSON.parse(
    JSON.stringify({
      methods: items(f.methods),
      currencies: items(f.currencies, true),
      countries: items(f.countries, true),
      min_amount: amount(f.min_amount),
      max_amount: amount(f.max_amount),
    }),
  ) as Record<string, unknown>;
}

const credentialLines = (text: string | undefined) =>
  Object.fromEntries(
    (text ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
      .map((l) => {
        const at = l.indexOf('=');
        return at < 0 ? [l, ''] : [l.slice(0, at).trim(), l.slice(at + 1).trim()];
      }),
  );

/**
 * /dashboard/{mode}/settings: this mode's settings and gateway accounts, changed through the API's
 * services (PATCH /api/v1/merchant, /api/v1/gateway_accounts) with the mode of the URL; owners and
 * developers only (settings.write), every change audited without secrets.
 */
export const settingsRoutes = new Hono<PanelEnv>()
  .get('/settings', requirePermission('settings.write'), (c) => settingsPage(c, null))
  .post('/settings', requirePermission('settings.write'), async (c) => {
    const ctx = mctx(c);
    try {
      const current = await getMerchant(ctx);
      const input = validate(UpdateMerchant, settingsInput(c.get('form'), current));
      const view = await updateMerchant({ ctx, input });
      const changed = changes(current, view);
      if (changed) await audit(c, 'settings.changed', null, changed);
      return settingsPage(c, view, { notice: 'Saved.' });
    } catch (err) {
      return refused(c, err, c.get('form'));
    }
  })
  .post('/settings/gateways', requirePermission('settings.write'), async (c) => {
    const f = c.get('form');
    try {
      const input = validate(CreateGatewayAccount, {
        gateway: f.gateway,
        ...(f.name?.trim() ? { name: f.name.trim() } : {}),
        priority: Number(f.priority || 100),
        credentials: credentialLines(f.credentials),
      });
      const account = await createGatewayAccount({ ctx: mctx(c), input });
      // The credentials' field names only, never their values.
      await audit(c, 'settings.changed', account.id, {
        gateway_account: 'created',
        gateway: account.gateway,
        priority: account.priority,
        credentials_set: account.credentials_set,
      });
      return settingsPage(c, null, { notice: `Gateway account ${account.name} added.` });
    } catch (err) {
      return refused(c, err);
    }
  })
  .post('/settings/gateways/:id', requirePermission('settings.write'), async (c) => {
    const f = c.get('form');
    const id = c.req.param('id');
    try {
      const raw: Record<string, unknown> = {};
      if (f.enabled !== undefined) raw.enabled = f.enabled === 'true';
      if (f.priority !== undefined) raw.priority = Number(f.priority);
      if (f.rules_form !== undefined) raw.rules = rulesFrom(f);
      const input = validate(UpdateGatewayAccount, raw);
      const account = await updateGatewayAccount({ ctx: mctx(c), id, input });
      await audit(c, 'settings.changed', id, { gateway_account: 'updated', ...raw });
      return settingsPage(c, null, { notice: `Gateway account ${account.name} saved.` });
    } catch (err) {
      return refused(c, err);
    }
  });
