import { Hono } from 'hono';
import type { PaymentRow } from '../../db/schema';
import { normalizeDocument } from '../../domain/documents';
import { CreateSession } from '../../features/sessions/schema';
import { createSession } from '../../features/sessions/service';
import { jsonBody, validate } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { ApiError, fieldError, refusalError } from '../../http/errors';
import { merchantCtx, sessionOf } from '../../http/service-ctx';
import { isoUtc } from '../../lib/time';
import { openTransaction } from '../pix-direct-transactions';
import { PixDirectCreated, PixDirectList, PixDirectPayment } from '../responses';
import { centsText, seed003Settings, seed003Values } from './money';
import { META, paymentObject } from './payload';
import { ListQuery, MAX_TRANSACTION_ID, Seed003CreatePayment } from './schema';
import { type DirectPayment, directPayment, directPayments, SEED003 } from './store';

function amountCents(value: number | string): bigint {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw fieldError('amount', 'invalid_amount', 'must be a decimal(10,2) with a dot, e.g. 300.10');
  const cents = BigInt(`${match[1]}${(match[2] ?? '').padEnd(2, '0')}`);
  if (cents < 200n) throw fieldError('amount', 'too_small', 'must be at least 2');
  return cents;
}

/** Canonical field names in errors, renamed to the seed 003 field the merchant actually sent. */
const FIELD_NAMES: Record<string, string> = {
  merchant_order_id: 'transaction.id',
  notification_url: 'callback',
  expires_in: 'pix.expire_in',
  'customer.name': 'name',
  'customer.email': 'email',
  'customer.document': 'document',
};

async function inDialect<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof ApiError) || !err.errors) throw err;
    const errors = err.errors.map((e) => ({ ...e, field: FIELD_NAMES[e.field] ?? e.field }));
    const detail = errors.length === 1 ? `${errors[0]?.field}: ${errors[0]?.message}` : err.message;
    throw new ApiError(err.code, detail, { errors, extra: err.extra });
  }
}

const ACCOUNT_OPERATION: Record<string, string> = {
  checking: 'current account',
  savings: 'saving account',
  // A payment account (conta de pagamento) is used like a current account for deposits.
  payment: 'current account',
};

function methodBlock(payment: PaymentRow, merchantName: string) {
  const { pix, bank_transfer: bank } = payment.details;
  if (pix) {
    // The BR Code is both what the QR image encodes and the "copia e cola" text.
    return { pix: { qrcode: pix.payload, reference: pix.payload, beneficiary: merchantName } };
  }
  if (bank) {
    return {
      bank: {
        name: bank.bank_name,
        code: bank.bank_code,
        // "Agency number with verification digit", where the bank has one.
        agency: bank.agency_digit ? `${bank.agency}-${bank.agency_digit}` : bank.agency,
        account: bank.account_digit ? `${bank.account}-${bank.account_digit}` : bank.account,
        account_operation: ACCOUNT_OPERATION[bank.account_type] ?? 'current account',
        document: bank.document,
        beneficiary: bank.beneficiary,
      },
    };
  }
  return {};
}

const view = (r: DirectPayment) => paymentObject(r.payment, r);

/**
 * Seed 003's direct payments API over the canonical model: a payment is a session (dialect seed003)
 * paid at once through its SessionDO, so routing, events, webhooks and the canonical API all apply.
 */
