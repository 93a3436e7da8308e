// The figures that are not request rates: page weight, bundle size, webhook rate, cron expiry time.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PIX_BODY, sessionBody } from './load.mjs';
import { sleep, tempDir, wrangler } from './procs.mjs';

const JSON_HEADERS = { 'content-type': 'application/json' };

export async function api(borda, method, url, body, timeoutMs = 15_000) {
  const res = await fetch(`${borda.base}${url}`, {
    method,
    headers: { ...JSON_HEADERS, 'x-api-key': borda.demo.secret_keys.test },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return { bytes: Buffer.byteLength(text), json: JSON.parse(text) };
}

/** Creates up to `n` sessions, `concurrency` at a time, until `deadline`; returns their tokens. */
export async function createSessions(borda, n, { concurrency = 8, deadline = Date.now() + 20_000 } = {}) {
  const tokens = [];
  let started = 0;
  const worker = async () => {
    while (started < n && Date.now() < deadline) {
      started++;
      tokens.push((await api(borda, 'POST', '/api/v1/checkout/sessions', sessionBody('POOL'))).json.token);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tokens;
}

/** One session viewed once: its page size (the edge cache then holds it), and the create answer's size. */
export async function probe(borda) {
  const created = await api(borda, 'POST', '/api/v1/checkout/sessions', sessionBody('PROBE'));
  const token = created.json.token;
  const res = await fetch(`${borda.base}/checkout/${token}`);
  const html = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET /checkout/${token}: ${res.status}`);
  return {
    token,
    pageBytes: html.length,
    pageGzipBytes: gzipSync(html).length,
    sessionBytes: created.bytes,
  };
}

/** Borda's three Worker configurations for the sources in `srcDir` (its scripts/workers-config.mjs). */
async function workerConfigs(srcDir) {
  const { WORKERS, writeWorkerConfigs } = await import(
    pathToFileURL(path.join(srcDir, 'scripts', 'workers-config.mjs')).href
  );
  const files = writeWorkerConfigs(tempDir('borda-bench-workers-'));
  return WORKERS.map((worker, i) => [worker, files[i]]);
}

/**
 * `wrangler deploy --dry-run` of each of the three Workers; the output modules gzipped (not source maps
 * or README.md), per Worker. `gzip_bytes` is the largest Worker's: the budget holds for each.
 */
export async function bundleSize(srcDir) {
  const workers = {};
  for (const [worker, config] of await workerConfigs(srcDir)) {
    const outdir = tempDir('borda-bench-bundle-');
    await wrangler(['deploy', '--dry-run', '-c', config, '--outdir', outdir], {
      cwd: srcDir,
      timeoutMs: 90_000,
    });
    let raw = 0;
    let gzip = 0;
    const files = readdirSync(outdir, { recursive: true })
      .map((f) => path.join(outdir, f))
      .filter((f) => statSync(f).isFile() && !f.endsWith('.map') && path.basename(f) !== 'README.md');
    for (const f of files) {
      const data = readFileSync(f);
      raw += data.length;
      gzip += gzipSync(data, { level: 9 }).length;
    }
    workers[worker] = { files: files.length, bytes: raw, gzip_bytes: gzip };
  }
  const largest = Object.values(workers).reduce((a, b) => (b.gzip_bytes > a.gzip_bytes ? b : a));
  return { gzip_bytes: largest.gzip_bytes, workers };
}

/**
 * Webhook deliveries per second: a loopback receiver answering 200 is the merchant's default URL;
 * `n` sessions are created, then paid by card as fast as `concurrency` allows (two events each:
 * payment.success and checkout_session.finished); the rate is over first to last delivery.
 */
export async function webhookRate(borda, { n = 100, concurrency = 10, waitMs = 30_000 } = {}) {
  const ours = new Set();
  const seen = new Set();
  const times = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      // Delivery is at least once: a repeated webhook-id is not counted again.
      const id = String(req.headers['webhook-id']);
      const token = /cs_test_[A-Za-z0-9]+/.exec(body)?.[0];
      if (token && ours.has(token) && !seen.has(id)) {
        seen.add(id);
        times.push(performance.now());
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${server.address().port}/hooks`;
    await api(borda, 'PATCH', '/api/v1/merchant', JSON.stringify({ notification_url: url }));
    const card = JSON.parse(PIX_BODY);
    card.method = 'card';
    card.card = {
      number: '4242424242424242',
      holder_name: 'MARIA SILVA',
      exp_month: 12,
      exp_year: 2035,
      cvc: '123',
    };
    // Sessions first, so the timed part produces events as fast as payments go through.
    for (const token of await createSessions(borda, n, { concurrency, deadline: Date.now() + 15_000 })) {
      ours.add(token);
    }
    const queue = [...ours];
    const worker = async () => {
      for (let token = queue.shift(); token !== undefined; token = queue.shift()) {
        await api(borda, 'POST', `/c/v1/sessions/${token}/payments`, JSON.stringify(card));
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const payS = (performance.now() - t0) / 1000;
    const expected = 2 * ours.size;
    const deadline = Date.now() + waitMs;
    while (times.length < expected && Date.now() < deadline) await sleep(100);
    const span = times.length > 1 ? (times.at(-1) - times[0]) / 1000 : 0;
    return {
      sessions: ours.size,
      deliveries: times.length,
      expected,
      first_to_last_s: Math.round(span * 100) / 100,
      per_second: span > 0 ? Math.round(((times.length - 1) / span) * 10) / 10 : null,
      // If close to first_to_last_s, delivery kept up with payments: the rate is a lower bound.
      pay_s: Math.round(payS * 100) / 100,
    };
  } finally {
    // No receiver from here on: later events (the cron's expiries) must not be sent to a closed port.
    await api(borda, 'PATCH', '/api/v1/merchant', JSON.stringify({ notification_url: null })).catch(() => {});
    await new Promise((r) => server.close(r));
  }
}

export const EXPIRE_PREFIX = 'cs_test_bench';

/** Open sessions already past expires_at, in multi-row INSERTs (D1 caps a statement at 100 KB). */
function dueSessionsSql(merchantId, n, base, createdAt) {
  const due = Date.now() - 120_000;
  const cols =
    'id, merchant_id, mode, status, amount, currency, country, merchant_order_id, metadata, success_url, checkout_url, expires_at, created_at, updated_at, version';
  const lines = [];
  for (let i = 0; i < n; i += 200) {
    const values = [];
    for (let k = i; k < Math.min(n, i + 200); k++) {
      const id = `${EXPIRE_PREFIX}${String(k).padStart(11, '0')}`;
      values.push(
        `('${id}','${merchantId}','test','open',15000,'BRL','BRA','EXPIRE-${k}','{}','https://mystore.com/order/success','${base}/checkout/${id}',${due},${createdAt},${createdAt},0)`,
      );
    }
    lines.push(`INSERT INTO checkout_sessions (${cols}) VALUES ${values.join(',')};`);
  }
  return lines.join('\n');
}

/** Exact count of the inserted sessions still open, read from the local D1 by wrangler (~1.5 s of CPU). */
async function openDueCount(borda) {
  const sql = `SELECT count(*) AS n FROM checkout_sessions WHERE id >= '${EXPIRE_PREFIX}' AND id < '${EXPIRE_PREFIX}~' AND status IN ('open', 'pending')`;
  const out = await wrangler(
    ['d1', 'execute', 'DB', '--local', '--persist-to', borda.stateDir, '--json', '--command', sql],
    { cwd: borda.srcDir },
  );
  return JSON.parse(out)[0].results[0].n;
}

/**
 * Cheap probe for the polling loop: does the merchant API still list one of them as open? Local D1
 * runs queries one at a time, so while the sweep's queries queue up the answer can take seconds;
 * an answer that does not come before `stopAt` counts as "still open".
 */
async function anyOpen(borda, createdAt, stopAt) {
  const q = `status=open&limit=1&created_lte=${encodeURIComponent(new Date(createdAt).toISOString())}`;
  const wait = Math.max(1000, Math.floor(stopAt - performance.now()));
  try {
    return (await api(borda, 'GET', `/api/v1/checkout/sessions?${q}`, undefined, wait)).json.data.length > 0;
  } catch (err) {
    if (err.name === 'TimeoutError') return true;
    throw err;
  }
}

/**
 * Inserts `n` due sessions into Borda's local D1 (created a week ago, so no other session matches
 * the probe), runs the cron once, then polls every `pollMs` until none is open: for at most
 * `boundMs` after the trigger and not past `deadline` (the run's time budget). The exact count is
 * read with `wrangler d1 execute` before the trigger and, if the bound was hit, at the end.
 */
export async function cronExpiry(
  borda,
  { n = 50_000, boundMs = 120_000, deadline = Infinity, pollMs = 1000 } = {},
) {
  const createdAt = Date.now() - 7 * 86_400_000;
  const file = path.join(tempDir('borda-bench-sql-'), 'due.sql');
  writeFileSync(file, dueSessionsSql(borda.demo.merchant_id, n, borda.base, createdAt));
  const i0 = performance.now();
  await wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', borda.stateDir, '--file', file], {
    cwd: borda.srcDir,
    timeoutMs: 90_000,
  });
  const insertS = (performance.now() - i0) / 1000;
  const before = await openDueCount(borda);
  const t0 = performance.now();
  const stopAt = Math.min(t0 + boundMs, t0 + (deadline - Date.now()));
  const res = await fetch(`${borda.base}/__scheduled?cron=*+*+*+*+*`, {
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new Error(`/__scheduled: ${res.status}`);
  let finished = false;
  let elapsed = 0;
  while (!finished && performance.now() + pollMs < stopAt) {
    await sleep(pollMs);
    finished = !(await anyOpen(borda, createdAt, stopAt));
    elapsed = (performance.now() - t0) / 1000;
  }
  const open = finished ? 0 : await openDueCount(borda);
  const expired = before - open;
  return {
    sessions: before,
    expired,
    finished,
    seconds: Math.round(elapsed * 10) / 10,
    per_second: elapsed > 0 ? Math.round(expired / elapsed) : null,
    poll_interval_s: pollMs / 1000,
    insert_s: Math.round(insertS * 10) / 10,
  };
}

/**
 * Start-up: CPU time workerd spends evaluating the Worker's top level, from `wrangler check startup`
 * (a CPU profile of the start-up phase, run locally): the sampled time outside "(idle)", in ms.
 * Median of `runs` (each profile is ~40 samples of ~1 ms, so one run alone is coarse).
 */
export async function startupTime(srcDir, { runs = 3 } = {}) {
  const workers = {};
  for (const [worker, config] of await workerConfigs(srcDir)) {
    const values = [];
    for (let i = 0; i < runs; i++) {
      const file = path.join(tempDir('borda-bench-startup-'), 'startup.cpuprofile');
      await wrangler(['check', 'startup', '-c', config, '--outfile', file], {
        cwd: srcDir,
        timeoutMs: 90_000,
      });
      const profile = JSON.parse(readFileSync(file, 'utf8'));
      const idle = new Set(
        profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
      );
      let active = 0;
      profile.samples.forEach((node, k) => {
        if (!idle.has(node)) active += profile.timeDeltas[k] ?? 0;
      });
      values.push(Math.round(active / 100) / 10);
    }
    const sorted = [...values].sort((a, b) => a - b);
    workers[worker] = {
      active_ms: { median: sorted[Math.floor(runs / 2)], min: sorted[0], max: sorted.at(-1) },
      // An object, not an array: latest.json stays as the formatter writes it.
      values: Object.fromEntries(values.map((v, i) => [`run_${i + 1}`, v])),
    };
  }
  return { runs, workers };
}

/**
 * A loopback receiver counting distinct webhook-ids whose body names a session with `prefix`:
 * the expiry run's events, for the delivery rate under a flood (50,000 events at once).
 */
export async function floodReceiver(prefix) {
  const seen = new Set();
  const times = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const id = String(req.headers['webhook-id']);
      if (body.includes(prefix) && !seen.has(id)) {
        seen.add(id);
        times.push(performance.now());
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/flood`,
    count: () => times.length,
    /** Deliveries per second from the first to the last counted. */
    rate: () => {
      const span = times.length > 1 ? (times.at(-1) - times[0]) / 1000 : 0;
      return {
        deliveries: times.length,
        seconds: Math.round(span * 10) / 10,
        per_second: span > 0 ? Math.round(((times.length - 1) / span) * 10) / 10 : null,
      };
    },
    close: () => new Promise((r) => server.close(r)),
  };
}
