// `npm run deploy`: Borda onto Cloudflare as its three Workers (README "Deploying to Cloudflare").
// 1. applies pending D1 migrations to the remote database (wrangler.toml's);
// 2. deploys the core Worker first (it defines the SessionDO the others bind to), then control, then
//    edge (the one with the public route), each from the configuration derived from wrangler.toml.
// Arguments after `--` go to every `wrangler deploy` (e.g. `npm run deploy -- --dry-run --outdir out`).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, WORKERS, writeWorkerConfigs } from './workers-config.mjs';

const wrangler = path.join(ROOT, 'node_modules', '.bin', 'wrangler');
const extra = process.argv.slice(2);
const dryRun = extra.includes('--dry-run');

function run(args) {
  const r = spawnSync(wrangler, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!dryRun) run(['d1', 'migrations', 'apply', 'DB', '--remote']);
const configs = writeWorkerConfigs(path.join(ROOT, '.wrangler', 'workers'));
configs.forEach((config, i) => {
  const outdir = extra.indexOf('--outdir');
  const args = [...extra];
  // One output directory per Worker when asked for one.
  if (outdir >= 0 && args[outdir + 1]) args[outdir + 1] = path.join(args[outdir + 1], WORKERS[i]);
  run(['deploy', '-c', config, ...args]);
});
