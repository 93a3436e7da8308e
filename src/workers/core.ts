// The dialects' webhook bodies register with the sender before any event is shaped.
import '../dialects/payloads';
import '../checkout/live-source';
import { WorkerEntrypoint } from 'cloudflare:workers';
import { buildApp } from '../http/app';
import { runCron } from '../jobs/cron';
import { platform } from '../platform/platform';
import { handleQueue } from '../queue';
import { corePart } from './core-part';

export { SessionDO } from '../core/session/session-do';

const app = buildApp([corePart]);

/** The cron, called by the edge Worker when `wrangler dev` is asked for `/__scheduled` (see edge.ts). */
export class CronEntrypoint extends WorkerEntrypoint<Env> {
  run(scheduledTime: number): Promise<void> {
    return runCron(platform(this.env), scheduledTime);
  }
}

/**
 * The core Worker: every SessionDO (payments, refunds, the gateways they call), the queue consumers
 * (webhooks, customer messages, jobs), the cron, and gateways' notifications. No public route: the
 * edge Worker hands it `/webhooks/gateways/*`.
 */
export default {
  fetch: app.fetch,
  queue: (batch, env, _ctx) => handleQueue(batch, env),
  scheduled: (controller, env, ctx) => ctx.waitUntil(runCron(platform(env), controller.scheduledTime)),
} satisfies ExportedHandler<Env>;
