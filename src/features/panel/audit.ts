import { desc } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { auditLog } from '../../db/schema';
import { ownedByMerchant } from '../../db/tenant';
import type { Mode } from '../../domain/tenant';
import { newId } from '../../lib/ids';

export type AuditEntry = {
  merchantId: string;
  userId?: string | null;
  email?: string | null;
  mode?: Mode | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown> | null;
  address?: string | null;
};

export function auditInsert(db: DrizzleD1Database, e: AuditEntry, now: number) {
  return db.insert(auditLog).values({
    id: newId('aud', 20),
    merchantId: e.merchantId,
    userId: e.userId ?? null,
    email: e.email ?? null,
    mode: e.mode ?? null,
    action: e.action,
    target: e.target ?? null,
    detail: e.detail ?? null,
    address: e.address ?? null,
    createdAt: now,
  });
}

export async function recordAudit(db: DrizzleD1Database, e: AuditEntry, now: number): Promise<void> {
  await auditInsert(db, e, now);
}

/** The merchant's newest entries first (both modes: who did what is one history). */
export async function listAudit(db: DrizzleD1Database, merchantId: string, limit = 200) {
  return db
    .select()
    .from(auditLog)
    .where(ownedByMerchant(auditLog, merchantId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
}
