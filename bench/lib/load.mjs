// The throughput scenarios: autocannon against Borda and the baseline, interleaved round by round.
import autocannon from 'autocannon';
import { sleep } from './procs.mjs';

export const CONNECTIONS = 10;
export const DURATION_S = 5;
export const ROUNDS = 2;

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
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...opts });
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

/** How many requests a run may make from a pool of one-use tokens, keeping a few spare (autocannon builds each connection's next request before it knows it will send it). */
const budget = (list, next) => Math.max(1, list.length - next - CONNECTIONS);

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
    baseline: (ctx) => measure({ url: `${ctx.baseline.base}/page` }),
  },
  {
    id: 'first_page_view',
    label: 'first page view',
    before: (ctx) => ctx.topUp(),
    borda: async (ctx) => {
      let hits = 0;
      const r = await measure({
        url: ctx.borda.base,
        maxOverallRequests: budget(ctx.pool, ctx.next.view),
        requests: [
          {
            setupRequest: (req) => ({ ...req, path: `/checkout/${nextOf(ctx.pool, ctx.next, 'view')}` }),
            onResponse: (_s, _b, _c, headers) => {
              if (header(headers, 'x-borda-cache') !== 'miss') hits++;
            },
          },
        ],
      });
      return { ...r, cache_hits: hits, tokens_exhausted: r.seconds < DURATION_S - 0.5 };
    },
    baseline: (ctx) => measure({ url: `${ctx.baseline.base}/page` }),
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
    borda: async (ctx) => {
      const r = await measure({
        url: ctx.borda.base,
        maxOverallRequests: budget(ctx.pool, ctx.next.pay),
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
      return { ...r, tokens_exhausted: r.seconds < DURATION_S - 0.5 };
    },
    baseline: (ctx) =>
      measure({
        url: ctx.baseline.base,
        maxOverallRequests: budget(ctx.basePool, ctx.next.basePay),
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

const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));

/** B, baseline, B, baseline...: machine noise hits both alike. The better round of each counts. */
export async function runScenarios(ctx, log) {
  const results = ctx.results;
  for (const s of SCENARIOS) {
    if (s.before) await s.before(ctx);
    const borda = [];
    const baseline = [];
    for (let round = 1; round <= ROUNDS; round++) {
      borda.push(await s.borda(ctx));
      // Let Borda's background work (cache puts, queue consumers) drain before the baseline runs.
      await sleep(1000);
      baseline.push(await s.baseline(ctx));
      await sleep(300);
      const b = borda.at(-1);
      const x = baseline.at(-1);
      log(`${s.label} round ${round}: borda ${b.rps} req/s, baseline ${x.rps} req/s`);
    }
    const b = best(borda);
    const x = best(baseline);
    results.push({
      id: s.id,
      label: s.label,
      borda: b,
      baseline: x,
      ratio: Math.round((b.rps / x.rps) * 1000) / 1000,
      rounds: { borda, baseline },
    });
  }
  return results;
}
