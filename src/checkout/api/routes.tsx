import { Hono } from 'hono';
import { LIVE_BASE_HEADER, LIVE_SESSION_HEADER } from '../../core/session/live-status';
import type { GatewayAccountRow } from '../../db/schema';
import { customerDocument } from '../../domain/customer-document';
import { classifyBrDocument, normalizeDocument } from '../../domain/documents';
import { interleaved2of5Svg } from '../../domain/itf';
import type { Currency } from '../../domain/money';
import { simulatedEndToEnd } from '../../features/payments/service';
import { sandboxAccount } from '../../gateways/sandbox/async-methods';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { ApiError, fieldError, refusalError } from '../../http/errors';
import { rawBody } from '../../http/middleware';
import { assertSameSiteOrAllowed, corsHeaders } from '../../http/origin';
import { fillNonce, newNonce, pageHeaders } from '../../http/page-headers';
import { baseUrlOf } from '../../http/problem';
import { sessionOf } from '../../http/service-ctx';
import { pickLocale } from '../i18n';
import { BoletoPage } from '../page/boleto-page';
import { qrSvg } from '../qr';
import { latestDetail, sessionToken, svg } from './artifacts';
import { type CheckoutContext, loadForPath, loadForPayment, redirectUrl } from './load';
import {
  ClientOutcome,
  ClientPaymentResult,
  ClientSession,
  ClientStatus,
  CreateClientPayment,
  SimulateOutcome,
} from './schema';
import { clientPaymentView, clientSessionView } from './view';

type ClientEnv = AppEnv & { Variables: { checkout: CheckoutContext; accounts?: GatewayAccountRow[] } };

/**
 * The client checkout API, authorized by the session token in the path (no secret key). Used by
 * the hosted page, the embeddable widget and mobile webviews.
 */
