import type { DrizzleD1Database } from 'drizzle-orm/d1';

import type { AuthedMerchant, Mode } from '../domain/tenant';
import type { Platform } from '../platform/platform';

export type { AuthedMerchant, Mode } from '../domain/tenant';

export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    platform: Platform;
    db: DrizzleD1Database;
    rawBody: string;
    merchant: AuthedMerchant;
    mode: Mode;
  };
};

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
    platform: Platform;
    rawBody: string;
  }
}
