import { Hono } from 'hono';
import { classifyBrDocument, normalizeDocument } from '../../domain/documents';
import { ApiError } from '../../domain/errors';
import { formatAmount, pickLocale } from '../../domain/locale-format';
import type { Locale } from '../../domain/methods';
import type { Currency } from '../../domain/money';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { readForm } from '../../http/form';
import { assertSameSiteOrAllowed } from '../../http/origin';
import { newNonce } from '../../http/page-headers';
import { sessionOf } from '../../http/service-ctx';
import { bankLinkValid } from '../../lib/refund-link';
import type { Platform } from '../../platform/platform';
import { refundForBankLink } from './bank-link';
import { BankAccountPage, type BankPageState } from './bank-page';
import { bankText } from './bank-page-text';
import { BankAccountForm } from './schema';

function headers(nonce: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    // The URL is the credential, so no other site may see it; but `no-referrer` would make the browser
    // send `Origin: null` with the form, which the same-site check must refuse.
    'referrer-policy': 'same-origin',
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
    'cache-control': 'no-store',
  };
}

/** The refund the link opens, with what the page shows; 404 for a wrong or forged link. */
async function load(platform: Platform, id: string, mac: string) {
  if (!(await bankLinkValid(platform.secrets.signingKey, id, mac)))
    throw new ApiError('not_found', 'No such refund.');
  const found = await refundForBankLink(platform.db, id);
  if (!found) throw new ApiError('not_found', 'No such refund.');
  const locale: Locale = pickLocale(found.session.locale, found.session.country);
  return {
    ...found,
    locale,
    amount: formatAmount(found.refund.amount, found.refund.currency as Currency, locale),
  };
}

/**
 * GET/POST /refunds/{id}/bank-account/{mac}: the hosted page where the customer of a boleto, transfer
 * or voucher payment gives the bank account its refund goes to. The link is the only credential; in
 * Brazil the account must be of the CPF/CNPJ that paid, and is checked again by the session's object;
 * elsewhere the page asks for the account alone.
 */
export const bankAccountRoutes = new Hono<AppEnv>()
  .get(
    '/:id/bank-account/:mac',
    contract({
      operationId: 'refundBankAccountPage',
      summary:
        "The customer's page to give the bank account a boleto, transfer or voucher refund goes to (HTML, linked from the refund)",
      tag: 'Refunds',
      auth: 'customer',
      ok: { 200: { description: 'HTML page', media: 'text/html' } },
      errors: ['not_found'],
    }),
    async (c) => {
      const { refund, merchant, locale, amount } = await load(
        c.get('platform'),
        c.req.param('id'),
        c.req.param('mac'),
      );
      const waiting = refund.status === 'requires_action' && !refund.bankAccountHint;
      const state: BankPageState = !waiting
        ? { kind: 'closed' }
        : refund.gatewayActionUrl
          ? { kind: 'gateway', url: refund.gatewayActionUrl }
          : { kind: 'form', values: {}, errors: {}, alert: null };
      const nonce = newNonce();
      const page = (
        <BankAccountPage
          locale={locale}
          nonce={nonce}
          merchant={merchant}
          amount={amount}
          action={c.req.path}
          state={state}
          brazil={refund.currency === 'BRL'}
        />
      );
      return new Response(`<!doctype html>${await page.toString()}`, { headers: headers(nonce) });
    },
  )
  .post(
    '/:id/bank-account/:mac',
    contract({
      operationId: 'refundBankAccountSubmit',
      summary: "The customer's bank account for the refund (form post from that page)",
      tag: 'Refunds',
      auth: 'customer',
      bodyMedia: ['application/x-www-form-urlencoded'],
      ok: {
        200: { description: 'HTML page: received, or the form again with what to fix', media: 'text/html' },
      },
      errors: ['not_found', 'forbidden'],
    }),
    async (c) => {
      assertSameSiteOrAllowed(c, []);
      const { refund, merchant, locale, amount } = await load(
        c.get('platform'),
        c.req.param('id'),
        c.req.param('mac'),
      );
      const form = await readForm(c.req.raw);
      const values: Record<string, string> = {};
      for (const [k, v] of Object.entries(form))
        if (typeof v === 'string' && k.length < 40) values[k] = v.slice(0, 200);
      if (values.account_digit === '') delete values.account_digit;
      const render = async (state: BankPageState, status: 200 | 409 | 422) => {
        const nonce = newNonce();
        const page = (
          <BankAccountPage
            locale={locale}
            nonce={nonce}
            merchant={merchant}
            amount={amount}
            action={c.req.path}
            state={state}
            brazil={refund.currency === 'BRL'}
          />
        );
        return new Response(`<!doctype html>${await page.toString()}`, { status, headers: headers(nonce) });
      };
      const invalid = bankText(locale, 'invalid');
      const parsed = BankAccountForm.safeParse(values);
      const errors: Record<string, string> = {};
      if (!parsed.success) for (const i of parsed.error.issues) errors[String(i.path[0])] = invalid;
      const document = normalizeDocument(values.holder_document ?? '');
      if (refund.currency === 'BRL') {
        if (!classifyBrDocument(document)) errors.holder_document = invalid;
        if (!/^\d{3}$/.test(values.bank_code ?? '')) errors.bank_code = invalid;
        if (!values.agency) errors.agency = invalid;
      }
      if (!parsed.success || Object.keys(errors).length > 0) {
        return render({ kind: 'form', values, errors, alert: invalid }, 422);
      }
      const a = parsed.data;
      const outcome = await sessionOf(c, refund.sessionId).updateRefund({
        sessionId: refund.sessionId,
        refundId: refund.id,
        action: {
          kind: 'bank_account',
          account: {
            holderName: a.holder_name,
            holderDocument: document,
            // A CLABE's first three digits are its bank's code.
            bankCode: a.bank_code || (refund.currency === 'MXN' ? a.account.slice(0, 3) : ''),
            agency: a.agency ?? '',
            account: a.account,
            accountDigit: a.account_digit,
            accountType: a.account_type,
          },
        },
      });
      if (outcome.ok) return render({ kind: 'done' }, 200);
      if (outcome.code === 'validation_failed') {
        const message = bankText(locale, 'document_mismatch');
        return render({ kind: 'form', values, errors: { holder_document: message }, alert: message }, 422);
      }
      return render({ kind: 'closed' }, 409);
    },
  );
