import type { SessionRow } from '../../db/schema';
import { fieldError } from '../../domain/errors';
import { paymentSettingsWithDefaults } from '../../domain/session-defaults';
import type { CreateSession } from '../sessions/schema';
import { defaultInstallmentsView, type ModeSettings } from './settings';

/** The settings a new session takes its defaults from, and their version. */
export type DefaultSettings = Pick<
  ModeSettings,
  | 'enabledMethods'
  | 'defaultMaxInstallments'
  | 'defaultMaxInstallmentsInterest'
  | 'defaultInterest'
  | 'defaultBoletoTerms'
  | 'requiredCustomerFields'
  | 'version'
>;

/**
 * A create-session request with what it leaves out taken from its mode's settings: payment settings
 * (card installments and interest, boleto terms, field by field) and the methods offered; plus the
 * customer fields the checkout must collect. The result is copied onto the session, so a later change
 * of a setting never re-prices or changes a session a customer is already looking at. Every API and
 * dialect that creates sessions goes through here. `notify_customer` is the exception: a session
 * without one keeps null, which means the mode's setting when a message is sent (notifications/plan.ts),
 * so turning SMS off stops it for every session.
 */
export function withModeDefaults(
  input: CreateSession,
  s: DefaultSettings,
): { input: CreateSession; requiredCustomerFields: SessionRow['requiredCustomerFields'] } {
  // A request may narrow the methods the merchant accepts in this mode, never widen them.
  const named = input.payment_method == null ? [] : [input.payment_method].flat();
  const disabled = s.enabledMethods ? named.filter((m) => !s.enabledMethods?.includes(m)) : [];
  if (disabled.length > 0)
    throw fieldError(
      'payment_method',
      'method_not_enabled',
      `${disabled.join(', ')} is not enabled in this mode's settings.`,
    );
  const settings = paymentSettingsWithDefaults(
    input.payment_settings as Parameters<typeof paymentSettingsWithDefaults>[0],
    { card: defaultInstallmentsView(s), boleto: s.defaultBoletoTerms },
  );
  return {
    input: {
      ...input,
      payment_settings: (settings ?? undefined) as CreateSession['payment_settings'],
      payment_method:
        input.payment_method !== undefined ? input.payment_method : (s.enabledMethods ?? undefined),
    },
    requiredCustomerFields: s.requiredCustomerFields.length > 0 ? [...s.requiredCustomerFields] : null,
  };
}
