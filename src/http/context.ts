import type { DrizzleD1Database } from 'drizzle-orm/d1';

import type { AuthedMerchant, Mode } from '../domain/tenant';

export type { AuthedMerchant, Mode } from '../domain/tenant';

export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: DrizzleD1Database;
    rawBody: string;
    merchant: AuthedMerchant;
    mode: Mode;
  };
};

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
    rawBody: string;
  }
}
