import type { D1Migration } from '@cloudflare/vitest-plugin';

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** Empty, unmigrated: for tests that apply migrations step by step. */
      MIGRATION_DB: D1Database;
    }
  }
}
