import type * as z from 'zod';
import type { z } from 'zod';
import { CreatedMerchant, CreatedMerchant, CreateMerchant, CreateMerchant, InvitePanelUser } from '../api/admin/schema';
import { Seed000Checkout } from '../api/compat/seed000';
import { Seed002CheckoutSession } from '../api/compat/seed002';
import { Seed003CreatePayment } from '../api/compat/seed003';
import { Seed004CreateOrder } from '../api/compat/seed004-schema';
import { SimulatePayment } from '../api/payments/schema';
import { CreateRefund, RefundObject, SimulateRefund } from '../api/refunds/schema';
import { CustomerNotificationList } from '../api/sessions/notifications-schema';
import {
  CheckoutSession,
  CheckoutSessionList,
  CreateSession,
  ListSessionsQuery,
} from '../api/sessions/schema';

/**
 * Every documented operation, pointing at the zod schemas the handlers validate with, so the
 * OpenAPI document cannot drift from validation.
 */
export type Operation = {
  method: 'get' | 'post' | 'patch';
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  security: 'secretKey' | 'adminToken' | 'none';
  query?: z.ZodObject;
  body?: z.ZodType;
  idempotent?: boolean;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
};

const TOKEN_PARAM = '{token}';

export const OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/api/v1/checkout/sessions',
    operationId: 'createCheckoutSession',
    summary: 'Create a checkout session',
    tag: 'Checkout sessions',
    security: 'secretKey',
    body: CreateSession,
    idempotent: true,
    responses: {
      201: { description: 'Checkout session created', schema: CheckoutSession },
      409: { description: 'The order already has an open or paid session (the problem carries its `token`)' },
      422: { description: 'Invalid fields' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/checkout/sessions',
    operationId: 'listCheckoutSessions',
    summary: 'List checkout sessions, newest first',
    tag: 'Checkout sessions',
    security: 'secretKey',
    query: ListSessionsQuery,
    responses: { 200: { description: 'A page of sessions', schema: CheckoutSessionList } },
  },
  {
    method: 'get',
    path: `/api/v1/checkout/sessions/${TOKEN_PARAM}`,
    operationId: 'getCheckoutSession',
    summary: 'Retrieve a checkout session',
    tag: 'Checkout sessions',
    security: 'secretKey',
    responses: {
      200: { description: 'The session', schema: CheckoutSession },
      404: { description: 'Not found' },
    },
  },
  {
    method: 'post',
    path: `/api/v1/checkout/sessions/${TOKEN_PARAM}/expire`,
    operationId: 'expireCheckoutSession',
    summary: 'Expire an open or pending session now',
    tag: 'Checkout sessions',
    security: 'secretKey',
    idempotent: true,
    responses: {
      200: { description: 'The expired session', schema: CheckoutSession },
      409: { description: 'The session is already paid, expired or canceled' },
    },
  },
  {
    method: 'get',
    path: `/api/v1/checkout/sessions/${TOKEN_PARAM}/notifications`,
    operationId: 'listSessionNotifications',
    summary: "The messages sent to the session's customer (e-mail, SMS), with attempts and provider ids",
    tag: 'Checkout sessions',
    security: 'secretKey',
    responses: { 200: { description: 'Oldest first', schema: CustomerNotificationList } },
  },
  {
    method: 'post',
    path: '/api/v1/payments/{id}/refunds',
    operationId: 'createRefund',
    summary:
      'Refund a paid payment, in full (no amount) or in part; events refund.created, refund.succeeded | refund.failed, payment.refunded',
    tag: 'Refunds',
    security: 'secretKey',
    body: CreateRefund,
    idempotent: true,
    responses: {
      201: {
        description:
          "The refund: succeeded (card), pending (PIX devolução, until the gateway settles it), failed, or requires_action (boleto, transfers, vouchers: next_action.url is the customer's bank-details page)",
        schema: RefundObject,
      },
      409: {
        description:
          'payment_not_refundable (not paid, or nothing left) or refund_window_closed (PIX after 90 days)',
      },
      422: {
        description: 'validation_failed; `amount` with code refund_exceeds_refundable when more than is left',
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/refunds/{id}',
    operationId: 'getRefund',
    summary: 'Retrieve a refund (a transfer waiting on you shows the bank account to send it to)',
    tag: 'Refunds',
    security: 'secretKey',
    responses: {
      200: { description: 'The refund', schema: RefundObject },
      404: { description: 'Not found' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/refunds/{id}/confirm',
    operationId: 'confirmRefund',
    summary: 'Confirm you sent a requires_action refund yourself (it becomes succeeded)',
    tag: 'Refunds',
    security: 'secretKey',
    idempotent: true,
    responses: {
      200: { description: 'The succeeded refund', schema: RefundObject },
      409: { description: 'invalid_refund_transition: the refund is not waiting for a transfer' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/refunds/{id}/cancel',
    operationId: 'cancelRefund',
    summary: 'Withdraw a refund still waiting for action; its amount can be refunded again',
    tag: 'Refunds',
    security: 'secretKey',
    idempotent: true,
    responses: {
      200: { description: 'The canceled refund', schema: RefundObject },
      409: { description: 'invalid_refund_transition' },
    },
  },
  {
    method: 'post',
    path: '/api/v1/test/refunds/{id}/simulate',
    operationId: 'simulateRefund',
    summary: 'Test keys: the gateway settles a pending refund (succeeded or failed)',
    tag: 'Refunds',
    security: 'secretKey',
    body: SimulateRefund,
    responses: { 200: { description: 'The refund', schema: RefundObject }, 403: { description: 'Live key' } },
  },
  {
    method: 'post',
    path: '/api/v1/payments/{id}/accept',
    operationId: 'acceptPayment',
    summary:
      'Keep a held late, duplicate or overpaid payment (events payment.late / payment.duplicate / payment.amount_mismatch announced it); completes its session if unpaid',
    tag: 'Unexpected money',
    security: 'secretKey',
    idempotent: true,
    responses: {
      200: { description: 'The payment, settlement.resolution accepted' },
      409: {
        description: 'payment_not_held, or amount_insufficient (an underpayment never completes a session)',
      },
    },
  },
  {
    method: 'post',
    path: '/api/v1/test/payments/{id}/simulate',
    operationId: 'simulatePayment',
    summary: 'Test keys: settle a pending payment as its gateway would; amount/currency say what arrived',
    tag: 'Unexpected money',
    security: 'secretKey',
    body: SimulatePayment,
    responses: { 200: { description: 'The payment' }, 403: { description: 'Live key' } },
  },
  {
    method: 'post',
    path: '/api/v1/checkout',
    operationId: 'seed000CreateCheckout',
    summary: 'Create a checkout session, S-Interio Cashier dialect',
    tag: 'Compatibility: S-Interio Cashier',
    security: 'secretKey',
    body: Seed000Checkout,
    idempotent: true,
    responses: { 201: { description: '{success, session_id, checkout_url, expires_at}' } },
  },
  {
    method: 'post',
    path: '/v1/checkout_sessions',
    operationId: 'seed002CreateCheckoutSession',
    summary: 'Create a checkout session, Fintoc dialect; Authorization: sk_...',
    tag: 'Compatibility: Fintoc',
    security: 'secretKey',
    body: Seed002CheckoutSession,
    idempotent: true,
    responses: { 201: { description: "Seed 002's checkout_session object with its session_token" } },
  },
  {
    method: 'post',
    path: '/v1/payment',
    operationId: 'seed003CreatePayment',
    summary: 'Create a direct PIX or bank-transfer payment (direct PIX API), no hosted page',
    tag: 'Compatibility: direct PIX API',
    security: 'secretKey',
    body: Seed003CreatePayment,
    idempotent: true,
    responses: { 201: { description: 'The payment with values and its pix or bank block' } },
  },
  {
    method: 'get',
    path: '/v1/payment/{id}',
    operationId: 'seed003GetPayment',
    summary: 'Retrieve a direct payment (direct PIX API)',
    tag: 'Compatibility: direct PIX API',
    security: 'secretKey',
    responses: { 200: { description: 'The payment' } },
  },
  {
    method: 'get',
    path: '/v1/payments',
    operationId: 'seed003ListPayments',
    summary:
      'List direct payments (direct PIX API): limit 1-40, page, sort=field,(asc|desc), time range, ids',
    tag: 'Compatibility: direct PIX API',
    security: 'secretKey',
    responses: { 200: { description: '{data, page, limit, has_more}' } },
  },
  {
    method: 'post',
    path: '/checkout/orders',
    operationId: 'seed004CreateOrder',
    summary: 'Create or update an order by merchant_key, Southpayments orders dialect',
    tag: 'Compatibility: Southpayments orders',
    security: 'secretKey',
    body: Seed004CreateOrder,
    idempotent: true,
    responses: {
      201: { description: 'The order, created' },
      200: { description: 'The order, updated while still payable (a new session with the new amount)' },
    },
  },
  {
    method: 'post',
    path: '/admin/v1/merchants',
    operationId: 'createMerchant',
    summary: 'Create a merchant with its keys (operator only)',
    tag: 'Admin',
    security: 'adminToken',
    body: CreateMerchant,
    responses: {
      201: { description: 'The merchant and its keys, shown only once', schema: CreatedMerchant },
    },
  },
  {
    method: 'post',
    path: '/admin/v1/merchants/{id}/users',
    operationId: 'invitePanelUser',
    summary: 'Invite a user to the merchant panel; the answer holds the one-time invite_url (operator only)',
    tag: 'Admin',
    security: 'adminToken',
    body: InvitePanelUser,
    responses: {
      201: { description: 'The invite, with its one-time invite_url (valid 3 days)' },
    },
  },
];
