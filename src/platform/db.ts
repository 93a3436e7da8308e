import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';

/** The one place a drizzle client is built over the Worker's D1 binding. */
export function database(env: Pick<Env, 'DB'>): DrizzleD1Database {
  return drizzle(env.DB);
}
