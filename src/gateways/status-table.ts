/**
 * A gateway value's entry in one of Borda's mapping tables (statuses, reason codes), or `fallback` for a
 * value the table does not list: one the gateway added after the table was written, or none at all.
 * Only the table's own keys count, so a value such as `constructor` never reads the prototype.
 */
export function fromTable<V, F>(
  table: Readonly<Record<string, V>>,
  value: string | null | undefined,
  fallback: F,
): V | F {
  return value != null && Object.hasOwn(table, value) ? (table[value] as V) : fallback;
}
