import { Hono } from 'hono';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { merchantCtx } from '../../http/service-ctx';
import { CreateGatewayAccount, UpdateGatewayAccount } from './schema';
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
  .post('/', async (c) => {
    const input = jsonBody(c, CreateGatewayAccount);
    return c.json(await createGatewayAccount({ ctx: merchantCtx(c), input, key: c.env.ENCRYPTION_KEY }), 201);
  })
  .patch('/:id', async (c) => {
    const input = jsonBody(c, UpdateGatewayAccount);
    return c.json(
      await updateGatewayAccount({
        ctx: merchantCtx(c),
        id: c.req.param('id'),
        input,
        key: c.env.ENCRYPTION_KEY,
      }),
    );
  })
  .delete('/:id', async (c) => c.json(await deleteGatewayAccount(merchantCtx(c), c.req.param('id'))));
