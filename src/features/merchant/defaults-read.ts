import { and, eq, fillPlaceholders, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { QueryBuilder } from 'drizzle-orm/sqlite-core';
import { d1Of, rowFromDriver } from '../../db/guarded-sql';
import { merchantModeSettings } from '../../db/schema';
import { modeSettingsOf } from '../../db/tenant';
import type { Mode } from '../../domain/tenant';
import { TtlCache } from '../../lib/ttl-cache';
import type { CreateSession } from '../sessions/schema';
import { type DefaultSettings, withModeDefaults } from './session-defaults';

/**
 * How a create reads a mode's default settings and guards its insert by their version, as plain D1
 * statements (the guard is a condition of the session's insert, which is plain SQL too). Their text
 * is built by drizzle from the tenant filter once per isolate, with placeholders filled per call.
 */
const KEYS = [
  'enabledMethods',
  'defaultMaxInstallments',
  'defaultMaxInstallmentsInterest',
  'defaultInterest',
  'defaultBoletoTerms',
  'requiredCustomerFields',
  'version',
] as const satisfies readonly (keyof DefaultSettings)[];

const owner = () => modeSettingsOf(sql.placeholder('merchantId'), sql.placeholder('mode'));
type Query = { sql: string; params: unknown[] };
let built: { read: Query; at: Query } | undefined;

function queries() {
  if (!built) {
    const qb = new QueryBuilder();
    const columns = Object.fromEntries(KEYS.map((k) => [k, merchantModeSettings[k]]));
    built = {
      read: qb.select(columns).from(merchantModeSettings).where(owner()).limit(1).toSQL(),
      at: qb
        .select({ one: sql`1` })
        .from(merchantModeSettings)
        .where(and(owner(), eq(merchantModeSettings.version, sql.placeholder('version'))))
        .toSQL(),
    };
  }
  return built;
}

/** The statement that reads a mode's default settings. */
function defaultsStatement(d1: D1Database, merchantId: string, mode: Mode): D1PreparedStatement {
  const { read } = queries();
  return d1.prepare(read.sql).bind(...fillPlaceholders(read.params, { merchantId, mode }));
}

/** The settings in a row that statement returned. */
function defaultsFrom(raw: Record<string, unknown> | undefined): DefaultSettings | undefined {
  return raw && rowFromDriver<DefaultSettings>(merchantModeSettings, raw, KEYS);
}

/** A condition (SQL text and its parameters) that holds while the mode's settings are at `version`. */
export function settingsAt(merchantId: string, mode: Mode, version: number) {
  const { at } = queries();
  return { sql: `EXISTS (${at.sql})`, params: fillPlaceholders(at.params, { merchantId, mode, version }) };
}

/**
 * The default settings each isolate last saw, per merchant and mode. They are never trusted alone:
 * a session made from them is inserted only if their version is still current (features/sessions),
 * and a request they would refuse is checked again against a fresh read. The TTL bounds memory; a
 * busy isolate reads them again every ten minutes.
 */
const seen = new TtlCache<DefaultSettings>(10 * 60_000, 5_000);

export function rememberedDefaults(merchantId: string, mode: Mode): DefaultSettings | undefined {
  return seen.get(`${merchantId}:${mode}`);
}

function rememberDefaults(merchantId: string, mode: Mode, settings: DefaultSettings): void {
  seen.set(`${merchantId}:${mode}`, settings);
}

/** The mode's default settings read now (and remembered). */
export async function readDefaults(db: DrizzleD1Database, merchantId: string, mode: Mode) {
  const settings = defaultsFrom(
    (await defaultsStatement(d1Of(db), merchantId, mode).first<Record<string, unknown>>()) ?? undefined,
  );
  if (!settings) throw new Error('merchant without settings for its mode');
  rememberDefaults(merchantId, mode, settings);
  return settings;
}

/** Reads the mode's settings now and applies them to a create-session request (seed 004's orders). */
export async function applyModeDefaults(
  db: DrizzleD1Database,
  merchantId: string,
  mode: Mode,
  input: CreateSession,
) {
  return withModeDefaults(input, await readDefaults(db, merchantId, mode));
}
