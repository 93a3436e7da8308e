import type { DrizzleD1Database } from 'drizzle-orm/d1';

export type Mode = 'test' | 'live';

/**
 * The merchant a secret key authenticated (identity only: settings are per mode and read fresh, see
 * src/services/merchant-settings.ts), and the mode the key scopes everything to.
 */
export type AuthedMerchant = {
  id: string;
  name: string;
  country: string | null;
};

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
