import type { DrizzleD1Database } from 'drizzle-orm/d1';

export type Mode = 'test' | 'live';

/** The merchant a secret key authenticated, and the mode the key scopes everything to. */
export type AuthedMerchant = {
  id: string;
  name: string;
  country: string | null;
  notificationUrl: string | null;
};

export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    db: DrizzleD1Database;
    rawBody: string;
    merchant: AuthedMerchant;
    mode: Mode;
    /** SHA-256 of the presented key, so a settings change can drop it from the key cache. */
    keyHash: string;
  };
};

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
    rawBody: string;
  }
}
