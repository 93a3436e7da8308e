// The throughput scenarios: autocannon against Borda and the baseline, interleaved round by round.
import autocannon from 'autocannon';
import { sleep } from './procs.mjs';

export const CONNECTIONS = 10;
export const DURATION_S = 3;
/** Interleaved rounds per scenario: each gives one Borda/baseline ratio; their spread is reported. */
export const ROUNDS = 5;

const RUN_ID = Date.now().toString(36);
let seq = 0;

/** A create-session body with a unique merchant_order_id (Borda answers 409 to a reused open order). */
export function sessionBody(prefix = 'BENCH') {
  seq += 1;
  return JSON.stringify({
    amount: 15000,
    currency: 'BRL',
    merchant_order_id: `${prefix}-${RUN_ID}-${seq}`,
    expires_in: 1800,
    metadata: {},
    success_url: 'https://mystore.com/order/success?session={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://mystore.com/order/failed',
  });
}

export const PIX_BODY = JSON.stringify({
  method: 'pix',
  customer: { name: 'Maria Silva', email: 'maria@example.com', document: '52998224725' },
});

const JSON_HEADERS = { 'content-type': 'application/json' };

function header(headers, name) {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}

/** Hands out each item of `list` once, from `state[key]` on; past the end it repeats the last one. */
function nextOf(list, state, key) {
  const i = state[key]++;
  return list[Math.min(i, list.length - 1)];
}

async function measure(opts) {
  // autocannon notices the end of a run at its next sample tick (every second by default), so a run
  // that spent its share of sessions early was timed to the next whole second: tick every 50 ms.
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, sampleInt: 50, ...opts });
  const total = result.requests.total;
  return {
    rps: Math.round((total / result.duration) * 10) / 10,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    requests: total,
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds: result.duration,
  };
}

/**
 * How many requests a run may make from a pool of one-use tokens: an equal share of what is left for
 * each round still to run, keeping a few spare (autocannon builds each connection's next request
 * before it knows it will send it). A round that spends its share before DURATION_S ends early; its
 * rate (requests over its own elapsed time) stays comparable, where a first round that took the
 * whole pool left later rounds a handful of requests and a meaningless rate.
 */
const budget = (list, next, round = ROUNDS) =>
  Math.max(1, Math.floor((list.length - next - CONNECTIONS) / (ROUNDS - round + 1)));

/** Scenario table: each has a Borda and a baseline runner (ctx holds bases, keys and token pools). */
export const SCENARIOS = [
  {
    id: 'create_session',
    label: 'create session',
    borda: (ctx) =>
      measure({
        url: ctx.borda.base,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/checkout/sessions',
            headers: { ...JSON_HEADERS, 'x-api-key': ctx.borda.demo.secret_keys.test },
            setupRequest: (req) => ({ ...req, body: sessionBody() }),
            onResponse: (status, body) => {
              if (status === 201) ctx.pool.push(JSON.parse(body).token);
            },
          },
        ],
      }),
    baseline: (ctx) =>
      measure({
        url: ctx.baseline.base,
        requests: [
          {
            method: 'POST',
            path: '/session',
            headers: JSON_HEADERS,
            setupRequest: (req) => ({ ...req, body: sessionBody('BASE') }),
            onResponse: (status, body) => {
              if (status === 201) ctx.basePool.push(JSON.parse(body).token);
            },
          },
        ],
      }),
  },
  {
    id: 'cached_page_view',
    label: 'cached page view',
    borda: async (ctx) => {
      let misses = 0;
      const r = await measure({
        url: `${ctx.borda.base}/checkout/${ctx.probe}`,
        requests: [
          {
            onResponse: (_s, _b, _c, headers) => {
              if (header(headers, 'x-borda-cache') !== 'hit') misses++;
            },
          },
        ],
      });
      return { ...r, cache_misses: misses };
    },
    // One read by key (who may frame the page), then a static page: see bench/baseline/worker.ts.
    baseline: (ctx) => measure({ url: `${ctx.baseline.base}/cached/${ctx.baseProbe}` }),
  },
  {
    id: 'first_page_view',
    label: 'first page view',
    before: (ctx) => ctx.topUp(),
    borda: async (ctx, round) => {
      let hits = 0;
      const r = await measure({
        url: ctx.borda.base,
        maxOverallRequests: budget(ctx.pool, ctx.next.view, round),
        requests: [
          {
            setupRequest: (req) => ({ ...req, path: `/checkout/${nextOf(ctx.pool, ctx.next, 'view')}` }),
            onResponse: (_s, _b, _c, headers) => {
              if (header(headers, 'x-borda-cache') !== 'miss') hits++;
            },
          },
        ],
      });
      return { ...r, cache_hits: hits, tokens_exhausted: hits > 0 };
    },
    // The essential work of a first view: the session read by key, then a page of the same size
    // rendered from its fields with the same templating (bench/baseline/page.ts).
    // As many requests as Borda's round gets from its pool, so both runs last alike (a short run
    // weighs its warm-up more).
    baseline: (ctx) =>
      measure({
        url: ctx.baseline.base,
        maxOverallRequests: Math.max(1, Math.floor((ctx.pool.length - CONNECTIONS) / ROUNDS)),
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              path: `/page/${ctx.basePool[ctx.next.baseView++ % ctx.basePool.length]}`,
            }),
          },
        ],
      }),
  },
  {
    id: 'status_poll',
    label: 'status poll',
    borda: (ctx) => measure({ url: `${ctx.borda.base}/c/v1/sessions/${ctx.probe}/status` }),
    baseline: (ctx) => measure({ url: `${ctx.baseline.base}/status/${ctx.baseProbe}` }),
  },
  {
    id: 'session_read',
    label: 'client API session read',
    borda: (ctx) => measure({ url: `${ctx.borda.base}/c/v1/sessions/${ctx.probe}` }),
    baseline: (ctx) => measure({ url: `${ctx.baseline.base}/read/${ctx.baseProbe}` }),
  },
  {
    id: 'pix_payment',
    label: 'PIX payment',
    before: (ctx) => ctx.topUp(),
    borda: async (ctx, round) => {
      const r = await measure({
        url: ctx.borda.base,
        maxOverallRequests: budget(ctx.pool, ctx.next.pay, round),
        requests: [
          {
            method: 'POST',
            headers: JSON_HEADERS,
            body: PIX_BODY,
            setupRequest: (req) => ({
              ...req,
              path: `/c/v1/sessions/${nextOf(ctx.pool, ctx.next, 'pay')}/payments`,
            }),
          },
        ],
      });
      // A round may end early on its share of sessions; under a second, too few were left to measure.
      return { ...r, tokens_exhausted: r.seconds < 1 };
    },
    baseline: (ctx, round) =>
      measure({
        url: ctx.baseline.base,
        maxOverallRequests: budget(ctx.basePool, ctx.next.basePay, round),
        requests: [
          {
            method: 'POST',
            headers: JSON_HEADERS,
            body: PIX_BODY,
            setupRequest: (req) => ({ ...req, path: `/pay/${nextOf(ctx.basePool, ctx.next, 'basePay')}` }),
          },
        ],
      }),
  },
];

