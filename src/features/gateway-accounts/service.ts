import { and, asc, eq } from 'drizzle-orm';
import { type GatewayAccountRow, gatewayAccounts } from '../../db/schema';
import { ownedBy } from '../../db/tenant';
import { ApiError, fieldError } from '../../domain/errors';
import { SANDBOX_ONLY } from '../../gateways/coverage';
import { GATEWAYS, isConnectorSlug, registeredCoverage } from '../../gateways/descriptors';
import { allowedInMode } from '../../gateways/mode-guard';
import { breakerState } from '../../gateways/routing';
import { newId } from '../../lib/ids';
import { isoUtc } from '../../lib/time';
import type { MerchantCtx } from '../context';
import type { CreateGatewayAccount, UpdateGatewayAccount } from './schema';

/** An account as the merchant sees it: never its credentials, only which fields are set. */
export function accountView(a: GatewayAccountRow, credentialFields: string[], now: number) {
  return {
    id: a.id,
    object: 'gateway_account' as const,
    gateway: a.gateway,
    name: a.name,
    priority: a.priority,
    rules: a.rules,
    settings: a.settings,
    enabled: a.enabled,
    credentials_set: credentialFields,
    health: {
      state: breakerState(a, now),
      consecutive_failures: a.consecutiveFailures,
      open_until: a.openUntil === null ? null : isoUtc(a.openUntil),
    },
    livemode: a.mode === 'live',
  };
}

/** The connectors a merchant can choose from, with what each needs and where each takes which method. */
export function catalog() {
  return Object.values(GATEWAYS).map((c) => ({
    gateway: c.slug,
    available: c.available,
    methods: c.methods,
    coverage: c.coverage,
    credential_fields: c.credentialFields,
  }));
}

/**
 * country -> method -> the real connectors that take it, and the methods only the sandbox processes
 * (with why), for `GET /api/v1/gateways`: the same declarations routing reads.
 */
export function coverageView() {
  return {
    table: registeredCoverage(),
    sandbox_only: SANDBOX_ONLY.map((s) => ({ country: s.country, method: s.method, reason: s.reason })),
  };
}

function checkCredentials(gateway: string, credentials: Record<string, string>) {
  if (!isConnectorSlug(gateway))
    throw fieldError('gateway', 'invalid_value', `Unknown gateway "${gateway}".`);
  const connector = GATEWAYS[gateway];
  if (!connector.available) {
    throw new ApiError(
      'gateway_unavailable',
      `The ${gateway} connector is not available yet; it cannot be enabled.`,
      {
        errors: [
          { field: 'gateway', code: 'gateway_unavailable', message: 'No connector for this gateway yet.' },
        ],
      },
    );
  }
  const missing = connector.credentialFields.filter((f) => !credentials[f]);
  const unknown = Object.keys(credentials).filter((f) => !connector.credentialFields.includes(f));
  const errors = [
    ...missing.map((f) => ({ field: `credentials.${f}`, code: 'required', message: 'is required.' })),
    ...unknown.map((f) => ({
      field: `credentials.${f}`,
      code: 'unknown_field',
      message: `${gateway} takes no such credential.`,
    })),
  ];
  if (errors.length > 0)
    throw new ApiError('validation_failed', `${errors.length} credential fields are invalid.`, { errors });
}

function refuseTestOnlyInLive(gateway: string, mode: 'test' | 'live') {
  if (!allowedInMode(gateway, mode))
    throw fieldError(
      'gateway',
      'test_only_gateway',
      `The ${gateway} gateway moves no real money: it is for test keys only.`,
    );
}

export async function createGatewayAccount({
  ctx,
  input,
}: {
  ctx: MerchantCtx;
  input: CreateGatewayAccount;
}) {
  checkCredentials(input.gateway, input.credentials);
  refuseTestOnlyInLive(input.gateway, ctx.mode);
  const row: GatewayAccountRow = {
    id: newId('gwa', 20),
    merchantId: ctx.merchant.id,
    mode: ctx.mode,
    gateway: input.gateway,
    name: input.name ?? input.gateway,
    credentialsSealed: await ctx.secrets.seal(JSON.stringify(input.credentials)),
    settings: input.settings,
    priority: input.priority,
    rules: input.rules,
    enabled: input.enabled,
    consecutiveFailures: 0,
    openUntil: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const inserted = await ctx.db
    .insert(gatewayAccounts)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: gatewayAccounts.id });
  if (inserted.length === 0)
    throw new ApiError('gateway_account_exists', `An account named "${row.name}" already exists.`);
  return accountView(row, Object.keys(input.credentials), ctx.now);
}

async function ownAccount(ctx: MerchantCtx, id: string): Promise<GatewayAccountRow> {
  const [row] = await ctx.db
    .select()
    .from(gatewayAccounts)
    .where(and(eq(gatewayAccounts.id, id), ownedBy(gatewayAccounts, ctx.merchant.id, ctx.mode)))
    .limit(1);
  if (!row) throw new ApiError('not_found', 'No such gateway account.');
  return row;
}

export async function updateGatewayAccount({
  ctx,
  id,
  input,
}: {
  ctx: MerchantCtx;
  id: string;
  input: UpdateGatewayAccount;
}) {
  const current = await ownAccount(ctx, id);
  if (input.credentials) checkCredentials(current.gateway, input.credentials);
  if (input.enabled) refuseTestOnlyInLive(current.gateway, ctx.mode);
  const set: Partial<GatewayAccountRow> = { updatedAt: ctx.now };
  if (input.credentials) set.credentialsSealed = await ctx.secrets.seal(JSON.stringify(input.credentials));
  if (input.priority !== undefined) set.priority = input.priority;
  if (input.rules) set.rules = input.rules;
  if (input.settings) set.settings = input.settings;
  if (input.enabled !== undefined) set.enabled = input.enabled;
  // Re-enabling or new credentials give the account a fresh start: its circuit closes.
  if (input.credentials || input.enabled) Object.assign(set, { consecutiveFailures: 0, openUntil: null });
  const [row] = await ctx.db.update(gatewayAccounts).set(set).where(eq(gatewayAccounts.id, id)).returning();
  return accountView(
    row ?? current,
    GATEWAYS[current.gateway as 'sandbox']?.credentialFields.slice() ?? [],
    ctx.now,
  );
}

export async function listGatewayAccounts(ctx: MerchantCtx) {
  const rows = await ctx.db
    .select()
    .from(gatewayAccounts)
    .where(ownedBy(gatewayAccounts, ctx.merchant.id, ctx.mode))
    .orderBy(asc(gatewayAccounts.priority), asc(gatewayAccounts.name));
  return rows.map((r) =>
    accountView(r, GATEWAYS[r.gateway as 'sandbox']?.credentialFields.slice() ?? [], ctx.now),
  );
}

export async function deleteGatewayAccount(ctx: MerchantCtx, id: string) {
  await ownAccount(ctx, id);
  await ctx.db.delete(gatewayAccounts).where(eq(gatewayAccounts.id, id));
  return { id, object: 'gateway_account' as const, deleted: true };
}
