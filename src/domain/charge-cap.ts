import { MAX_AMOUNT } from './money';
import { availableMethods, type OfferSession, quoteMethod } from './offer';

/**
 * The most any offered method could charge on a session: its discount or addition, and for cards the
 * dearest installment plan with its interest. Capped like the session amount itself (MAX_AMOUNT), so
 * an addition or interest can never make a charge no session could have asked for.
 */
export function highestCharge(session: OfferSession): number {
  let highest = session.amount;
  for (const method of availableMethods(session, null)) {
    const quote = quoteMethod(session, method);
    highest = Math.max(highest, quote.amount, ...quote.installments.map((p) => p.total));
  }
  return highest;
}

export function exceedsChargeCap(amount: number): boolean {
  return amount > MAX_AMOUNT;
}
