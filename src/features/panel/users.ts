import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { merchants, type PanelRole, panelSessions, panelUsers } from '../../db/schema';
import { ownedByMerchant } from '../../db/tenant';
import { ApiError, fieldError } from '../../domain/errors';
import { sha256Hex } from '../../lib/crypto';
import { newId, randomBase62 } from '../../lib/ids';
import { hashPassword, passwordProblem, UNMATCHABLE_HASH, verifyPassword } from '../../lib/password';
import { auditInsert } from './audit';
import { admitAttempt, clearAccount } from './login-throttle';

/** An invite link works once, for three days. */
export const INVITE_TTL_MS = 3 * 24 * 60 * 60 * 1000;

export type Actor = {
  merchantId: string;
  userId: string | null;
  email: string | null;
  address: string | null;
};

/**
 * Invites a panel user (by the operator, `actor.userId` null, or by an owner). Returns the one-time
 * invite token: only its SHA-256 is stored. An e-mail already in use is refused.
 */
export async function inviteUser(
  db: DrizzleD1Database,
  input: { email: string; role: PanelRole },
  actor: Actor,
  now: number,
): Promise<{ userId: string; token: string; expiresAt: number }> {
  const email = input.email.trim().toLowerCase();
  const [merchant] = await db
    .select({ id: merchants.id })
    .from(merchants)
    .where(eq(merchants.id, actor.merchantId));
  if (!merchant) throw new ApiError('not_found', 'No such merchant.');
  const token = `inv_${randomBase62(32)}`;
  const userId = newId('usr', 20);
  const expiresAt = now + INVITE_TTL_MS;
  const [inserted] = await db
    .insert(panelUsers)
    .values({
      id: userId,
      merchantId: actor.merchantId,
      email,
      role: input.role,
      inviteHash: await sha256Hex(token),
      inviteExpiresAt: expiresAt,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: panelUsers.id });
  if (!inserted) throw fieldError('email', 'already_exists', 'This e-mail already has a panel user.');
  await auditInsert(
    db,
    { ...actor, action: 'user.invited', target: userId, detail: { email, role: input.role } },
    now,
  );
  return { userId, token, expiresAt };
}

/** The user an unexpired, unused invite token names, if any. */
export async function findInvite(db: DrizzleD1Database, token: string, now: number) {
  const [row] = await db
    .select()
    .from(panelUsers)
    .where(
      and(
        eq(panelUsers.inviteHash, await sha256Hex(token)),
        gt(panelUsers.inviteExpiresAt, now),
        isNull(panelUsers.disabledAt),
      ),
    )
    .limit(1);
  return row;
}

/** Sets the password of an invited user and spends the invite (the update matches only while it is unspent). */
export async function acceptInvite(
  db: DrizzleD1Database,
  input: { token: string; password: string; address: string | null },
  now: number,
) {
  const problem = passwordProblem(input.password);
  if (problem) throw fieldError('password', 'weak_password', problem);
  const user = await findInvite(db, input.token, now);
  if (!user) throw new ApiError('not_found', 'This invite link is not valid any more.');
  const passwordHash = await hashPassword(input.password);
  const [updated] = await db
    .update(panelUsers)
    .set({ passwordHash, inviteHash: null, inviteExpiresAt: null })
    .where(and(eq(panelUsers.id, user.id), eq(panelUsers.inviteHash, user.inviteHash ?? '')))
    .returning({ id: panelUsers.id });
  if (!updated) throw new ApiError('not_found', 'This invite link is not valid any more.');
  await auditInsert(
    db,
    {
      merchantId: user.merchantId,
      userId: user.id,
      email: user.email,
      address: input.address,
      action: 'user.password_set',
    },
    now,
  );
  return user;
}

export type SignInResult =
  | { ok: true; user: typeof panelUsers.$inferSelect }
  | { ok: false; reason: 'throttled' | 'invalid' };

/**
 * Checks an e-mail and password. The attempt is counted first (per account and per address); an
 * unknown e-mail runs the KDF anyway, so timing does not tell which e-mails exist. Both outcomes are
 * written to the audit log of the account's merchant.
 */
