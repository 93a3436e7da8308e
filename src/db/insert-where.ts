import { getTableColumns, is, Param, SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * `select <the row's values> where <condition>`, for `db.insert(table).select(...)`: an insert of one
 * row that happens only if the condition holds when the statement runs, decided inside SQLite (no
 * read-then-write gap). Values go in the table's column order and are mapped to the driver as
 * `values()` maps them (JSON columns serialized); a column the row leaves undefined gets its default.
 * The WHERE is also what lets SQLite parse an ON CONFLICT clause after an INSERT ... SELECT.
 */
export function rowWhere<T extends SQLiteTable>(table: T, row: T['$inferInsert'], condition: SQL): SQL {
  const values = Object.entries(getTableColumns(table) as Record<string, SQLiteColumn>)
    // Generated columns take no value; drizzle marks them so (an internal method, hence the cast).
    .filter(([, column]) => !(column as unknown as { shouldDisableInsert(): boolean }).shouldDisableInsert())
    .map(([key, column]) => {
      const value = (row as Record<string, unknown>)[key];
      if (value === undefined) return defaultOf(column);
      return is(value, SQL) ? value : new Param(value, column);
    });
  return sql`select ${sql.join(values, sql`, `)} where ${condition}`;
}

function defaultOf(column: SQLiteColumn): SQL | Param {
  if (column.default !== undefined && column.default !== null)
    return is(column.default, SQL) ? column.default : new Param(column.default, column);
  if (column.defaultFn) {
    const value = column.defaultFn();
    return is(value, SQL) ? value : new Param(value, column);
  }
  return sql`null`;
}
