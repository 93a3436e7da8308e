import type { z } from 'zod';
import { CreatedMerchant, CreateMerchant } from '../api/admin/schema';
import { Seed000Checkout } from '../api/compat/seed000';
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
    method: 'post',
    path: '/api/v1/checkout',
    operationId: 'seed000CreateCheckout',
    summary: 'Create a checkout session, S-Interio Cashier dialect (seed 000)',
    tag: 'Compatibility: seed 000',
    security: 'secretKey',
    body: Seed000Checkout,
    idempotent: true,
    responses: { 201: { description: '{success, session_id, checkout_url, expires_at}' } },
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
];
