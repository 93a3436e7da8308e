import type { Child, FC } from 'hono/jsx';
import type { FieldError } from '../../domain/errors';

/**
 * Form pieces of the settings page: an input with its label and, when the API refused its value, the
 * error beside it (announced through aria-describedby and aria-invalid).
 */

/** As many bank accounts as the API takes. */
export const MAX_BANK_ACCOUNTS = 5;

/** The form's name prefix of the i-th bank account: `bank_` for the first, `bank2_` ... `bank5_` after it. */
export const bankPrefix = (i: number) => (i === 0 ? 'bank_' : `bank${i + 1}_`);

/** The form input an API field error belongs to ("allowed_origins[0]" is the origins box). */
export function inputIdFor(field: string): string {
  const [head = '', second = '', third = ''] = field.split(/[.[\]]+/).filter((p) => p !== '');
  if (head === 'default_installments' || head === 'default_boleto_terms') return boletoOrCardId(second);
  if (head === 'bank_accounts') return `${bankPrefix(Number(second) || 0)}${third}`;
  if (head === 'enabled_methods') return 'methods';
  if (head === 'required_customer_fields') return 'customer';
  return head;
}

function boletoOrCardId(field: string): string {
  if (field === 'discount') return 'boleto_discount';
  if (field.startsWith('boleto_charge_')) return `boleto_${field.slice('boleto_charge_'.length)}_type`;
  return field;
}

export type Errors = Record<string, string>;

export function errorsById(errors: FieldError[] | undefined): Errors {
  const out: Errors = {};
  for (const e of errors ?? []) {
    const id = inputIdFor(e.field);
    out[id] = out[id] ? `${out[id]} ${e.message}` : e.message;
  }
  return out;
}

export const ErrorText: FC<{ id: string; errors: Errors }> = ({ id, errors }) =>
  errors[id] ? (
    <span class="error" id={`${id}-error`}>
      {errors[id]}
    </span>
  ) : null;

type InputProps = {
  id: string;
  label: string;
  errors: Errors;
  value?: string | number | null;
  type?: string;
  min?: number;
  max?: number;
  step?: string;
  size?: number;
  placeholder?: string;
  required?: boolean;
};

export const Input: FC<InputProps> = (p) => (
  <p>
    <label for={p.id}>{p.label}</label>
    <input
      id={p.id}
      name={p.id}
      type={p.type ?? 'text'}
      min={p.min}
      max={p.max}
      step={p.step}
      size={p.size}
      placeholder={p.placeholder}
      required={p.required}
      value={p.value === null || p.value === undefined ? '' : String(p.value)}
      aria-invalid={p.errors[p.id] ? 'true' : undefined}
      aria-describedby={p.errors[p.id] ? `${p.id}-error` : undefined}
    />
    <ErrorText id={p.id} errors={p.errors} />
  </p>
);

export const Select: FC<{
  id: string;
  label: string;
  errors: Errors;
  value: string;
  options: ReadonlyArray<readonly [string, string]>;
}> = (p) => (
  <p>
    <label for={p.id}>{p.label}</label>
    <select
      id={p.id}
      name={p.id}
      aria-invalid={p.errors[p.id] ? 'true' : undefined}
      aria-describedby={p.errors[p.id] ? `${p.id}-error` : undefined}
    >
      {p.options.map(([v, label]) => (
        <option value={v} selected={p.value === v}>
          {label}
        </option>
      ))}
    </select>
    <ErrorText id={p.id} errors={p.errors} />
  </p>
);

/** A fieldset that marks itself as submitted (see settingsInput), with its error if the API gave one. */
export const Section: FC<{ id: string; legend: string; errors: Errors; children?: Child }> = (p) => (
  <fieldset id={p.id} aria-describedby={p.errors[p.id] ? `${p.id}-error` : undefined}>
    <legend>{p.legend}</legend>
    <input type="hidden" name={`${p.id}_form`} value="1" />
    <ErrorText id={p.id} errors={p.errors} />
    {p.children}
  </fieldset>
);

export const Check: FC<{ name: string; id: string; label: string; checked: boolean }> = (p) => (
  <label for={p.id}>
    <input type="checkbox" id={p.id} name={p.name} checked={p.checked} /> {p.label}
  </label>
);
