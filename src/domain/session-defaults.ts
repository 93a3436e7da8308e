import type { BoletoSettings } from './boleto-terms';
import { customerDocument } from './customer-document';

/**
 * What a session takes from its merchant's settings (in its mode) when its request does not say:
 * seed 004's "se não for enviado, considera o configurado no painel de controle", field by field.
 * Pure: the caller reads the settings row and copies the result onto the session at creation.
 */

/** The customer fields a merchant can require the checkout to collect. */
export const CUSTOMER_FIELDS = ['name', 'email', 'document', 'phone'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Seed 004's boleto settings (its field names) a merchant sets once for every session of a mode. */
export type BoletoDefaults = BoletoSettings & {
  boleto_due_days?: number;
  boleto_void_days?: number;
  discount?: number;
};

export type CardDefaults = {
  max_installments: number;
  max_installments_interest?: number;
  interest?: number;
};

type Entry = { payment_type: string } & Record<string, unknown>;

const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Copies `keys` from `from` into `into` when `into` gives none of them (they travel together). */
function fillGroup(into: Record<string, unknown>, from: Record<string, unknown>, keys: readonly string[]) {
  if (keys.some((k) => into[k] !== undefined)) return;
  for (const k of keys) if (from[k] !== undefined) into[k] = from[k];
}

function cardEntry(request: Entry | undefined, d: CardDefaults): Entry {
  if (!request) return { payment_type: 'card', ...d };
  // Seed 004 takes max_installments and interest from the panel when a card entry leaves them out;
  // max_installments_interest only goes with the entry's own plan ("enviado ou configurado").
  const out: Entry = { ...request };
  if (out.max_installments === undefined) out.max_installments = d.max_installments;
  if (out.interest === undefined && d.interest !== undefined) out.interest = d.interest;
  return out;
}

function boletoEntry(request: Entry | undefined, d: BoletoDefaults): Entry {
  const out: Entry = { ...(request ?? { payment_type: 'boleto' }) };
  const from = d as Record<string, unknown>;
  // A request's due date or due days wins; so does its own fine, interest, discount or addition.
  fillGroup(out, from, ['boleto_due_days', 'boleto_due_date']);
  fillGroup(out, from, ['boleto_void_days']);
  fillGroup(out, from, ['boleto_charge_fine', 'boleto_fine_type', 'boleto_fine_amount']);
  fillGroup(out, from, ['boleto_charge_interest', 'boleto_interest_type', 'boleto_interest_amount']);
  fillGroup(out, from, ['discount', 'addition']);
  return out;
}

/**
 * The session's payment settings: the request's entries with each field it leaves out taken from the
 * defaults (card installments and interest, boleto terms), plus a card or boleto entry of the
 * defaults when the request has none. Null when there is nothing to say (1 installment, no terms).
 * Settings only price a method; which methods are offered is `payment_method`'s business.
 */
export function paymentSettingsWithDefaults(
  request: Entry[] | undefined,
  defaults: { card: CardDefaults | null; boleto: BoletoDefaults | null },
): Entry[] | null {
  const list: Entry[] = (request ?? []).map((e) => ({ ...e }));
  const at = (type: string) => list.findIndex((e) => e.payment_type === type);
  if (defaults.card) {
    const i = at('card');
    if (i >= 0) list[i] = cardEntry(list[i], defaults.card);
    else list.push(cardEntry(undefined, defaults.card));
  }
  if (defaults.boleto && Object.keys(defined(defaults.boleto)).length > 0) {
    const i = at('boleto');
    if (i >= 0) list[i] = boletoEntry(list[i], defaults.boleto);
    else list.push(boletoEntry(undefined, defaults.boleto));
  }
  return list.length === 0 ? null : list;
}

/**
 * The required fields the customer left empty (neither the session nor the payment carries them).
 * A required document counts only where the session's country has one (none in Mexico, say).
 */
export function missingCustomerFields(
  required: readonly string[] | null,
  session: { country: string; currency: string; customer: Record<string, string> | null },
  given: Record<string, string | undefined>,
): CustomerField[] {
  if (!required || required.length === 0) return [];
  const hasDocument = customerDocument(session.country, session.currency) !== null;
  return CUSTOMER_FIELDS.filter((f) => {
    if (!required.includes(f)) return false;
    if (f === 'document' && !hasDocument) return false;
    const value = given[f] ?? session.customer?.[f];
    return value === undefined || value.trim() === '';
  });
}
