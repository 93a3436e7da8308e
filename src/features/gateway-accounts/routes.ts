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
  .get('/', async (c) =>
    c.json({
      object: 'list',
      gateways: catalog(),
      coverage: coverageView(),
      data: await listGatewayAccounts(merchantCtx(c)),
    }),
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
