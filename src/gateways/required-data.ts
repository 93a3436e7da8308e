import type { Connector, CreatePaymentRequest, CustomerDatum } from './types';

/**
 * Optional payer data a payment may carry beyond name, e-mail and document (read the same way by
 * the connectors that need it, e.g. Asaas cards).
 */
export type PayerExtras = {
  customerIp?: string;
  customer: { phone?: string; postal_code?: string; address_number?: string };
};

function present(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Which of the customer data a payment carries. */
export function carriedData(req: CreatePaymentRequest): Set<CustomerDatum> {
  const extras = req as CreatePaymentRequest & Partial<PayerExtras>;
  const customer = req.customer as CreatePaymentRequest['customer'] & PayerExtras['customer'];
  const out = new Set<CustomerDatum>();
  if (present(customer.document)) out.add('document');
  if (present(customer.phone)) out.add('phone');
  if (present(customer.postal_code)) out.add('postal_code');
  if (present(customer.address_number)) out.add('address_number');
  if (present(extras.customerIp)) out.add('payer_ip');
  return out;
}

/**
 * What a connector requires for this payment's method that the payment lacks; empty when it can be
 * tried. Routing skips a connector with anything missing instead of calling it to fail.
 */
export function missingData(connector: Connector, req: CreatePaymentRequest): CustomerDatum[] {
  const required = connector.requiredCustomerData?.(req.method) ?? [];
  if (required.length === 0) return [];
  const carried = carriedData(req);
  return required.filter((d) => !carried.has(d));
}
