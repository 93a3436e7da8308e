// `npm run bench:profile`: a CPU profile of one hot path under load, taken from workerd itself through
// the Chrome DevTools Protocol (wrangler dev --inspector-port). Borda is started unminified from a
// snapshot of the sources, a pool of sessions is made, then the V8 sampling profiler runs while
// autocannon sends PROFILE_REQUESTS requests of PROFILE_PATH (create_session, first_page_view,
// cached_page_view, pix_payment, session_read, status_poll).
// Prints self time by source module (the bundle's `// src/...` markers) and by function, and the
// CPU per request; `PROFILE_OUT=file.cpuprofile` keeps the raw profile (opens in Chrome DevTools).
import { randomBytes } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { PIX_BODY, sessionBody } from './lib/load.mjs';
import {
  cleanup,
  freePort,
  ROOT,
  snapshotSources,
  startGroup,
  tempDir,
  waitFor,
  wrangler,
} from './lib/procs.mjs';
import { SCHEMA_SQL } from './lib/servers.mjs';

const WHAT = process.env.PROFILE_PATH ?? 'pix_payment';
const TARGET = process.env.PROFILE_TARGET ?? 'borda';
const REQUESTS = Number(process.env.PROFILE_REQUESTS ?? 600);
const CONNECTIONS = 10;

const srcDir = snapshotSources();
const stateDir = tempDir('borda-profile-state-');
const example = readFileSync(path.join(srcDir, '.dev.vars.example'), 'utf8');
const admin = `adm_${randomBytes(24).toString('base64url')}`;
writeFileSync(
  path.join(srcDir, '.dev.vars'),
  example
    .replace(/^ADMIN_TOKEN=generate$/m, `ADMIN_TOKEN=${admin}`)
    .replace(/^ENCRYPTION_KEY=generate$/m, `ENCRYPTION_KEY=${randomBytes(32).toString('base64')}`),
);

/** Borda unminified from the snapshot, with a merchant and `want` fresh sessions. */
async function startBordaProfiled(port, inspector, want) {
  await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], { cwd: srcDir });
  const child = startGroup(
    'borda (wrangler dev)',
    path.join(srcDir, 'node_modules', '.bin', 'wrangler'),
    [...devArgs(port, inspector), '--minify=false'],
    { cwd: srcDir },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    child,
    () =>
      fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    90_000,
    'health',
  );
  const merchant = await (
    await fetch(`${base}/admin/v1/merchants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Profile Store', country: 'BRA' }),
    })
  ).json();
  const create = () =>
    fetch(`${base}/api/v1/checkout/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': merchant.secret_keys.test },
      body: sessionBody('PROF'),
    });
  const createHeaders = { 'content-type': 'application/json', 'x-api-key': merchant.secret_keys.test };
  return { child, base, pool: await makePool(create, want), paths: BORDA_PATHS, createHeaders };
}

