import type { PaymentDetails } from '../db/schema';
import { formatLinhaDigitavel } from '../domain/boleto';
import { formatAmount } from '../domain/locale-format';
import type { Locale } from '../domain/methods';
import type { Currency } from '../domain/money';
import { type TextKey, text } from './texts';

export const NOTIFICATION_KINDS = [
  'payment_instructions',
  'payment_reminder',
  'payment_receipt',
  'refund_pending',
  'refund_succeeded',
  'refund_failed',
  'refund_requires_action',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a message says, gathered from the session, its payment (or refund) and the merchant. */
export type NotificationModel = {
  kind: NotificationKind;
  locale: Locale;
  merchantName: string;
  /** The name the customer typed, if any; nothing else about them is ever written into a message. */
  customerName: string | null;
  orderId: string;
  /** What the message is about: the payment's charged amount, or the refund's amount. */
  amount: number;
  currency: Currency;
  pageUrl: string;
  /** The session's country, for the time zone instants are written in. */
  country: string;
  details: PaymentDetails;
  /** The instant an asynchronous payment stops being payable (reminder, instructions). */
  expiresAt: number | null;
};

export type RenderedMessage = { subject: string; text: string; html: string; sms: string };

const TIME_ZONES: Record<string, string> = {
  BRA: 'America/Sao_Paulo',
  MEX: 'America/Mexico_City',
  COL: 'America/Bogota',
  PER: 'America/Lima',
  CHL: 'America/Santiago',
  ECU: 'America/Guayaquil',
  ARG: 'America/Argentina/Buenos_Aires',
};

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant as the customer's clock reads it, e.g. "27/11/2026 14:30" in pt-BR. */
export function formatInstant(ms: number, locale: Locale, country: string): string {
  const key = `${locale}|${country}`;
  let format = instantFormats.get(key);
  if (!format) {
    // Building a formatter costs far more than using one (about 0.4 ms): one per locale and zone.
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale === 'es' ? 'es-419' : 'pt-BR', {
      timeZone: TIME_ZONES[country] ?? 'UTC',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    instantFormats.set(key, format);
  }
  return format.format(new Date(ms));
}

/** A calendar date (YYYY-MM-DD, e.g. a boleto's due date) as the locale writes it. */
export function formatDate(isoDate: string, locale: Locale): string {
  const [y, m, d] = isoDate.split('-');
  return locale === 'en' ? `${y}-${m}-${d}` : `${d}/${m}/${y}`;
}

type Row = { label: string; value: string; code?: boolean };

/** The lines that tell the customer how to pay: the code or line, the due date, the account. */
function artifactRows(model: NotificationModel): Row[] {
  const l = (key: TextKey) => text(model.locale, key);
  const d = model.details;
  const rows: Row[] = [];
  if (d.pix) {
    rows.push({ label: l('label.pix'), value: d.pix.payload, code: true });
    rows.push({
      label: l('label.expires'),
      value: formatInstant(d.pix.expires_at, model.locale, model.country),
    });
  } else if (d.boleto) {
    // Written as the page and the printed boleto write it, in its five groups.
    rows.push({ label: l('label.boleto'), value: formatLinhaDigitavel(d.boleto.line), code: true });
    rows.push({ label: l('label.due_date'), value: formatDate(d.boleto.due_date, model.locale) });
  } else if (d.bank_transfer) {
    const b = d.bank_transfer;
    rows.push({ label: l('label.bank'), value: `${b.bank_name} (${b.bank_code})` });
    rows.push({
      label: l('label.agency'),
      value: b.agency_digit ? `${b.agency}-${b.agency_digit}` : b.agency,
    });
    rows.push({ label: l('label.account'), value: `${b.account}-${b.account_digit}` });
    rows.push({ label: l('label.beneficiary'), value: b.beneficiary });
    rows.push({ label: l('label.document'), value: b.document });
    rows.push({ label: l('label.reference'), value: b.reference, code: true });
  } else if (d.spei) {
    rows.push({ label: l('label.clabe'), value: d.spei.clabe, code: true });
    rows.push({ label: l('label.bank'), value: d.spei.bank_name });
    rows.push({ label: l('label.beneficiary'), value: d.spei.beneficiary });
    rows.push({ label: l('label.reference'), value: d.spei.reference, code: true });
  } else if (d.voucher) {
    rows.push({ label: l('label.reference'), value: d.voucher.reference, code: true });
    rows.push({
      label: l('label.expires'),
      value: formatInstant(d.voucher.expires_at, model.locale, model.country),
    });
  }
  return rows;
}

/** The one string an SMS carries to pay with (the code, line, CLABE or reference). */
function smsArtifact(d: PaymentDetails): string {
  return (
    d.pix?.payload ??
    d.boleto?.line ??
    d.spei?.clabe ??
    d.bank_transfer?.reference ??
    d.voucher?.reference ??
    ''
  );
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Subject, plain-text and HTML parts, and the SMS text of one message. Pure. */
export function renderNotification(model: NotificationModel): RenderedMessage {
  const { locale } = model;
  const vars = {
    amount: formatAmount(model.amount, model.currency, locale),
    merchant: model.merchantName,
    order: model.orderId,
    expires: model.expiresAt === null ? '' : formatInstant(model.expiresAt, locale, model.country),
    url: model.pageUrl,
  };
  // One line: a name with a line break must not start a new header wherever the subject becomes one.
  const subject = text(locale, `subject.${model.kind}`, vars).replace(/[\r\n]+/g, ' ');
  const greeting = model.customerName
    ? text(locale, 'greeting', { name: model.customerName })
    : text(locale, 'greeting_anonymous');
  const intro = text(locale, `intro.${model.kind}`, vars);
  const withArtifact = model.kind === 'payment_instructions' || model.kind === 'payment_reminder';
  const rows: Row[] = [{ label: text(locale, 'label.amount'), value: vars.amount }];
  if (withArtifact) rows.push(...artifactRows(model));
  const link = text(locale, 'link.page');
  const footer = text(locale, 'footer', vars);
  const plain = [
    greeting,
    '',
    intro,
    '',
    ...rows.map((r) => `${r.label}: ${r.value}`),
    '',
    `${link}: ${model.pageUrl}`,
    '',
    footer,
    '',
  ].join('\n');
  const cell = (r: Row) =>
    r.code
      ? `<code style="font-size:15px;word-break:break-all">${escapeHtml(r.value)}</code>`
      : escapeHtml(r.value);
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;color:#1a1a1a;max-width:560px;margin:0 auto;padding:16px">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    '<table style="border-collapse:collapse;width:100%">',
    ...rows.map(
      (r) =>
        `<tr><th style="text-align:left;padding:6px 8px 6px 0;vertical-align:top">${escapeHtml(r.label)}</th><td style="padding:6px 0">${cell(r)}</td></tr>`,
    ),
    '</table>',
    `<p><a href="${escapeHtml(model.pageUrl)}">${escapeHtml(link)}</a></p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  let sms: string;
  if (model.kind === 'payment_instructions') {
    sms = text(locale, 'sms.payment_instructions', { ...vars, artifact: smsArtifact(model.details) });
  } else if (model.kind === 'payment_reminder') {
    sms = text(locale, 'sms.payment_reminder', vars);
  } else if (model.kind === 'payment_receipt') {
    sms = text(locale, 'sms.payment_receipt', vars);
  } else {
    sms = text(locale, 'sms.refund', { merchant: model.merchantName, intro });
  }
  return { subject, text: plain, html, sms: sms.replace(/\s+/g, ' ').trim() };
}
