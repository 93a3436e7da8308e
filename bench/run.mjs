// `npm run bench`: Borda against a bare baseline Worker on the same local runtime (wrangler dev /
// workerd), plus page weight, bundle size, start-up time, webhook delivery rates and cron expiry time.
// Exits 1 when a scenario's ratio is below its budget in every round (below beyond its spread).
// Loopback only; every wait is bounded; the whole run stops by itself within TIME_LIMIT_MS.
// Results: printed, and written to bench/results/latest.json and latest.md.
import os from 'node:os';
import path from 'node:path';
import {
  api,
  bundleSize,
  createSessions,
  cronExpiry,
  EXPIRE_PREFIX,
  floodReceiver,
  probe,
  startupTime,
  webhookRate,
} from './lib/extras.mjs';
import { DURATION_S, ROUNDS, runScenarios, SCENARIOS, sessionBody } from './lib/load.mjs';
import { cleanup, killAllNow, ROOT, sleep, snapshotSources } from './lib/procs.mjs';
import { environment, table, writeResults } from './lib/report.mjs';
import { startBaseline, startBorda } from './lib/servers.mjs';
import { tableSizes } from './lib/storage.mjs';

/**
 * `BENCH_ONLY=first_page_view,cached_page_view npm run bench`: only those throughput scenarios (ids
 * of SCENARIOS in lib/load.mjs), no bundle, start-up, webhook or cron figures; the table is printed
 * and bench/results/latest.* are left as they are. For measuring one change; the full run is the record.
 */
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()) : null;
if (ONLY) {
  const unknown = ONLY.filter((id) => !SCENARIOS.some((s) => s.id === id));
  if (unknown.length > 0) {
    process.stderr.write(
      `BENCH_ONLY: no scenario ${unknown.join(', ')} (${SCENARIOS.map((s) => s.id).join(', ')})\n`,
    );
    process.exit(2);
  }
}

/** Hard stop: the run is meant to take about 7 minutes on a 2-core machine. */
const TIME_LIMIT_MS = 480_000;
/** The cron measurement polls for at most CRON_BOUND_MS, and not past CRON_BUDGET_END_MS into the run. */
const CRON_BUDGET_END_MS = 420_000;
const CRON_BOUND_MS = 120_000;
/** After the expiry, the flood receiver keeps counting for at most this long. */
const FLOOD_MS = 30_000;

const t0 = performance.now();
const t0Wall = Date.now();
const loadAtStart = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const elapsedS = () => ((performance.now() - t0) / 1000).toFixed(1);
const log = (line) => process.stdout.write(`[bench ${elapsedS().padStart(5)} s] ${line}\n`);

let stopping = false;
async function abort(reason, code) {
  if (stopping) return;
  stopping = true;
  log(reason);
  await cleanup();
  process.exit(code);
}
const watchdog = setTimeout(
  () => abort(`time limit of ${TIME_LIMIT_MS / 1000} s reached; stopping`, 2),
  TIME_LIMIT_MS,
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => abort(`${signal}: stopping`, 130));
process.on('exit', killAllNow);

async function settled(what, fn) {
  try {
    return await fn();
  } catch (err) {
    log(`${what} failed: ${err.message.split('\n')[0]}`);
    return { error: err.message.split('\n')[0] };
  }
}

