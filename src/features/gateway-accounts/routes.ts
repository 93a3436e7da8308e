import { Hono } from 'hono';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { merchantCtx } from '../../http/service-ctx';
import { DeletedGatewayAccount, GatewayAccountList } from './schema';
import { catalog, coverageView, deleteGatewayAccount, listGatewayAccounts } from './service';

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
