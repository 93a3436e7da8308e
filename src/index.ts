// The dialects' webhook bodies register with the sender before any event is shaped.
import './dialects/payloads';
import './checkout/live-source';
import { buildApp } from './http/app';
import { runCron } from './jobs/cron';
import { platform } from './platform/platform';
import { handleQueue } from './queue';

export { SessionDO } from './core/session/session-do';

const app = buildApp();

export default {
  fetch: app.fetch,
  queue: (batch, env, _ctx) => handleQueue(batch, env),
  scheduled: (controller, env, ctx) => ctx.waitUntil(runCron(platform(env), controller.scheduledTime)),
} satisfies ExportedHandler<Env>;
