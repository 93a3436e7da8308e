import type { SessionRow } from '../db/schema';
import { isoUtc } from '../lib/time';
import { money } from './views/layout';

/** At most this many sessions per export, newest first; narrow the dates for more. */
export const EXPORT_LIMIT = 5000;

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (starting with =, +,
 * -, @, tab or CR: an order id or customer e-mail is the merchant's customer's text) gets a leading
 * apostrophe, as OWASP's CSV-injection guidance says.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function sessionsCsv(rows: SessionRow[]): string {
  const header = [
    'session_id',
    'merchant_order_id',
    'status',
    'amount',
    'currency',
    'customer_email',
    'customer_document',
    'created_at',
  ];
  const lines = rows.map((s) =>
    [
      s.id,
      s.merchantOrderId,
      s.status,
      money(s.amount, s.currency).split(' ')[1],
      s.currency,
      s.customer?.email,
      s.customer?.document,
      isoUtc(s.createdAt),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
