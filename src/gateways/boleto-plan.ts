import {
  type BoletoSettings,
  type BoletoTerms,
  BRASILIA_OFFSET_MS,
  boletoTerms,
  brasiliaDate,
  type DueDateSettings,
  dueDate,
  voidDate,
} from '../domain/boleto-terms';
import type { CreatePaymentRequest } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Seed 004's default `boleto_void_days`. */
export const DEFAULT_VOID_DAYS = 30;

/** The first instant after Brasília date `date` (yyyy-mm-dd) ends. */
export function endOfBrasiliaDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) + DAY_MS - BRASILIA_OFFSET_MS;
}

/** The boleto every gateway is asked for: the dates and late terms the customer is then shown. */
export type BoletoPlan = {
  due: string;
  voidOn: string;
  voidDays: number;
  terms: BoletoTerms;
  /** The session stays payable until the end of the void date, Brasília time. */
  holdUntil: number;
};

/** Plans a boleto from the merchant's seed 004 settings; throws RangeError on settings pricing refuses. */
export function boletoPlan(req: Pick<CreatePaymentRequest, 'now' | 'amount' | 'settings'>): BoletoPlan {
  const settings: Record<string, unknown> = req.settings ?? {};
  const due = dueDate(brasiliaDate(req.now), settings as DueDateSettings);
  const voidDays =
    typeof settings.boleto_void_days === 'number' ? settings.boleto_void_days : DEFAULT_VOID_DAYS;
  const voidOn = voidDate(due, voidDays);
  const terms = boletoTerms(req.amount, settings as BoletoSettings);
  return { due, voidOn, voidDays, terms, holdUntil: endOfBrasiliaDay(voidOn) };
}
