// The dialects' webhook bodies register with the sender before any event is shaped.
import './dialects/payloads';
import './checkout/live-source';
import { buildApp } from './http/app';
import { runCron } from './jobs/cron';
import { platform } from './platform/platform';
import { handleQueue } from './queue';
import { ALL_PARTS } from './workers/all-parts';

export { SessionDO } from './core/session/session-do';

/**
 * Borda as one Worker (wrangler.toml): every route, the SessionDO, the queues and the cron. The runtime
 * tests run this build; `npm start` and production run the same parts as three Workers (src/workers/).
 */
const app = buildApp(ALL_PARTS);

export default {
  fetch: app.fetch,
  queue: (batch, env, _ctx) => handleQueue(batch, env),
  scheduled: (controller, env, ctx) => ctx.waitUntil(runCron(platform(env), controller.scheduledTime)),
} satisfies ExportedHandler<Env>;
