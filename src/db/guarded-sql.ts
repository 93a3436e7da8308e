import { type Column, getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';

/**
 * The statements of a session's guarded commit as plain D1 statements whose SQL text is written once
 * per table (and per set of updated columns), not built by drizzle on every commit: drizzle's query
 * building was about 1.8 ms of CPU per PIX payment, more than the two batches themselves. Values
 * still go through each column's own driver mapping (JSON columns are serialized, booleans become
 * 0/1), exactly as drizzle would bind them.
 *
 * Every statement carries the guard "the session is still at the version read", as two parameters
 * (`session id`, `version`) at the end of its parameter list.
 */
const GUARD = 'SELECT 1 FROM checkout_sessions WHERE id = ? AND version = ?';

type Columns = { keys: string[]; columns: Column[]; names: string };
const columnsCache = new WeakMap<Table, Columns>();

function columnsOf(table: Table): Columns {
  let found = columnsCache.get(table);
  if (!found) {
    const entries = Object.entries(getTableColumns(table));
    found = {
      keys: entries.map(([k]) => k),
      columns: entries.map(([, c]) => c),
      names: entries.map(([, c]) => `"${c.name}"`).join(', '),
    };
    columnsCache.set(table, found);
  }
  return found;
}

/** A value as the column binds it (null stays null). */
function driverValue(column: Column, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}

/** The raw D1 binding under a drizzle client. */
export function d1Of(db: DrizzleD1Database): D1Database {
  return (db as DrizzleD1Database & { $client: D1Database }).$client;
}

const insertText = new Map<string, string>();

/**
 * INSERT INTO table (every column) SELECT the values `tail` (the rest of the statement, with its own
 * `?` parameters bound after the values). Missing values are written as NULL.
 */
function insertSelect(
  d1: D1Database,
  table: Table,
  values: Record<string, unknown>,
  tail: string,
  tailParams: unknown[],
): D1PreparedStatement {
  const { keys, columns, names } = columnsOf(table);
  const shape = `${getTableName(table)}|${tail}`;
  let text = insertText.get(shape);
  if (!text) {
    text = `INSERT INTO "${getTableName(table)}" (${names}) SELECT ${keys.map(() => '?').join(', ')} ${tail}`;
    insertText.set(shape, text);
  }
  const params = keys.map((k, i) => driverValue(columns[i] as Column, values[k]));
  return d1.prepare(text).bind(...params, ...tailParams);
}

/**
 * INSERT INTO table (every column) SELECT the values FROM the session row WHERE the guard holds: the
 * row is written only if the session is still at `version`.
 */
export function guardedInsert(
  d1: D1Database,
  table: Table,
  values: Record<string, unknown>,
  sessionId: string,
  version: number,
): D1PreparedStatement {
  return insertSelect(d1, table, values, 'FROM checkout_sessions WHERE id = ? AND version = ?', [
    sessionId,
    version,
  ]);
}

/** How an update finds its row: by id under the session guard, by id at a version, or by id alone. */
const WHERE = {
  guarded: `"id" = ? AND EXISTS (${GUARD})`,
  versioned: '"id" = ? AND "version" = ?',
  plain: '"id" = ?',
  /** A customer message still held by the consumer that claimed it. */
  sending: `"id" = ? AND "status" = 'sending'`,
} as const;
type Where = keyof typeof WHERE;

/** INSERT INTO table (every column) ... ON CONFLICT DO NOTHING: a row written at most once. */
export function insertOnce(
  d1: D1Database,
  table: Table,
  values: Record<string, unknown>,
): D1PreparedStatement {
  return insertWhere(d1, table, values, '1', []);
}

const updateText = new WeakMap<Table, Map<string, string>>();

/**
 * UPDATE table SET (the defined values of `set`) WHERE the row is `id` and, per `where`, the session
 * guard holds (`guarded`: params session id and version) or the row itself is at a version
 * (`versioned`: param version; the session's own update). Keys whose value is undefined are left
 * alone, as drizzle's `.set()` does.
 */
export function updateById(
  d1: D1Database,
  table: Table,
  set: Record<string, unknown>,
  where: Where,
  params: unknown[],
): D1PreparedStatement {
  const { keys, columns } = columnsOf(table);
  const used: number[] = [];
  for (let i = 0; i < keys.length; i++) if (set[keys[i] as string] !== undefined) used.push(i);
  const shape = `${where}:${used.join(',')}`;
  let byShape = updateText.get(table);
  if (!byShape) {
    byShape = new Map();
    updateText.set(table, byShape);
  }
  let text = byShape.get(shape);
  if (!text) {
    const assignments = used.map((i) => `"${(columns[i] as Column).name}" = ?`).join(', ');
    text = `UPDATE "${getTableName(table)}" SET ${assignments} WHERE ${WHERE[where]}`;
    byShape.set(shape, text);
  }
  const values = used.map((i) => driverValue(columns[i] as Column, set[keys[i] as string]));
  return d1.prepare(text).bind(...values, ...params);
}

/**
 * INSERT INTO table (every column) SELECT the values WHERE `condition` (SQL text with its own `?`
 * parameters) ON CONFLICT DO NOTHING: the row is written only if the condition holds when the
 * statement runs and no unique index refuses it. The result's `meta.changes` says whether it was.
 * The WHERE is also what lets SQLite parse the ON CONFLICT.
 */
export function insertWhere(
  d1: D1Database,
  table: Table,
  values: Record<string, unknown>,
  condition: string,
  conditionParams: unknown[],
): D1PreparedStatement {
  return insertSelect(d1, table, values, `WHERE ${condition} ON CONFLICT DO NOTHING`, conditionParams);
}

/**
 * A raw D1 row (column names, JSON as text) as drizzle returns it: property keys, each value through
 * its column's mapping. Only the named keys are read.
 */
export function rowFromDriver<T>(table: Table, raw: Record<string, unknown>, keys: readonly string[]): T {
  const columns = getTableColumns(table);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const column = columns[key] as Column;
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as T;
}