async function main() {
  log(`load average ${loadAtStart}; ${os.cpus().length} CPUs`);
  log('snapshotting the sources; starting Borda (npm start) and bundling (wrangler deploy --dry-run)');
  const srcDir = snapshotSources();
  const [borda, bundle] = await Promise.all([
    startBorda(srcDir),
    ONLY ? null : settled('bundle', () => bundleSize(srcDir)),
  ]);
  // Before the load rounds, while the machine is as quiet as it will be.
  const startup = ONLY ? null : await settled('start-up', () => startupTime(srcDir));
  log(`Borda is up on ${borda.base}`);

  const page = await probe(borda);
  log(`checkout page: ${page.pageBytes} bytes; create answer: ${page.sessionBytes} bytes`);
  const baseline = await startBaseline({ pageBytes: page.pageBytes, sessionBytes: page.sessionBytes });
  const baseProbe = await fetch(`${baseline.base}/session`, { method: 'POST', body: sessionBody('BASE') });
  if (baseProbe.status !== 201)
    throw new Error(
      `baseline POST /session: ${baseProbe.status} ${await baseProbe.text()}\n${baseline.child.output().slice(-4000)}`,
    );
  log(`baseline is up on ${baseline.base}`);

  const ctx = {
    borda,
    baseline,
    probe: page.token,
    baseProbe: (await baseProbe.json()).token,
    pool: [],
    basePool: [],
    next: { view: 0, pay: 0, basePay: 0, baseView: 0 },
    results: [],
    // Fresh sessions for the first-view rounds: what the create rounds left, topped up towards what
    // the cached page rate (an upper bound) would use, for at most 12 s. A round that still runs out
    // ends early and is flagged; its rate stays valid (requests over its own elapsed time).
    topUp: async () => {
      const hit = ctx.results.find((r) => r.id === 'cached_page_view')?.borda.rps ?? (ONLY ? 250 : 100);
      const want = Math.min(3000, Math.ceil(ROUNDS * DURATION_S * hit * 0.8));
      // A BENCH_ONLY run without the create rounds: the baseline's pool too (one-use for payments).
      while (ctx.basePool.length - ctx.next.basePay < Math.min(want, 600)) {
        const made = await Promise.all(
          Array.from({ length: 20 }, () =>
            fetch(`${baseline.base}/session`, { method: 'POST', body: sessionBody('BASE') }).then((r) =>
              r.json(),
            ),
          ),
        );
        ctx.basePool.push(...made.map((m) => m.token));
      }
      const have = ctx.pool.length - ctx.next.view;
      if (have >= want) return;
      // A BENCH_ONLY run has no create rounds before it: it may take longer to fill the pool.
      const made = await createSessions(borda, want - have, {
        deadline: Date.now() + (ONLY ? 60_000 : 12_000),
      });
      ctx.pool.push(...made);
      log(`created ${made.length} more sessions for the first-view rounds (${have + made.length} fresh)`);
    },
  };
  await runScenarios(ctx, log, ONLY);
  if (ONLY) {
    process.stdout.write(`\n${table({ environment: environment(), scenarios: ctx.results })}\n\n`);
    for (const r of ctx.results) log(`${r.id}: ratios ${r.ratios.join(' ')}; verdict ${r.verdict}`);
    if (ctx.results.some((r) => r.verdict === 'below')) process.exitCode = 1;
    return;
  }

  log('webhooks: 100 sessions paid by card, deliveries to a loopback receiver');
  const webhooks = await settled('webhooks', () => webhookRate(borda));
  const deadline = Date.now() + Math.max(25_000, CRON_BUDGET_END_MS - (performance.now() - t0));
  // The expiry's 50,000 checkout_session.expired events go to a loopback receiver: the delivery rate
  // under a flood, measured while and after the sweep runs.
  const flood = await floodReceiver(EXPIRE_PREFIX);
  await api(borda, 'PATCH', '/api/v1/merchant', JSON.stringify({ notification_url: flood.url }));
  log('cron: inserting 50,000 due sessions, then one sweep, polled until none is open (bounded)');
  const cron = await settled('cron', () => cronExpiry(borda, { boundMs: CRON_BOUND_MS, deadline }));
  const floodEnd = Math.min(Date.now() + FLOOD_MS, t0Wall + CRON_BUDGET_END_MS + 30_000);
  while (flood.count() < (cron.sessions ?? 0) && Date.now() < floodEnd) await sleep(250);
  const floodRate = flood.rate();
  log(`webhook flood: ${floodRate.deliveries} deliveries, ${floodRate.per_second}/s`);
  await api(borda, 'PATCH', '/api/v1/merchant', JSON.stringify({ notification_url: null })).catch(() => {});
  await flood.close();
  const storage = await settled('storage', () => tableSizes(borda.stateDir));

  const results = {
    environment: { ...environment(), loadavg_at_start: loadAtStart },
    scenarios: ctx.results,
    page: { bytes: page.pageBytes, gzip_bytes: page.pageGzipBytes },
    bundle,
    startup,
    webhooks,
    flood: floodRate,
    cron,
    storage,
    run_seconds: Number(elapsedS()),
  };
  const dir = writeResults(results);
  process.stdout.write(`\n${table(results)}\n\n`);
  log(`written to ${path.relative(ROOT, dir)}/latest.json and latest.md`);
  const below = ctx.results.filter((r) => r.verdict === 'below');
  if (below.length > 0) {
    log(
      `below budget beyond the spread: ${below.map((r) => `${r.label} ${r.ratio.max} < ${r.budget}`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (err) {
  log(`failed: ${err.stack ?? err}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  if (!stopping) {
    await cleanup();
    log(`done in ${elapsedS()} s`);
    // Idle keep-alive sockets would hold the process open a few seconds more.
    process.exit();
  }
}
