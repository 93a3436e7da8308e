import type { SessionRow } from '../../db/schema';
import type { Country } from '../../domain/countries';
import type { Currency } from '../../domain/money';
import { isoUtc } from '../../lib/time';

/**
 * The public shape of a session: seed 001's fields first, then Borda's additions. The session's own
 * view, so its events carry it; the API's schema (features/sessions/schema.ts) is checked against it.
 */
export function serializeSession(row: SessionRow) {
  return {
    token: row.id,
    amount: row.amount,
    currency: row.currency as Currency,
    merchant_order_id: row.merchantOrderId,
    payment_method: row.paymentMethod,
    gateway_first_try: row.gatewayFirstTry,
    metadata: row.metadata,
    success_url: row.successUrl,
    cancel_url: row.cancelUrl,
    expires_at: isoUtc(row.expiresAt),
    id: row.id,
    object: 'checkout_session' as const,
    status: row.status,
    livemode: row.mode === 'live',
    checkout_url: row.checkoutUrl,
    created_at: isoUtc(row.createdAt),
    country: row.country as Country,
    description: row.description,
    locale: row.locale,
    customer: row.customer,
    notification_url: row.notificationUrl,
    payment_failure_url: row.paymentFailureUrl,
    notify_customer: row.notifyCustomer,
    payment_settings: row.paymentSettings,
    required_customer_fields: row.requiredCustomerFields ?? [],
  };
}
