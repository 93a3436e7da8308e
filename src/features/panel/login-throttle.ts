import { eq, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { loginThrottle } from '../../db/schema';

/**
 * Sign-in throttling kept in D1: one row per account and one per client address, counting attempts
 * in a fixed 15-minute window. The attempt is counted BEFORE the password is checked, by one atomic
 * upsert, so parallel guesses cannot slip past the limit between a read and a write.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 30;

async function count(db: DrizzleD1Database, key: string, now: number): Promise<number> {
  const windowFloor = now - THROTTLE_WINDOW_MS;
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, windowStart: now, attempts: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        attempts: sql`CASE WHEN ${loginThrottle.windowStart} <= ${windowFloor} THEN 1 ELSE ${loginThrottle.attempts} + 1 END`,
        windowStart: sql`CASE WHEN ${loginThrottle.windowStart} <= ${windowFloor} THEN ${now} ELSE ${loginThrottle.windowStart} END`,
      },
    })
    .returning({ attempts: loginThrottle.attempts });
  return row?.attempts ?? 1;
}

/** Counts one sign-in attempt; false when the account or the address is over its limit. */
export async function admitAttempt(
  db: DrizzleD1Database,
  input: { email: string; address: string },
  now: number,
): Promise<boolean> {
  const [account, address] = await Promise.all([
    count(db, `account:${input.email}`, now),
    count(db, `address:${input.address}`, now),
  ]);
  return account <= ACCOUNT_LIMIT && address <= ADDRESS_LIMIT;
}

/** A correct password clears the account's count (never the address's: one good account must not unlock guessing others). */
export async function clearAccount(db: DrizzleD1Database, email: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, `account:${email}`));
}
