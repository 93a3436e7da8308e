import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without declarations (scripts/ is not type-checked)
import { oneWorkerConfig, workerConfigs } from '../../scripts/workers-config.mjs';

type Config = {
  name: string;
  main: string;
  vars: Record<string, string>;
  compatibility_date: string;
  workers_dev?: boolean;
  triggers?: { crons: string[] };
  migrations?: unknown[];
  r2_buckets?: unknown[];
  send_email?: unknown[];
  queues: { producers: { binding: string }[]; consumers?: { queue: string }[] };
  durable_objects: { bindings: { name: string; class_name: string; script_name?: string }[] };
  d1_databases: { binding: string; database_id: string }[];
  services?: { binding: string; service: string; entrypoint?: string }[];
};

const configs = workerConfigs() as Record<'edge' | 'core' | 'control', Config>;
const { edge, core, control } = configs;

/** The three Workers' configurations, derived from wrangler.toml (scripts/workers-config.mjs). */
describe('the three Workers', () => {
  it('share one database, the same settings and the same runtime date', () => {
    for (const c of [edge, control]) {
      expect(c.vars).toEqual(core.vars);
      expect(c.compatibility_date).toBe(core.compatibility_date);
      expect(c.d1_databases).toEqual(core.d1_databases);
      expect(c.queues.producers).toEqual(core.queues.producers);
    }
    expect(Object.keys(core.vars)).toContain('WEBHOOK_RETRY_SCHEDULE');
  });

  it('run the SessionDO, the queue consumers and the cron in the core Worker only', () => {
    expect(core.durable_objects.bindings.every((b) => b.script_name === undefined)).toBe(true);
    expect(core.migrations?.length).toBeGreaterThan(0);
    expect(core.queues.consumers?.map((q) => q.queue).sort()).toEqual([
      'borda-jobs',
      'borda-notifications',
      'borda-webhooks',
      'borda-webhooks-dlq',
    ]);
    expect(core.triggers?.crons.length).toBeGreaterThan(0);
    for (const c of [edge, control]) {
      expect(c.durable_objects.bindings).toEqual([
        { name: 'SESSION_DO', class_name: 'SessionDO', script_name: core.name },
      ]);
      expect(c.queues.consumers).toBeUndefined();
      expect(c.triggers).toBeUndefined();
      expect(c.migrations).toBeUndefined();
    }
  });

  it('give the public routes of wrangler.toml to the edge Worker alone', () => {
    const routes = [{ pattern: 'pay.shop.example', custom_domain: true }];
    const split = workerConfigs({ ...oneWorkerConfig(), routes }) as Record<string, { routes?: unknown }>;
    expect(split.edge?.routes).toEqual(routes);
    expect(split.core?.routes).toBeUndefined();
    expect(split.control?.routes).toBeUndefined();
  });

  it('give the edge Worker the public route and a binding to each of the others', () => {
    expect(edge.workers_dev).not.toBe(false);
    expect(core.workers_dev).toBe(false);
    expect(control.workers_dev).toBe(false);
    expect(edge.services).toEqual([
      { binding: 'CONTROL', service: control.name },
      { binding: 'CORE', service: core.name },
      { binding: 'CRON', service: core.name, entrypoint: 'CronEntrypoint' },
    ]);
    expect([edge.main, core.main, control.main].map((m) => m.split('/src/')[1])).toEqual([
      'workers/edge.ts',
      'workers/core.ts',
      'workers/control.ts',
    ]);
  });
});