export const clientRoutes = new Hono<ClientEnv>()
  // The live status comes from the session's Durable Object, not D1: registered before the
  // middleware below, which reads D1, so a poll or a push never touches the database.
  .get(
    '/:token/status',
    contract({
      operationId: 'getClientStatus',
      summary:
        "The session's status from its SessionDO (no database read): the polling fallback of the live push",
      tag: 'Client API (checkout page)',
      auth: 'customer',
      ok: { 200: { description: 'The status', schema: ClientStatus } },
      errors: ['not_found'],
    }),
    async (c) => {
      const token = sessionToken(c.req.param('token'));
      const read = await sessionOf(c, token).status({ sessionId: token, baseUrl: baseUrlOf(c) });
      if (!read) throw new ApiError('not_found', 'No such checkout session.');
      c.header('cache-control', 'no-store');
      for (const [k, v] of Object.entries(corsHeaders(c, read.allowedOrigins))) c.header(k, v);
      return c.json(read.view);
    },
  )
  .get(
    '/:token/live',
    contract({
      operationId: 'liveClientStatus',
      summary: 'A WebSocket over which the SessionDO pushes every status change to the open page',
      tag: 'Client API (checkout page)',
      auth: 'customer',
      ok: { 101: { description: 'Switching to the WebSocket protocol' } },
      errors: ['not_found', 'forbidden'],
    }),
    async (c) => {
      const token = sessionToken(c.req.param('token'));
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        throw new ApiError('invalid_request', 'This endpoint takes a WebSocket upgrade.');
      }
      // Only Borda's own pages subscribe (the hosted page, also when the widget frames it).
      const origin = c.req.header('origin');
      if (origin && origin !== new URL(c.req.url).origin && origin !== baseUrlOf(c)) {
        throw new ApiError('forbidden', 'Cross-origin subscriptions are not allowed.');
      }
      const headers = new Headers(c.req.raw.headers);
      headers.set(LIVE_SESSION_HEADER, token);
      headers.set(LIVE_BASE_HEADER, baseUrlOf(c));
      const res = await sessionOf(c, token).fetch(new Request(c.req.url, { headers }));
      // A copy with mutable headers: the app's middleware adds its own (the request id) on the way out.
      return new Response(res.body, {
        status: res.status,
        headers: new Headers(res.headers),
        webSocket: res.webSocket,
      });
    },
  )
  .use('/:token/*', async (c, next) => {
    const token = c.req.param('token') ?? '';
    // A payment also needs the merchant's gateway accounts: read in the same statement as the session.
    const paying = c.req.method === 'POST' && c.req.path.endsWith('/payments');
    const { checkout, accounts } = paying
      ? await loadForPayment(c.get('db'), token)
      : { checkout: await loadForPath(c.get('db'), token, c.req.path), accounts: undefined };
    c.set('checkout', checkout);
    c.set('accounts', accounts);
    if (c.req.method === 'POST') assertSameSiteOrAllowed(c, checkout.merchant.allowedOrigins);
    await next();
    for (const [k, v] of Object.entries(corsHeaders(c, checkout.merchant.allowedOrigins)))
      c.res.headers.set(k, v);
  })
  // CORS preflight for the embedded widget (not an operation of its own).
  .options('/:token/*', (c) => c.body(null, 204))
  .get(
    '/:token',
    contract({
      operationId: 'getClientSession',
      summary: 'The session as the checkout page shows it: methods, amounts, plans',
      tag: 'Client API (checkout page)',
      auth: 'customer',
      ok: { 200: { description: 'The session', schema: ClientSession } },
      errors: ['not_found'],
    }),
    (c) => c.json(clientSessionView(c.get('checkout'), Date.now())),
  )
  .post(
    '/:token/payments',
    contract({
      operationId: 'createClientPayment',
      summary: 'Pay: the method, the customer and, for cards, the card (never stored)',
      tag: 'Client API (checkout page)',
      auth: 'customer',
      body: CreateClientPayment,
      ok: { 201: { description: 'The payment attempt and what to show', schema: ClientPaymentResult } },
      errors: [
        'validation_failed',
        'method_not_available',
        'payment_in_progress',
        'session_paid',
        'session_expired',
        'session_canceled',
        'not_found',
      ],
    }),
    rawBody,
    async (c) => {
      const { session, merchant } = c.get('checkout');
      const input = jsonBody(c, CreateClientPayment);
      const customer = { ...input.customer };
      const doc = customerDocument(session.country, session.currency);
      if (doc?.kind === 'cpf_cnpj') {
        const document = normalizeDocument(customer.document ?? '');
        if (!document) throw fieldError('customer.document', 'required', 'A CPF or CNPJ is required.');
        if (!classifyBrDocument(document))
          throw fieldError('customer.document', 'invalid_document', 'is not a valid CPF or CNPJ.');
        customer.document = document;
      } else if (customer.document !== undefined) {
        // Elsewhere the page asks only for local methods; what is given must at least look like an id.
        const document = customer.document.replace(/[.\-/\s]/g, '').toUpperCase();
        if (!/^[0-9A-Z]{5,20}$/.test(document))
          throw fieldError('customer.document', 'invalid_document', 'is not a valid identity document.');
        customer.document = document;
      }
      const { allowedOrigins: _origins, brandColor: _colour, logo: _logo, ...merchantInfo } = merchant;
      const outcome = await sessionOf(c, session.id).pay({
        sessionId: session.id,
        hint: {
          session,
          merchant: merchantInfo,
          accounts: c.get('accounts'),
        },
        method: input.method,
        customer,
        card: input.card,
        bank: input.bank,
        // The address the customer paid from: some gateways require it for bank debits (PSE) and antifraud.
        customerIp: c.req.header('cf-connecting-ip') ?? undefined,
        returnUrl: session.checkoutUrl,
        installments: input.installments,
      });
      if (!outcome.ok) throw refusalError(outcome);
      const locale = pickLocale(session.locale, session.country);
      const payment = clientPaymentView(outcome.payment, locale, baseUrlOf(c));
      return c.json(
        { payment, status: outcome.session.status, redirect_url: redirectUrl(outcome.session) },
        201,
      );
    },
  )
  .post(
    '/:token/cancel',
    contract({
      operationId: 'cancelClientSession',
      summary: 'The customer gives up: the session is canceled and the cancel_url returned',
      tag: 'Client API (checkout page)',
      auth: 'customer',
      ok: { 200: { description: 'Where to go next', schema: ClientOutcome } },
      errors: ['invalid_state_transition', 'not_found'],
    }),
    async (c) => {
      const { session } = c.get('checkout');
      const outcome = await sessionOf(c, session.id).transition({
        sessionId: session.id,
        to: 'canceled',
      });
      if (!outcome.ok) throw refusalError(outcome);
      return c.json({ status: outcome.session.status, redirect_url: redirectUrl(outcome.session) });
    },
  )
  .post(
    '/:token/simulate',
    contract({
      operationId: 'simulateClientPayment',
      summary: 'Test mode: settle the pending payment as its gateway would',
      tag: 'Client API (checkout page)',
      auth: 'customer',
      body: SimulateOutcome,
      ok: { 200: { description: 'Where to go next', schema: ClientOutcome } },
      errors: ['forbidden', 'invalid_state_transition', 'not_found'],
    }),
    rawBody,
    async (c) => {
      const { session, payment } = c.get('checkout');
      if (session.mode !== 'test')
        throw new ApiError('forbidden', 'Payments can only be simulated in test mode.');
      const { outcome } = jsonBody(c, SimulateOutcome);
      if (payment?.status !== 'pending')
        throw new ApiError('invalid_state_transition', 'There is no pending payment to settle.');
      const result = await sessionOf(c, session.id).settle({
        sessionId: session.id,
        paymentId: payment.id,
        outcome,
        ...simulatedEndToEnd(payment, outcome, Date.now()),
      });
      if (!result.ok) throw refusalError(result);
      return c.json({ status: result.session.status, redirect_url: redirectUrl(result.session) });
    },
  )
  .get(
    '/:token/payments/:paymentId/barcode.svg',
    contract({
      operationId: 'boletoBarcode',
      summary: "A boleto's ITF barcode as SVG",
      tag: 'Client API (checkout page)',
      auth: 'customer',
      ok: { 200: { description: 'SVG image' } },
      errors: ['not_found'],
    }),
    (c) =>
      svg(c, interleaved2of5Svg(latestDetail(c.get('checkout'), c.req.param('paymentId'), 'boleto').barcode)),
  )
  .get(
    '/:token/payments/:paymentId/boleto',
    contract({
      operationId: 'boletoPrintPage',
      summary: 'The printable boleto (HTML)',
      tag: 'Client API (checkout page)',
      auth: 'customer',
      ok: { 200: { description: 'HTML page' } },
      errors: ['not_found'],
    }),
    async (c) => {
      const checkout = c.get('checkout');
      const { session, merchant } = checkout;
      const boleto = latestDetail(checkout, c.req.param('paymentId'), 'boleto');
      const payment = checkout.payment as NonNullable<CheckoutContext['payment']>;
      const page = (
        <BoletoPage
          boleto={boleto}
          amount={payment.amount}
          currency={payment.currency as Currency}
          locale={pickLocale(session.locale, session.country)}
          beneficiary={{
            name: merchant.name,
            // The account the boleto credits: the merchant's own, else (test mode) the sandbox's.
            document:
              (merchant.bankAccounts[0] ?? (session.mode === 'test' ? sandboxAccount(merchant.name) : null))
                ?.document ?? null,
          }}
          payer={payment.customer}
        />
      );
      const nonce = newNonce();
      const html = fillNonce(`<!doctype html>${await page.toString()}`, nonce);
      return new Response(html, { headers: pageHeaders(nonce, []) });
    },
  )
  .get(
    '/:token/payments/:paymentId/qr.svg',
    contract({
      operationId: 'pixQrCode',
      summary: "A PIX payment's QR code as SVG",
      tag: 'Client API (checkout page)',
      auth: 'customer',
      ok: { 200: { description: 'SVG image' } },
      errors: ['not_found'],
    }),
    (c) => svg(c, qrSvg(latestDetail(c.get('checkout'), c.req.param('paymentId'), 'pix').payload)),
  );
