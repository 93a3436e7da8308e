import type { SessionRow } from '../../db/schema';
import { isoUtc } from '../../lib/time';
import type { CheckoutSession } from './schema';

/** The public shape of a session: seed 001's fields first, then Borda's additions. */
export function serializeSession(row: SessionRow): CheckoutSession {
  return {
    token: row.id,
    amount: row.amount,
    currency: row.currency as CheckoutSession['currency'],
    merchant_order_id: row.merchantOrderId,
    payment_method: row.paymentMethod as CheckoutSession['payment_method'],
    gateway_first_try: row.gatewayFirstTry as CheckoutSession['gateway_first_try'],
    metadata: row.metadata,
    success_url: row.successUrl,
    cancel_url: row.cancelUrl,
    expires_at: isoUtc(row.expiresAt),
    id: row.id,
    object: 'checkout_session',
    status: row.status,
    livemode: row.mode === 'live',
    checkout_url: row.checkoutUrl,
    created_at: isoUtc(row.createdAt),
    country: row.country as CheckoutSession['country'],
    description: row.description,
    locale: row.locale as CheckoutSession['locale'],
    customer: row.customer,
    notification_url: row.notificationUrl,
    payment_failure_url: row.paymentFailureUrl,
    notify_customer: row.notifyCustomer,
    payment_settings: row.paymentSettings as CheckoutSession['payment_settings'],
  };
}
