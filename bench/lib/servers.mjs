// Starting Borda (as `npm start` does) and the baseline Worker, both under wrangler dev / workerd.
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { childEnv, freePort, ROOT, startGroup, tempDir, waitFor, wrangler } from './procs.mjs';

/** Same columns as Borda's checkout_sessions and payments (migrations/), primary keys only. */
export const SCHEMA_SQL = [
  'CREATE TABLE sessions (id text PRIMARY KEY NOT NULL, merchant_id text NOT NULL, mode text NOT NULL,',
  'status text NOT NULL, amount integer NOT NULL, currency text NOT NULL, country text NOT NULL,',
  'merchant_order_id text NOT NULL, payment_method text, gateway_first_try text, description text,',
  'locale text, customer text, metadata text NOT NULL, payment_settings text, success_url text,',
  'cancel_url text, notification_url text, checkout_url text NOT NULL, expires_at integer NOT NULL,',
  'created_at integer NOT NULL, updated_at integer NOT NULL, version integer DEFAULT 0 NOT NULL,',
  'payment_failure_url text);',
  'CREATE TABLE payments (id text PRIMARY KEY NOT NULL, session_id text NOT NULL, merchant_id text NOT NULL,',
  'mode text NOT NULL, method text NOT NULL, gateway text NOT NULL, status text NOT NULL,',
  'amount integer NOT NULL, currency text NOT NULL, installments integer DEFAULT 1 NOT NULL,',
  'details text NOT NULL, customer text, gateway_reference text, failure_code text, failure_message text,',
  'created_at integer NOT NULL, updated_at integer NOT NULL, paid_at integer);',
  'CREATE INDEX payments_session_idx ON payments (session_id, created_at);',
].join(' ');

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** `node scripts/start.mjs` from `srcDir` with its own data dir and port; resolves after its banner. */
export async function startBorda(srcDir) {
  const stateDir = tempDir('borda-bench-state-');
  const port = await freePort();
  const child = startGroup(
    'borda (npm start)',
    process.execPath,
    [path.join(srcDir, 'scripts', 'start.mjs')],
    {
      cwd: srcDir,
      env: { ...childEnv, PORT: String(port), BORDA_STATE_DIR: stateDir },
    },
  );
  await waitFor(child, () => child.early().includes('--- end ---'), 150_000, 'start-up banner');
  const demo = JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8'));
  return { child, stateDir, srcDir, base: `http://127.0.0.1:${port}`, demo };
}

/**
 * The baseline Worker with its own D1 (tables created first) and Durable Object, sized like Borda.
 * Run from a temp copy of bench/baseline, so wrangler's build output stays out of the repository.
 */
export async function startBaseline({ pageBytes, sessionBytes }) {
  const workDir = tempDir('borda-bench-baseline-src-');
  cpSync(path.join(ROOT, 'bench', 'baseline'), workDir, {
    recursive: true,
    filter: (src) => !src.includes('.wrangler'),
  });
  // The baseline's page renders with hono/jsx, as Borda's does: the same installed package.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(workDir, 'node_modules'), 'dir');
  const stateDir = tempDir('borda-bench-baseline-');
  const common = ['--config', path.join(workDir, 'wrangler.toml'), '--persist-to', stateDir];
  await wrangler(['d1', 'execute', 'DB', '--local', ...common, '--command', SCHEMA_SQL], { cwd: workDir });
  // A free port can be taken by another process before wrangler binds it (a shared machine): retry.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startBaselineOn(await freePort(), { workDir, stateDir, common, pageBytes, sessionBytes });
    } catch (err) {
      if (attempt >= 3 || !/Address already in use/.test(err.message)) throw err;
    }
  }
}

async function startBaselineOn(port, { workDir, stateDir, common, pageBytes, sessionBytes }) {
  const wranglerBin = path.join(ROOT, 'node_modules', '.bin', 'wrangler');
  const child = startGroup(
    'baseline (wrangler dev)',
    wranglerBin,
    [
      'dev',
      ...common,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--show-interactive-dev-session=false',
      '--var',
      `PAGE_BYTES:${pageBytes}`,
      '--var',
      `SESSION_BYTES:${sessionBytes}`,
    ],
    { cwd: workDir },
  );
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(child, () => answers(`${base}/health`), 90_000, 'answer on /health');
  } catch (err) {
    await child.stop();
    throw err;
  }
  return { child, stateDir, base };
}
