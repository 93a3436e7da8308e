import { brasiliaDate, dueDateProblem } from '../../domain/boleto-terms';
import { exceedsChargeCap, highestCharge } from '../../domain/charge-cap';
import { COUNTRIES, type Country, currencyAllowedIn, defaultCountry } from '../../domain/countries';
import { classifyBrDocument, normalizeDocument } from '../../domain/documents';
import { ApiError, type FieldError } from '../../domain/errors';
import { MAX_AMOUNT } from '../../domain/money';
import type { Mode } from '../../domain/tenant';
import { checkReturnUrl, checkWebhookUrl } from '../../domain/urls';
import type { CreateSession, SessionCustomer } from './schema';

/**
 * The checks on a create-session request that depend on who is asking (test or live key, the
 * merchant's country, local development), so they cannot live in the static zod schema.
 */
export function resolveSessionInput(
  input: CreateSession,
  opts: { mode: Mode; merchantCountry: string | null; allowLoopbackUrls: boolean; now: number },
): { country: Country; customer: SessionCustomer | null } {
  const errors: FieldError[] = [];
  const country = input.country ?? defaultCountry(input.currency, opts.merchantCountry);
  if (!currencyAllowedIn(country, input.currency)) {
    errors.push({
      field: 'currency',
      code: 'currency_not_allowed',
      message: `${country} sessions are charged in ${COUNTRIES[country].currency} or USD.`,
    });
  }
  const offer = {
    country,
    currency: input.currency,
    paymentMethod: input.payment_method ?? null,
    paymentSettings: (input.payment_settings as unknown[] | undefined) ?? null,
    amount: input.amount,
  };
  if (errors.length === 0 && exceedsChargeCap(highestCharge(offer))) {
    errors.push({
      field: 'payment_settings',
      code: 'too_big',
      message: `With its addition or installment interest a payment would exceed ${MAX_AMOUNT} minor units.`,
    });
  }
  const today = brasiliaDate(opts.now);
  (input.payment_settings ?? []).forEach((entry, i) => {
    const due = (entry as { boleto_due_date?: string }).boleto_due_date;
    const problem = due === undefined ? null : dueDateProblem(today, due);
    if (problem) errors.push({ field: `payment_settings[${i}].boleto_due_date`, ...problem });
  });
  for (const field of ['success_url', 'cancel_url'] as const) {
    const url = input[field];
    if (url == null) continue;
    const problem = checkReturnUrl(url, { allowLocalHttp: opts.mode === 'test' });
    if (problem) errors.push({ field, code: problem.code, message: problem.message });
  }
  for (const field of ['notification_url', 'payment_failure_url'] as const) {
    const url = input[field];
    if (url === undefined) continue;
    const problem = checkWebhookUrl(url, { allowLoopback: opts.allowLoopbackUrls });
    if (problem) errors.push({ field, code: problem.code, message: problem.message });
  }
  let customer: SessionCustomer | null = input.customer ?? null;
  if (customer?.document !== undefined) {
    const document = normalizeDocument(customer.document);
    if (country === 'BRA' && classifyBrDocument(document) === null) {
      errors.push({
        field: 'customer.document',
        code: 'invalid_document',
        message: 'is not a valid CPF or CNPJ.',
      });
    }
    customer = { ...customer, document };
  }
  if (errors.length > 0) {
    throw new ApiError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join(' '), {
      errors,
    });
  }
  return { country, customer };
}
