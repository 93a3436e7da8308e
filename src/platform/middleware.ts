import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { createMiddleware } from 'hono/factory';
import { type Platform, platform } from './platform';

/**
 * The ports of this request (built once per isolate's env object, see platform.ts): the drizzle
 * client as `db`, everything else as `platform`. Nothing above reads `c.env`.
 */
export const platformPorts = createMiddleware<{
  Bindings: Env;
  Variables: { platform: Platform; db: DrizzleD1Database };
}>(async (c, next) => {
  const ports = platform(c.env);
  c.set('platform', ports);
  c.set('db', ports.db);
  await next();
});
