import { eq } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { merchants } from '../db/schema';
import type { MerchantProfile } from '../gateways/types';

/** What a payment needs of its merchant: name and city (PIX), enabled methods, receiving accounts. */
export async function loadMerchantProfile(db: DrizzleD1Database, id: string): Promise<MerchantProfile> {
  const [m] = await db
    .select({
      id: merchants.id,
      name: merchants.name,
      city: merchants.city,
      enabledMethods: merchants.enabledMethods,
      bankAccounts: merchants.bankAccounts,
      speiClabe: merchants.speiClabe,
    })
    .from(merchants)
    .where(eq(merchants.id, id))
    .limit(1);
  if (!m) throw new Error('session without merchant');
  return m;
}
