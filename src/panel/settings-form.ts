import { METHOD_SLUGS } from '../domain/country-methods';
import type { CUSTOMER_FIELDS } from '../domain/session-defaults';
import { bankPrefix, MAX_BANK_ACCOUNTS } from './views/settings-fields';

/**
 * The settings form (urlencoded strings) turned into the body of PATCH /api/v1/merchant, which the
 * API's own zod schema and service then check and apply: the panel has no rules of its own. Each
 * fieldset carries a hidden `<section>_form` marker, so a section is changed only when it was on the
 * submitted form (an unticked checkbox sends nothing, which must not read as "none" from a form that
 * did not show it). Blank inputs are left out; what is not a number stays text, for zod to refuse.
 */
type Form = Record<string, string | undefined>;

const text = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
function num(v: string | undefined): number | string | undefined {
  const t = text(v);
  if (t === undefined) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
const lines = (v: string | undefined) =>
  (v ?? '')
    .split(/[\r\n,]+/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

function boletoTerms(f: Form) {
  const fee = (kind: 'fine' | 'interest') => {
    const type = f[`boleto_${kind}_type`];
    if (type !== 'fixed' && type !== 'percentage') return { [`boleto_charge_${kind}`]: false };
    return {
      [`boleto_charge_${kind}`]: true,
      [`boleto_${kind}_type`]: type,
      [`boleto_${kind}_amount`]: num(f[`boleto_${kind}_amount`]),
    };
  };
  const terms = {
    boleto_due_days: num(f.boleto_due_days),
    boleto_void_days: num(f.boleto_void_days),
    discount: num(f.boleto_discount),
    ...fee('fine'),
    ...fee('interest'),
  };
  const meaningful = Object.entries(terms as Record<string, unknown>).some(
    ([, v]) => v !== undefined && v !== false,
  );
  return meaningful ? terms : null;
}

/** Every bank account the form holds, in order; a block left empty is none (so clearing one removes it). */
function bankAccounts(f: Form) {
  const keys = [
    'bank_name',
    'bank_code',
    'agency',
    'agency_digit',
    'account',
    'account_digit',
    'account_type',
    'beneficiary',
    'document',
  ];
  const out: Record<string, string | undefined>[] = [];
  for (let i = 0; i < MAX_BANK_ACCOUNTS; i += 1) {
    const prefix = bankPrefix(i);
    const account = Object.fromEntries(keys.map((k) => [k, text(f[`${prefix}${k}`])]));
    // The type select always sends a value: the account exists when anything typed is there.
    if (Object.entries(account).some(([k, v]) => k !== 'account_type' && v !== undefined)) out.push(account);
  }
  return out;
}

export function settingsInput(f: Form, current: { notification_url: string | null }) {
  const out: Record<string, unknown> = {};
  if (f.max_installments !== undefined) {
    const plan = {
      max_installments: num(f.max_installments),
      max_installments_interest: num(f.max_installments_interest),
      interest: num(f.interest),
    };
    // One installment and nothing else is no default at all (null), as the page shows an unset one.
    const none = plan.max_installments === 1 && plan.max_installments_interest === undefined;
    out.default_installments = none && plan.interest === undefined ? null : plan;
  }
  if (f.late_payment_policy !== undefined) out.late_payment_policy = f.late_payment_policy;
  if (f.notification_url !== undefined) {
    const url = text(f.notification_url) ?? null;
    // Sent only when changed: setting a URL again re-enables an endpoint that answered 410.
    if (url !== current.notification_url) out.notification_url = url;
  }
  if (f.methods_form !== undefined) {
    // Anything else a crafted form sends under method_* reaches zod as it is, and is refused by name.
    const ticked = Object.keys(f)
      .filter((k) => k.startsWith('method_'))
      .map((k) => k.slice('method_'.length));
    const all = METHOD_SLUGS.every((m) => ticked.includes(m));
    out.enabled_methods = all ? null : ticked;
  }
  if (f.boleto_form !== undefined) out.default_boleto_terms = boletoTerms(f);
  if (f.customer_form !== undefined) {
    if (f.notify_customer !== undefined) out.notify_customer = f.notify_customer;
    out.required_customer_fields = Object.keys(f)
      .filter((k) => k.startsWith('require_'))
      .map((k) => k.slice('require_'.length));
  }
  if (f.payouts_form !== undefined) {
    out.allowed_origins = lines(f.allowed_origins);
    out.spei_clabe = text(f.spei_clabe)?.replace(/\s/g, '') ?? null;
    out.bank_accounts = bankAccounts(f);
  }
  if (f.brand_form !== undefined) {
    out.brand_color = text(f.brand_color) ?? null;
    if (f.remove_logo === 'on') out.logo = null;
    else if (text(f.logo) !== undefined) out.logo = text(f.logo);
  }
  // Undefined members are dropped, as a JSON body would not carry them.
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}

export const CUSTOMER_FIELD_LABELS: Record<(typeof CUSTOMER_FIELDS)[number], string> = {
  name: 'Name',
  email: 'E-mail',
  document: 'Document (CPF/CNPJ or the country’s id)',
  phone: 'Phone',
};
