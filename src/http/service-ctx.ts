import type { Context } from 'hono';
import type { MerchantCtx, ServiceCtx } from '../features/context';
import { sessionStub } from '../platform/session';
import type { AppEnv } from './context';
import { baseUrlOf } from './problem';

export function serviceCtx(c: Context<AppEnv>): ServiceCtx {
  return {
    db: c.get('db'),
    now: Date.now(),
    baseUrl: baseUrlOf(c),
    allowLoopbackUrls: c.env.ALLOW_LOOPBACK_URLS === 'true',
    transition: (cmd) => sessionStub(c.env, cmd.sessionId).transition(cmd),
  };
}

export function merchantCtx(c: Context<AppEnv>): MerchantCtx {
  return { ...serviceCtx(c), merchant: c.get('merchant'), mode: c.get('mode') };
}