export const seed003Routes = new Hono<AppEnv>()
  .post(
    '/payment',
    contract({
      operationId: 'pixDirectCreatePayment',
      summary: 'Create a direct PIX or bank-transfer payment, no hosted page',
      tag: 'Dialect: direct PIX / transfer',
      auth: 'secretKey',
      body: Seed003CreatePayment,
      idempotent: true,
      ok: {
        201: { description: 'The payment, its values and its PIX or bank block', schema: PixDirectCreated },
      },
      errors: ['validation_failed', 'order_has_open_session', 'no_gateway', 'invalid_api_key'],
    }),
    async (c) => {
      const input = jsonBody(c, Seed003CreatePayment);
      const ctx = merchantCtx(c);
      if (input.transaction.id.length > MAX_TRANSACTION_ID) {
        throw fieldError(
          'transaction.id',
          'too_big',
          `Borda keeps at most ${MAX_TRANSACTION_ID} characters.`,
        );
      }
      const cents = amountCents(input.amount);
      const settings = seed003Settings(c.get('platform').config.pixDirect, ctx.mode);
      if (input.currency === 'USD' && !settings.rate) {
        throw fieldError('currency', 'conversion_unavailable', 'No USD to BRL rate is configured; send BRL.');
      }
      const values = seed003Values(cents, input.currency, settings);
      const customer = { name: input.name, email: input.email, document: normalizeDocument(input.document) };
      const metadata: Record<string, string> = {
        [META.customerId]: input.customer_id,
        [META.amount]: centsText(cents),
        [META.currency]: input.currency,
        // createSession stamps the session with ctx.now too; webhooks read this copy (they see no row).
        [META.createdAt]: isoUtc(ctx.now),
      };
      if (input.branch) metadata[META.branch] = input.branch;
      const canonical = await inDialect(() =>
        validate(CreateSession, {
          amount: Number(values.totalCents),
          currency: 'BRL',
          country: 'BRA',
          merchant_order_id: input.transaction.id,
          payment_method: input.payment_method,
          expires_in: input.pix?.expire_in ?? 1800,
          customer,
          notification_url: input.callback,
          metadata,
        }),
      );
      const session = await openTransaction(ctx, input.transaction.id, () =>
        inDialect(() => createSession({ ctx, input: canonical, dialect: SEED003 })),
      );
      const outcome = await sessionOf(c, session.id).pay({
        sessionId: session.id,
        method: input.payment_method,
        customer,
      });
      if (!outcome.ok) {
        // Nobody can pay this session another way (there is no hosted page): end it so the order id is free.
        await ctx.transition({ sessionId: session.id, to: 'canceled', now: Date.now() });
        throw refusalError(outcome);
      }
      const { payment } = outcome;
      return c.json(
        {
          id: payment.id,
          status: paymentObject(payment, session).status,
          payment: { method: payment.method },
          values: {
            total: centsText(values.totalCents),
            subtotal: centsText(values.subtotalCents),
            exchange: values.exchange,
            fee: centsText(values.feeCents),
          },
          ...methodBlock(payment, ctx.merchant.name),
        },
        201,
      );
    },
  )
  .get(
    '/payment/:id',
    contract({
      operationId: 'pixDirectGetPayment',
      summary: 'Retrieve a direct payment',
      tag: 'Dialect: direct PIX / transfer',
      auth: 'secretKey',
      ok: { 200: { description: 'The payment', schema: PixDirectPayment } },
      errors: ['not_found', 'invalid_api_key'],
    }),
    async (c) => {
      const ctx = merchantCtx(c);
      const row = await directPayment(ctx, c.req.param('id'));
      if (!row) throw new ApiError('not_found', 'No such payment.');
      return c.json(view(row));
    },
  )
  .get(
    '/payments',
    contract({
      operationId: 'pixDirectListPayments',
      summary: 'List direct payments: limit 1-40, page, sort=field,(asc|desc), time range, transaction ids',
      tag: 'Dialect: direct PIX / transfer',
      auth: 'secretKey',
      query: ListQuery,
      ok: { 200: { description: 'A page of payments', schema: PixDirectList } },
      errors: ['validation_failed', 'invalid_api_key'],
    }),
    async (c) => {
      const q = await inDialect(() => validate(ListQuery, c.req.query()));
      const ctx = merchantCtx(c);
      const rows = await directPayments(ctx, q);
      return c.json({
        data: rows.slice(0, q.limit).map((r) => {
          const { method, created_at, updated_at, refunded, ...item } = view(r);
          // The list names the method `payment_method`, where GET /v1/payment/{id} says `method`.
          return { ...item, payment_method: method, created_at, updated_at, refunded };
        }),
        page: q.page,
        limit: q.limit,
        has_more: rows.length > q.limit,
      });
    },
  );