/** The bench's baseline Worker (bench/baseline) the same way, for the same comparison. */
async function startBaselineProfiled(port, inspector, want) {
  const workDir = tempDir('borda-profile-baseline-');
  cpSync(path.join(ROOT, 'bench', 'baseline'), workDir, { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
  const config = ['--config', path.join(workDir, 'wrangler.toml')];
  await wrangler(
    ['d1', 'execute', 'DB', '--local', ...config, '--persist-to', stateDir, '--command', SCHEMA_SQL],
    {
      cwd: workDir,
    },
  );
  const child = startGroup(
    'baseline (wrangler dev)',
    path.join(ROOT, 'node_modules', '.bin', 'wrangler'),
    [...devArgs(port, inspector), ...config],
    { cwd: workDir },
  );
  const base = `http://127.0.0.1:${port}`;
  await waitFor(
    child,
    () =>
      fetch(`${base}/health`).then(
        (r) => r.ok,
        () => false,
      ),
    90_000,
    'health',
  );
  const create = () => fetch(`${base}/session`, { method: 'POST', body: sessionBody('BASE') });
  const createHeaders = { 'content-type': 'application/json' };
  return { child, base, pool: await makePool(create, want), paths: BASELINE_PATHS, createHeaders };
}

/** User and system CPU of every process in the server's process group (workerd with D1, queues, ...). */
function groupCpuMs(pgid) {
  const tick = 1000 / 100; // USER_HZ
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[2] is the process group; utime and stime are fields[11] and fields[12].
      if (Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const devArgs = (port, inspector) => [
  'dev',
  '--ip',
  '127.0.0.1',
  '--port',
  String(port),
  '--inspector-port',
  String(inspector),
  '--persist-to',
  stateDir,
  '--show-interactive-dev-session=false',
];

async function makePool(create, want) {
  const pool = [];
  while (pool.length < want) {
    const made = await Promise.all(Array.from({ length: 10 }, () => create().then((r) => r.json())));
    pool.push(...made.map((m) => m.token));
  }
  return pool;
}

const BORDA_PATHS = {
  create_session: () => '/api/v1/checkout/sessions',
  first_page_view: (t) => `/checkout/${t}`,
  cached_page_view: (t) => `/checkout/${t}`,
  pix_payment: (t) => `/c/v1/sessions/${t}/payments`,
  session_read: (t) => `/c/v1/sessions/${t}`,
  status_poll: (t) => `/c/v1/sessions/${t}/status`,
};
const BASELINE_PATHS = {
  create_session: () => '/session',
  first_page_view: (t) => `/page/${t}`,
  cached_page_view: (t) => `/cached/${t}`,
  pix_payment: (t) => `/pay/${t}`,
  session_read: (t) => `/read/${t}`,
  status_poll: (t) => `/status/${t}`,
};

async function main() {
  const [port, inspector] = [await freePort(), await freePort()];
  // Paths whose sessions are used once (a payment, a first view) get a fresh one per request.
  const oneUse = WHAT === 'pix_payment' || WHAT === 'first_page_view';
  const want = oneUse ? REQUESTS + 2 * CONNECTIONS + 100 : 1;
  const start = TARGET === 'baseline' ? startBaselineProfiled : startBordaProfiled;
  const { child, base, pool, paths, createHeaders } = await start(port, inspector, want);
  process.stdout.write(`${TARGET}: ${pool.length} sessions\n`);

  let next = 0;
  const requests = {
    pix_payment: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: PIX_BODY,
      setupRequest: (req) => ({ ...req, path: paths.pix_payment(pool[next++]) }),
    },
    first_page_view: { setupRequest: (req) => ({ ...req, path: paths.first_page_view(pool[next++]) }) },
    create_session: {
      method: 'POST',
      path: paths.create_session(),
      headers: createHeaders,
      setupRequest: (req) => ({ ...req, body: sessionBody(TARGET === 'baseline' ? 'BASE' : 'PROF') }),
    },
  };
  const requestOf = requests[WHAT] ?? { path: paths[WHAT](pool[0]) };
  const load = (n) =>
    autocannon({ url: base, connections: CONNECTIONS, amount: n, requests: [requestOf], sampleInt: 50 });
  // Warm-up (JIT, caches), then the profiled run.
  await load(100);

  const targets = await (await fetch(`http://127.0.0.1:${inspector}/json`)).json();
  // The inspector proxy wants a local Origin (it refuses other pages' scripts).
  const ws = new WebSocket(targets[0].webSocketDebuggerUrl, { headers: { origin: 'http://127.0.0.1' } });
  await new Promise((r, j) => {
    ws.onopen = r;
    ws.onerror = j;
  });
  let id = 0;
  const pending = new Map();
  const scripts = [];
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.method === 'Debugger.scriptParsed') scripts.push(msg.params);
    if (msg.id && pending.has(msg.id)) pending.get(msg.id)(msg);
  };
  const send = (method, params = {}) =>
    new Promise((r) => {
      id += 1;
      pending.set(id, r);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('Debugger.enable');
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 100 });
  await send('Profiler.start');
  const cpu0 = groupCpuMs(child.proc.pid);
  const result = await load(REQUESTS);
  const cpuMs = groupCpuMs(child.proc.pid) - cpu0;
  const { result: profileResult } = await send('Profiler.stop');
  const profile = profileResult.profile;
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));

  // Module boundaries in the unminified bundle: esbuild writes `// src/x/y.ts` before each module.
  const modulesOf = new Map();
  for (const s of scripts) {
    if (!s.url || s.url.startsWith('node:')) continue;
    const { result: src } = await send('Debugger.getScriptSource', { scriptId: s.scriptId });
    if (process.env.PROFILE_SOURCE && s.url.endsWith('.js'))
      writeFileSync(`${process.env.PROFILE_SOURCE}.${s.scriptId}.js`, src?.scriptSource ?? '');
    const marks = [];
    (src?.scriptSource ?? '').split('\n').forEach((line, i) => {
      const m = /^\/\/ ((?:src|node_modules|\.\.\/)[^\s]*)$/.exec(line);
      if (m) marks.push([i, m[1].replace(/^.*node_modules\//, 'nm/')]);
    });
    modulesOf.set(s.scriptId, marks);
  }
  const moduleOf = (frame) => {
    const marks = modulesOf.get(frame.scriptId);
    if (!marks || marks.length === 0) return frame.url || frame.functionName || '(native)';
    let found = '(bundle prelude)';
    for (const [line, name] of marks) {
      if (line > frame.lineNumber) break;
      found = name;
    }
    return found;
  };
  const dt = (profile.endTime - profile.startTime) / 1000;
  const counts = new Map();
  for (const s of profile.samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  const per = profile.samples.length ? dt / profile.samples.length : 0;
  const byModule = new Map();
  const byFn = new Map();
  let idle = 0;
  for (const node of profile.nodes) {
    const ms = (counts.get(node.id) ?? 0) * per;
    if (!ms) continue;
    const f = node.callFrame;
    if (f.functionName === '(idle)') {
      idle += ms;
      continue;
    }
    const mod = f.url ? moduleOf(f) : f.functionName;
    byModule.set(mod, (byModule.get(mod) ?? 0) + ms);
    const fn = `${f.functionName || '(anonymous)'} ${mod}:${f.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
  }
  const done = result.requests.total;
  const busy = dt - idle;
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(
        ([k, v]) =>
          `${(v / done).toFixed(3).padStart(8)} ms/req ${((v / busy) * 100).toFixed(1).padStart(5)}%  ${k}`,
      )
      .join('\n');
  process.stdout.write(
    [
      `${WHAT}: ${done} requests (${result.non2xx} non-2xx) in ${dt.toFixed(0)} ms, ${(done / (dt / 1000)).toFixed(1)} req/s`,
      `all processes of the server (workerd, wrangler): ${(cpuMs / done).toFixed(2)} ms of CPU per request`,
      `isolate busy ${busy.toFixed(0)} ms = ${(busy / done).toFixed(2)} ms of CPU per request (idle ${idle.toFixed(0)} ms)`,
      '',
      'self time by module:',
      top(byModule, Number(process.env.PROFILE_TOP_MODULES ?? 40)),
      '',
      'self time by function:',
      top(byFn, Number(process.env.PROFILE_TOP_FUNCTIONS ?? 40)),
      '',
    ].join('\n'),
  );
  ws.close();
}

try {
  await main();
} catch (err) {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exitCode = 1;
} finally {
  await cleanup();
  process.exit();
}
