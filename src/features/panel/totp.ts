import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { panelUsers } from '../../db/schema';
import { newTotpSecret, verifyTotp } from '../../lib/totp';
import type { Secrets } from '../../platform/ports';
import { auditInsert } from './audit';
import { type Actor, userById } from './users';

/** Starts enrolment: a new secret, kept sealed as pending until a code from it confirms it. */
export async function startTotpEnrolment(
  db: DrizzleD1Database,
  userId: string,
  secrets: Secrets,
): Promise<string> {
  const secret = newTotpSecret();
  await db
    .update(panelUsers)
    .set({ totpPendingSealed: await secrets.seal(secret) })
    .where(eq(panelUsers.id, userId));
  return secret;
}

/** Accepts `code` for the user's confirmed (or, with `pending`, enrolment) secret once, recording its step. */
async function acceptCode(
  db: DrizzleD1Database,
  userId: string,
  code: string,
  secrets: Secrets,
  now: number,
  pending = false,
): Promise<boolean> {
  const user = await userById(db, userId);
  const sealed = pending ? user?.totpPendingSealed : user?.totpSecretSealed;
  if (!user || !sealed) return false;
  const step = await verifyTotp(await secrets.open(sealed), code.trim(), now, user.totpLastStep);
  if (step === null) return false;
  // The step moves forward only: of two requests with the same code, one wins.
  const [won] = await db
    .update(panelUsers)
    .set({ totpLastStep: step })
    .where(
      and(eq(panelUsers.id, userId), or(isNull(panelUsers.totpLastStep), lt(panelUsers.totpLastStep, step))),
    )
    .returning({ id: panelUsers.id });
  return won !== undefined;
}

export async function confirmTotpEnrolment(
  db: DrizzleD1Database,
  actor: Actor & { userId: string },
  code: string,
  secrets: Secrets,
  now: number,
) {
  if (!(await acceptCode(db, actor.userId, code, secrets, now, true))) return false;
  const user = await userById(db, actor.userId);
  await db.batch([
    db
      .update(panelUsers)
      .set({ totpSecretSealed: user?.totpPendingSealed ?? null, totpPendingSealed: null })
      .where(eq(panelUsers.id, actor.userId)),
    auditInsert(db, { ...actor, action: 'totp.enabled' }, now),
  ]);
  return true;
}

export async function disableTotp(
  db: DrizzleD1Database,
  actor: Actor & { userId: string },
  code: string,
  secrets: Secrets,
  now: number,
) {
  if (!(await acceptCode(db, actor.userId, code, secrets, now))) return false;
  await db.batch([
    db
      .update(panelUsers)
      .set({ totpSecretSealed: null, totpPendingSealed: null })
      .where(eq(panelUsers.id, actor.userId)),
    auditInsert(db, { ...actor, action: 'totp.disabled' }, now),
  ]);
  return true;
}

/** The second step of a sign-in. */
export function checkSecondFactor(
  db: DrizzleD1Database,
  userId: string,
  code: string,
  secrets: Secrets,
  now: number,
) {
  return acceptCode(db, userId, code, secrets, now);
}
