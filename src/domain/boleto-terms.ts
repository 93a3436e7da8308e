import { CURRENCIES } from './money';
import { checkAmount, exactDecimal, roundHalfUp, toSafeNumber } from './pricing';

/**
 * A boleto's late terms (seed 004's fine and interest, in the one rounding rule of pricing.ts) and
 * its dates: due (business days aside, calendar days from issue, as seed 004 counts them) and void.
 */
/** Seed 004's boleto fine and interest settings. */
export type BoletoSettings = {
  boleto_charge_fine?: boolean;
  boleto_fine_type?: 'fixed' | 'percentage';
  boleto_fine_amount?: number;
  boleto_charge_interest?: boolean;
  boleto_interest_type?: 'fixed' | 'percentage';
  boleto_interest_amount?: number;
};

/** What a printed boleto says about paying late. */
export type BoletoTerms = {
  fineCents: number | null;
  interestPerDayCents: number | null;
  interestMonthlyPercent: number | null;
};

/** Boleto is BRL-only; seed 004's fixed values are decimal reais. */
const BRL_MINOR_PER_MAJOR = 10n ** BigInt(CURRENCIES.BRL.exponent);

/** Decimal reais to centavos, exact for up to two decimals and rounded by the rule beyond. */
function reaisToCents(value: number, field: string): number {
  const r = exactDecimal(value, field);
  return toSafeNumber(roundHalfUp(r.num * BRL_MINOR_PER_MAJOR, r.den), field);
}

/**
 * Brazilian banks turn a monthly interest rate ("juros de mora ao mês") into a daily charge over a
 * 30-day commercial month, whatever the calendar month's length.
 */
const DAYS_PER_MONTH = 30n;

/**
 * The late-payment terms printed on a boleto of `amount` centavos. Null where the merchant charges
 * nothing (flag false or absent, or the type or value missing).
 *
 * - Fine (multa), charged once: `percentage` is a percent of the boleto amount, `fixed` is R$; both
 *   come back as `fineCents`.
 * - Interest (juros de mora): `fixed` is R$ a day, so `interestPerDayCents` is that value and
 *   `interestMonthlyPercent` is null; `percentage` is a percent a MONTH, returned as
 *   `interestMonthlyPercent`, with `interestPerDayCents` = amount × pct / 100 / 30 (30-day month).
 *
 * All values rounded to the centavo by the module's rule (half up). Seed 004 bounds these percentages
 * only from below (0.01..n), so unlike discount and interest they are not capped at 100 here.
 */
export function boletoTerms(amount: number, s: BoletoSettings): BoletoTerms {
  const base = checkAmount(amount);
  let fineCents: number | null = null;
  if (s.boleto_charge_fine === true && s.boleto_fine_amount !== undefined) {
    if (s.boleto_fine_type === 'fixed') fineCents = reaisToCents(s.boleto_fine_amount, 'boleto_fine_amount');
    if (s.boleto_fine_type === 'percentage') {
      const pct = exactDecimal(s.boleto_fine_amount, 'boleto_fine_amount');
      fineCents = toSafeNumber(roundHalfUp(base * pct.num, pct.den * 100n), 'fine');
    }
  }
  let interestPerDayCents: number | null = null;
  let interestMonthlyPercent: number | null = null;
  if (s.boleto_charge_interest === true && s.boleto_interest_amount !== undefined) {
    if (s.boleto_interest_type === 'fixed') {
      interestPerDayCents = reaisToCents(s.boleto_interest_amount, 'boleto_interest_amount');
    }
    if (s.boleto_interest_type === 'percentage') {
      const pct = exactDecimal(s.boleto_interest_amount, 'boleto_interest_amount');
      interestMonthlyPercent = s.boleto_interest_amount;
      interestPerDayCents = toSafeNumber(
        roundHalfUp(base * pct.num, pct.den * 100n * DAYS_PER_MONTH),
        'daily interest',
      );
    }
  }
  return { fineCents, interestPerDayCents, interestMonthlyPercent };
}

/** Brazilian banks work on Brasília time (UTC-3, no daylight saving since 2019). */
export const BRASILIA_OFFSET_MS = -3 * 60 * 60 * 1000;

/** The calendar date (yyyy-mm-dd) in Brasília at instant `ms`. */
export function brasiliaDate(ms: number): string {
  return new Date(ms + BRASILIA_OFFSET_MS).toISOString().slice(0, 10);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a real yyyy-mm-dd calendar date (2026-02-30 is rejected, not rolled over) to a UTC Date. */
function parseDate(text: string, field: string): Date {
  const match = DATE.exec(text);
  if (match === null) throw new RangeError(`${field} must be a date as yyyy-mm-dd`);
  const [, y = '', m = '', d = ''] = match;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(Number(y), Number(m) - 1, Number(d));
  if (formatDate(date) !== text) throw new RangeError(`${field} is not a real date: ${text}`);
  return date;
}

function formatDate(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function addDays(date: Date, days: number, field: string): string {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`${field} must be a whole number >= 0`);
  // Whole UTC days: no time zone or daylight-saving shift can move the calendar date.
  date.setUTCDate(date.getUTCDate() + days);
  const out = formatDate(date);
  if (!DATE.test(out)) throw new RangeError(`${field} moves the date past year 9999`);
  return out;
}

/** Seed 004's boleto due-date settings: days after issue, or an explicit date (never both). */
export type DueDateSettings = { boleto_due_days?: number; boleto_due_date?: string };

/**
 * The boleto's due date (yyyy-mm-dd): the merchant's explicit `boleto_due_date` as given (a real date;
 * whether it may lie before the issue date is the caller's policy), else `issuedOn` plus
 * `boleto_due_days` (0 means due the day it is issued), else plus `defaultDays`. Calendar days in UTC;
 * moving a due date off a weekend or holiday is the bank's business, not ours.
 */
export function dueDate(issuedOn: string, s: DueDateSettings, defaultDays = 3): string {
  const issued = parseDate(issuedOn, 'issuedOn');
  if (s.boleto_due_date !== undefined) {
    parseDate(s.boleto_due_date, 'boleto_due_date');
    return s.boleto_due_date;
  }
  return addDays(issued, s.boleto_due_days ?? defaultDays, 'boleto_due_days');
}

/**
 * The date (yyyy-mm-dd) after which the bank refuses the boleto: `voidDays` calendar days after its
 * due date (seed 004's `boleto_void_days`, 1..60, default 30).
 */
export function voidDate(dueOn: string, voidDays = 30): string {
  return addDays(parseDate(dueOn, 'dueOn'), voidDays, 'voidDays');
}

/** How far ahead an explicit due date may lie (seed 004 bounds boleto_due_days the same way). */
export const MAX_DUE_DAYS_AHEAD = 999;

/**
 * Why an explicit `boleto_due_date` cannot be printed on a boleto issued from `today` (Brasília,
 * yyyy-mm-dd), or null: a date already past would be overdue at issue, and one past
 * MAX_DUE_DAYS_AHEAD days is outside what banks register.
 */
export function dueDateProblem(today: string, due: string): { code: string; message: string } | null {
  if (due < today) return { code: 'date_in_past', message: `is before today (${today}, Brasília).` };
  const latest = addDays(parseDate(today, 'today'), MAX_DUE_DAYS_AHEAD, 'today');
  if (due > latest)
    return { code: 'too_far', message: `is more than ${MAX_DUE_DAYS_AHEAD} days ahead (latest ${latest}).` };
  return null;
}