export async function signIn(
  db: DrizzleD1Database,
  input: { email: string; password: string; address: string },
  now: number,
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const admitted = await admitAttempt(db, { email, address: input.address }, now);
  const [user] = await db.select().from(panelUsers).where(eq(panelUsers.email, email)).limit(1);
  // Every attempt on an existing account is written down, with where it came from.
  const record = async (action: string) => {
    if (user)
      await auditInsert(
        db,
        { merchantId: user.merchantId, userId: user.id, email, address: input.address, action },
        now,
      );
  };
  if (!admitted) {
    // Refused unchecked, and still recorded: the account's owners see someone kept trying.
    await record('signin.throttled');
    return { ok: false, reason: 'throttled' };
  }
  const usable = user && user.disabledAt === null && user.passwordHash !== null;
  const ok = await verifyPassword(
    input.password.slice(0, 256),
    usable ? (user.passwordHash as string) : UNMATCHABLE_HASH,
  );
  await record(ok && usable ? 'signin.succeeded' : 'signin.failed');
  if (!ok || !usable) return { ok: false, reason: 'invalid' };
  // With a second factor the count is cleared only once the code is right too: re-entering a known
  // password must not buy fresh guesses at the code.
  if (!user.totpSecretSealed) await clearAccount(db, email);
  return { ok: true, user };
}

export async function listUsers(db: DrizzleD1Database, merchantId: string) {
  return db
    .select({
      id: panelUsers.id,
      email: panelUsers.email,
      role: panelUsers.role,
      passwordHash: panelUsers.passwordHash,
      totp: panelUsers.totpSecretSealed,
      disabledAt: panelUsers.disabledAt,
      createdAt: panelUsers.createdAt,
    })
    .from(panelUsers)
    .where(ownedByMerchant(panelUsers, merchantId));
}

/** Disables a user of this merchant and revokes every session of theirs, in one batch. */
export async function disableUser(db: DrizzleD1Database, userId: string, actor: Actor, now: number) {
  const [user] = await db
    .select()
    .from(panelUsers)
    .where(and(eq(panelUsers.id, userId), ownedByMerchant(panelUsers, actor.merchantId)));
  if (!user) throw new ApiError('not_found', 'No such user.');
  // An owner disabling themselves could leave the merchant with no owner, locked out of its own panel.
  if (userId === actor.userId)
    throw new ApiError('forbidden', 'You cannot disable yourself: another owner can.');
  await db.batch([
    db.update(panelUsers).set({ disabledAt: now }).where(eq(panelUsers.id, userId)),
    db
      .update(panelSessions)
      .set({ revokedAt: now })
      .where(and(eq(panelSessions.userId, userId), isNull(panelSessions.revokedAt))),
    auditInsert(
      db,
      { ...actor, action: 'user.disabled', target: userId, detail: { email: user.email } },
      now,
    ),
  ]);
}

export async function userById(db: DrizzleD1Database, userId: string) {
  const [row] = await db.select().from(panelUsers).where(eq(panelUsers.id, userId)).limit(1);
  return row;
}

/**
 * An owner's reset of a user's lost authenticator: the second factor is removed and every session of
 * the user ends, so the next sign-in is by password and the user sets up a new authenticator.
 */
export async function resetSecondFactor(db: DrizzleD1Database, userId: string, actor: Actor, now: number) {
  const [user] = await db
    .select()
    .from(panelUsers)
    .where(and(eq(panelUsers.id, userId), ownedByMerchant(panelUsers, actor.merchantId)));
  if (!user) throw new ApiError('not_found', 'No such user.');
  // Your own two-step sign-in is turned off only with a code (Account); a reset is for someone else's lost one.
  if (userId === actor.userId)
    throw new ApiError('forbidden', 'Turn off your own two-step sign-in from Account, with a code.');
  await db.batch([
    db
      .update(panelUsers)
      .set({ totpSecretSealed: null, totpPendingSealed: null })
      .where(eq(panelUsers.id, userId)),
    db
      .update(panelSessions)
      .set({ revokedAt: now })
      .where(and(eq(panelSessions.userId, userId), isNull(panelSessions.revokedAt))),
    auditInsert(db, { ...actor, action: 'totp.reset', target: userId, detail: { email: user.email } }, now),
  ]);
}
