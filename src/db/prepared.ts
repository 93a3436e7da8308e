import type { DrizzleD1Database } from 'drizzle-orm/d1';

/**
 * A query built once per isolate and D1 binding instead of on every call. Drizzle turns a query
 * builder into SQL each time it runs (about 1 ms of CPU for the checkout's joined read, more than the
 * read itself costs); a hot read built with `sql.placeholder` and `.prepare()` skips that. Keyed by the
 * binding (weakly), so a test's or another environment's database gets its own statement.
 */
export function preparedOnce<Q>(build: (db: DrizzleD1Database) => Q): (db: DrizzleD1Database) => Q {
  const byBinding = new WeakMap<object, Q>();
  return (db) => {
    const binding = (db as DrizzleD1Database & { $client?: object }).$client ?? db;
    let query = byBinding.get(binding);
    if (query === undefined) {
      query = build(db);
      byBinding.set(binding, query);
    }
    return query;
  };
}
