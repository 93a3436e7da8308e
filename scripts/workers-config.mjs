// Borda as three Workers (README "Three Workers"), each under the platform's size budget: their wrangler
// configurations are derived from wrangler.toml, Borda as one Worker, so bindings and vars are written
// once. `writeWorkerConfigs(dir)` writes wrangler.{core,control,edge}.json into `dir`, paths absolute;
// `npm start`, `npm run deploy`, the bundle test and the bench use it.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { experimental_readRawConfig } from 'wrangler';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** Deploy and start order: the core Worker defines the SessionDO class the others bind to. */
export const WORKERS = ['core', 'control', 'edge'];

/** Bindings only the core Worker has: it consumes the queues, runs the cron, archives and sends e-mail. */
const CORE_ONLY = ['migrations', 'r2_buckets', 'send_email', 'triggers'];

/** The public routes are the edge Worker's alone: it takes every request. */
const EDGE_ONLY = ['route', 'routes'];
const without = (config, keys) =>
  Object.fromEntries(Object.entries(config).filter(([k]) => !keys.includes(k)));
const pick = (config, keys) => Object.fromEntries(Object.entries(config).filter(([k]) => keys.includes(k)));

/** wrangler.toml as written: Borda as one Worker. */
export function oneWorkerConfig() {
  return experimental_readRawConfig({ config: path.join(ROOT, 'wrangler.toml') }).rawConfig;
}

/** The three configurations, by Worker, from wrangler.toml (or the one-Worker configuration given). */
export function workerConfigs(one = oneWorkerConfig()) {
  const abs = (p) => path.resolve(ROOT, p);
  const shared = {
    ...one,
    alias: Object.fromEntries(Object.entries(one.alias ?? {}).map(([k, v]) => [k, abs(v)])),
    d1_databases: one.d1_databases.map((d) => ({ ...d, migrations_dir: abs(d.migrations_dir) })),
  };
  const core = `${one.name}-core`;
  const satellite = (name, main) => {
    const config = { ...without(shared, CORE_ONLY), name, main: abs(main) };
    config.queues = { producers: one.queues.producers };
    config.durable_objects = {
      bindings: one.durable_objects.bindings.map((b) => ({ ...b, script_name: core })),
    };
    return config;
  };
  const edge = { ...satellite(one.name, 'src/workers/edge.ts'), ...pick(one, EDGE_ONLY) };
  edge.services = [
    { binding: 'CONTROL', service: `${one.name}-control` },
    { binding: 'CORE', service: core },
    { binding: 'CRON', service: core, entrypoint: 'CronEntrypoint' },
  ];
  return {
    core: { ...without(shared, EDGE_ONLY), name: core, main: abs('src/workers/core.ts'), workers_dev: false },
    control: {
      ...without(satellite(`${one.name}-control`, 'src/workers/control.ts'), EDGE_ONLY),
      workers_dev: false,
    },
    edge,
  };
}

/**
 * Writes the three configurations into `dir` and returns their paths in deploy order. `devVars`, when
 * given, is written beside them as the `.dev.vars` every one of them reads in `wrangler dev` (wrangler
 * gives `--var` to the first Worker only).
 */
export function writeWorkerConfigs(dir, devVars) {
  mkdirSync(dir, { recursive: true });
  const configs = workerConfigs();
  if (devVars !== undefined) {
    const text = Object.entries(devVars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join('');
    writeFileSync(path.join(dir, '.dev.vars'), text, { mode: 0o600 });
  }
  return WORKERS.map((worker) => {
    const file = path.join(dir, `wrangler.${worker}.json`);
    writeFileSync(file, `${JSON.stringify(configs[worker], null, 2)}\n`);
    return file;
  });
}
