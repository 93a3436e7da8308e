import { Hono } from 'hono';
import { ApiError } from '../../domain/errors';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { isoUtc } from '../../lib/time';
import { MAILBOX } from '../../notifications/config';
import { escapeHtml } from '../../notifications/render';
import { mailboxMessage, mailboxMessages } from '../notifications/service';

/**
 * Stored messages are shown as data: nothing in them may run, load or submit. A stored message is shown
 * as its customer would see it: inline styles only, never framed elsewhere.
 */
const MESSAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The list on a phone: the table scrolls inside itself, long addresses and subjects wrap. */
const LIST_CSS =
  'table{display:block;overflow-x:auto;border-collapse:collapse}td,th{padding:.3rem .5rem;text-align:left;overflow-wrap:anywhere}';

/**
 * The local dev mailbox (`npm start`): every customer message the Worker "sent" with the `mailbox`
 * provider, readable as a page (`/dev/mailbox`), as JSON (`/dev/mailbox/messages?to=`) and one by one.
 * It exists only where an operator chose the mailbox provider; anywhere else every path is 404.
 */
export const mailboxRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    const { notify } = c.get('platform').config;
    if (notify.emailProvider !== MAILBOX && notify.smsProvider !== MAILBOX) {
      throw new ApiError('not_found', 'The dev mailbox is off in this environment.');
    }
    await next();
  })
  .get(
    '/messages',
    contract({
      operationId: 'devMailboxMessages',
      summary: 'Local development only: the customer messages kept in the dev mailbox (JSON)',
      tag: 'Dev mailbox',
      auth: 'none',
      ok: { 200: { description: 'The messages, newest first' } },
      errors: ['not_found'],
    }),
    async (c) => {
      const rows = await mailboxMessages(c.get('db'), c.req.query('to') || undefined);
      return c.json({
        object: 'list',
        data: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          kind: r.kind,
          to: r.recipient,
          locale: r.locale,
          subject: r.subject,
          text: r.bodyText,
          html: r.bodyHtml,
          checkout_session_id: r.sessionId,
          sent_at: r.sentAt === null ? null : isoUtc(r.sentAt),
        })),
      });
    },
  )
  .get(
    '/',
    contract({
      operationId: 'devMailbox',
      summary: 'Local development only: the dev mailbox (HTML)',
      tag: 'Dev mailbox',
      auth: 'none',
      ok: { 200: { description: 'HTML page', media: 'text/html' } },
      errors: ['not_found'],
    }),
    async (c) => {
      const rows = await mailboxMessages(c.get('db'), c.req.query('to') || undefined);
      const items = rows
        .map(
          (r) =>
            `<tr><td>${escapeHtml(r.sentAt === null ? '' : isoUtc(r.sentAt))}</td><td>${r.channel}</td><td>${escapeHtml(r.recipient)}</td><td><a href="/dev/mailbox/${escapeHtml(r.id)}">${escapeHtml(r.subject ?? r.bodyText ?? r.kind)}</a></td></tr>`,
        )
        .join('\n');
      c.header('content-security-policy', MESSAGE_CSP);
      return c.html(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Borda dev mailbox</title><style>${LIST_CSS}</style></head><body style="font-family:system-ui,sans-serif"><h1>Dev mailbox</h1><p>Customer e-mail and SMS kept locally; nothing left this machine.</p><table><thead><tr><th>sent</th><th>channel</th><th>to</th><th>message</th></tr></thead><tbody>${items}</tbody></table></body></html>`,
      );
    },
  )
  .get(
    '/:id',
    contract({
      operationId: 'devMailboxMessage',
      summary: 'Local development only: one message as its customer would see it',
      tag: 'Dev mailbox',
      auth: 'none',
      ok: { 200: { description: 'The message (HTML or text)', media: 'text/html' } },
      errors: ['not_found'],
    }),
    async (c) => {
      const row = await mailboxMessage(c.get('db'), c.req.param('id'));
      if (!row) throw new ApiError('not_found', 'No such message.');
      c.header('content-security-policy', MESSAGE_CSP);
      if (row.bodyHtml) return c.html(row.bodyHtml);
      return c.text(row.bodyText ?? '');
    },
  );
