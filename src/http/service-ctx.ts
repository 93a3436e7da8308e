import type { Context } from 'hono';
import type { MerchantCtx, ServiceCtx } from '../features/context';
import type { AppEnv } from './context';
import { baseUrlOf } from './problem';

/** Typed calls into one session's Durable Object, for a route. */
export function sessionOf(c: Context, sessionId: string) {
  return c.get('platform').session(sessionId);
}

export function serviceCtx(c: Context<AppEnv>): ServiceCtx {
  const platform = c.get('platform');
  return {
    db: c.get('db'),
    now: Date.now(),
    baseUrl: baseUrlOf(c),
    allowLoopbackUrls: platform.config.allowLoopbackUrls,
    transition: (cmd) => platform.session(cmd.sessionId).transition(cmd),
    session: platform.session,
    secrets: platform.secrets,
    queues: platform.queues,
  };
}

export function merchantCtx(c: Context<AppEnv>): MerchantCtx {
  return { ...serviceCtx(c), merchant: c.get('merchant'), mode: c.get('mode') };
}
