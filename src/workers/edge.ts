// The dialects' webhook bodies register with the sender before any event is shaped.
import '../dialects/payloads';
import '../checkout/live-source';
import { buildApp } from '../http/app';
import type { CronEntrypoint } from './core';
import { edgePart } from './edge-part';
import { forward } from './forward';
import { ownerOf } from './owner';

/** What the edge Worker is bound to beyond the shared bindings (wrangler.toml). */
type EdgeEnv = Env & { CONTROL: Fetcher; CORE: Fetcher; CRON: Service<CronEntrypoint> };

const app = buildApp([edgePart]);

/**
 * The edge Worker: Borda's front door. It answers the checkout itself and hands every other request,
 * untouched, to the Worker that serves it over a service binding (no network hop; src/workers/owner.ts).
 */
export default {
  fetch(request, env, ctx) {
    switch (ownerOf(new URL(request.url).pathname)) {
      case 'control':
        return forward(env.CONTROL, request, 'control', env.PUBLIC_BASE_URL);
      case 'core':
        return forward(env.CORE, request, 'core', env.PUBLIC_BASE_URL);
      default:
        return app.fetch(request, env, ctx);
    }
  },
  // The cron trigger is the core Worker's. `wrangler dev` runs `/__scheduled` on the first Worker only,
  // so locally the edge passes it on.
  scheduled: (controller, env, ctx) => ctx.waitUntil(env.CRON.run(controller.scheduledTime)),
} satisfies ExportedHandler<EdgeEnv>;