/** The minimum Borda/baseline ratio each scenario is meant to keep (see README "Performance"). */
export const BUDGETS = {
  create_session: 0.9,
  cached_page_view: 0.9,
  first_page_view: 0.9,
  status_poll: 0.9,
  session_read: 0.9,
  pix_payment: 0.9,
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const r3 = (x) => Math.round(x * 1000) / 1000;

/** Median, min and max of one measure over the rounds. */
export function spread(values) {
  return { median: r3(median(values)), min: r3(Math.min(...values)), max: r3(Math.max(...values)) };
}

/**
 * Whether a scenario keeps its budget: `meets` when even its worst round does, `below` when even
 * its best round does not (below beyond the spread: the bench fails), `within_noise` otherwise.
 */
export function verdict(ratio, budget) {
  if (budget === undefined) return 'no_budget';
  if (ratio.min >= budget) return 'meets';
  if (ratio.max < budget) return 'below';
  return 'within_noise';
}

/**
 * Borda and baseline back to back, ROUNDS times, the order swapped every round (ABBA) so drift in
 * the machine's load hits both alike. Each round gives one ratio; the scenario reports their
 * median and range, and the medians of each side's rate and latencies.
 */
export async function runScenarios(ctx, log, only = null) {
  const results = ctx.results;
  for (const s of SCENARIOS.filter((x) => !only || only.includes(x.id))) {
    if (s.before) await s.before(ctx);
    const borda = [];
    const baseline = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const sides = [
        async () => borda.push(await s.borda(ctx, round)),
        async () => baseline.push(await s.baseline(ctx, round)),
      ];
      if (round % 2 === 0) sides.reverse();
      for (const side of sides) {
        await side();
        // Let background work (cache puts, queue consumers) drain before the other side runs.
        await sleep(700);
      }
      log(
        `${s.label} round ${round}: borda ${borda.at(-1).rps} req/s, baseline ${baseline.at(-1).rps} req/s`,
      );
    }
    const ratios = borda.map((b, i) => b.rps / baseline[i].rps);
    const ratio = spread(ratios);
    const side = (runs) => ({
      rps: r3(median(runs.map((r) => r.rps))),
      p50_ms: median(runs.map((r) => r.p50_ms)),
      p99_ms: median(runs.map((r) => r.p99_ms)),
      rps_min: Math.min(...runs.map((r) => r.rps)),
      rps_max: Math.max(...runs.map((r) => r.rps)),
      non_2xx: runs.reduce((n, r) => n + r.non_2xx, 0),
      errors: runs.reduce((n, r) => n + r.errors, 0),
      cache_misses: runs.reduce((n, r) => n + (r.cache_misses ?? 0), 0),
      cache_hits: runs.reduce((n, r) => n + (r.cache_hits ?? 0), 0),
      tokens_exhausted: runs.some((r) => r.tokens_exhausted),
    });
    const budget = BUDGETS[s.id];
    results.push({
      id: s.id,
      label: s.label,
      borda: side(borda),
      baseline: side(baseline),
      ratio,
      ratios: ratios.map(r3),
      budget: budget ?? null,
      verdict: verdict(ratio, budget),
      rounds: { borda, baseline },
    });
  }
  return results;
}
