import { Hono } from 'hono';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { merchantCtx } from '../../http/service-ctx';
import {
  CreateGatewayAccount,
  DeletedGatewayAccount,
  GatewayAccount,
  GatewayAccountList,
  UpdateGatewayAccount,
} from './schema';
import {
  catalog,
  coverageView,
  createGatewayAccount,
  deleteGatewayAccount,
  listGatewayAccounts,
  updateGatewayAccount,
} from './service';

/** The merchant's gateway accounts for the key's mode: credentials go in, never come out. */
export const gatewaysRoutes = new Hono<AppEnv>()
  .get(
    '/',
    contract({
      operationId: 'listGatewayAccounts',
      summary: "List the gateways Borda knows and this mode's gateway accounts",
      tag: 'Gateways',
      auth: 'secretKey',
      ok: { 200: { description: 'The catalog and the accounts', schema: GatewayAccountList } },
      errors: ['invalid_api_key'],
    }),
    async (c) =>
      c.json({
        object: 'list',
        gateways: catalog(),
        coverage: coverageView(),
        data: await listGatewayAccounts(merchantCtx(c)),
      }),
  )
  .post(
    '/',
    contract({
      operationId: 'createGatewayAccount',
      summary: 'Connect a gateway account (credentials stored sealed, never shown again)',
      tag: 'Gateways',
      auth: 'secretKey',
      body: CreateGatewayAccount,
      idempotent: true,
      ok: { 201: { description: 'The account', schema: GatewayAccount } },
      errors: ['validation_failed', 'gateway_unavailable', 'gateway_account_exists', 'invalid_api_key'],
    }),
    async (c) => {
      const input = jsonBody(c, CreateGatewayAccount);
      return c.json(await createGatewayAccount({ ctx: merchantCtx(c), input }), 201);
    },
  )
  .patch(
    '/:id',
    contract({
      operationId: 'updateGatewayAccount',
      summary: "Change a gateway account's priority, rules, credentials or state",
      tag: 'Gateways',
      auth: 'secretKey',
      body: UpdateGatewayAccount,
      ok: { 200: { description: 'The account', schema: GatewayAccount } },
      errors: ['validation_failed', 'not_found', 'invalid_api_key'],
    }),
    async (c) => {
      const input = jsonBody(c, UpdateGatewayAccount);
      return c.json(
        await updateGatewayAccount({
          ctx: merchantCtx(c),
          id: c.req.param('id'),
          input,
        }),
      );
    },
  )
  .delete(
    '/:id',
    contract({
      operationId: 'deleteGatewayAccount',
      summary: 'Remove a gateway account',
      tag: 'Gateways',
      auth: 'secretKey',
      ok: { 200: { description: 'Deleted', schema: DeletedGatewayAccount } },
      errors: ['not_found', 'invalid_api_key'],
    }),
    async (c) => c.json(await deleteGatewayAccount(merchantCtx(c), c.req.param('id'))),
  );
