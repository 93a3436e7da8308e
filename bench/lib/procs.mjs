// Child processes, ports, temp dirs and the source snapshot, all cleaned up by `cleanup()`.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'node_modules', '.bin');

/** Wrangler's shebang is `env node`: the pinned Node 24 must come first on PATH. */
export const childEnv = {
  ...process.env,
  PATH: [path.dirname(process.execPath), BIN, process.env.PATH].join(path.delimiter),
  WRANGLER_SEND_METRICS: 'false',
  NO_D1_WARNING: 'true',
  // Per-request access logs from both servers would otherwise cost CPU during the runs.
  WRANGLER_LOG: 'warn',
};

const groups = new Set();
const dirs = new Set();

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function tempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A copy of the Worker's sources (tracked and untracked, not ignored) in a temp dir, node_modules
 * linked: wrangler dev reloads on every source change, and others edit the tree while this runs.
 */
export function snapshotSources() {
  const dir = tempDir('borda-bench-src-');
  const wanted = ['src', 'scripts', 'migrations', 'wrangler.toml', 'package.json', 'tsconfig.json'];
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '--', ...wanted], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f && existsSync(path.join(ROOT, f)));
  for (const file of [...files, '.dev.vars.example']) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(dir, file));
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Starts a command in its own process group; keeps the last 64 KB of its output for errors. */
export function startGroup(name, command, args, { cwd = ROOT, env = childEnv } = {}) {
  const proc = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let seen = '';
  const keep = (d) => {
    out = (out + d).slice(-65_536);
    if (seen.length < 65_536) seen += d;
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  const child = {
    name,
    proc,
    output: () => out,
    /** Output from the start (first 64 KB): for banners printed once. */
    early: () => seen,
    stop: () => stopGroup(child),
  };
  groups.add(child);
  return child;
}

async function stopGroup(child) {
  groups.delete(child);
  const { proc } = child;
  if (proc.exitCode !== null || proc.signalCode !== null || proc.pid === undefined) return;
  const exited = new Promise((r) => proc.once('exit', r));
  try {
    process.kill(-proc.pid, 'SIGTERM');
  } catch {
    return;
  }
  await Promise.race([exited, sleep(2000)]);
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Waits until `ready()` holds, the child exits, or `ms` pass. */
export async function waitFor(child, ready, ms, what) {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (child.proc.exitCode !== null)
      throw new Error(`${child.name} exited early:\n${child.output().slice(-4000)}`);
    if (Date.now() > deadline)
      throw new Error(`${child.name}: no ${what} within ${ms / 1000} s:\n${child.output().slice(-4000)}`);
    await sleep(200);
  }
}

/** Runs wrangler to completion (bounded); returns stdout (at log level "log": --json prints there). */
export function wrangler(args, { cwd = ROOT, timeoutMs = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const env = { ...childEnv, WRANGLER_LOG: 'log' };
    const child = startGroup(`wrangler ${args[0]}`, path.join(BIN, 'wrangler'), args, { cwd, env });
    let stdout = '';
    child.proc.stdout.on('data', (d) => {
      stdout += d;
    });
    const timer = setTimeout(() => child.stop(), timeoutMs);
    child.proc.once('exit', (code) => {
      clearTimeout(timer);
      groups.delete(child);
      if (code === 0) resolve(stdout);
      else reject(new Error(`wrangler ${args.join(' ')} failed (${code}):\n${child.output().slice(-4000)}`));
    });
  });
}

/** Stops every child group still running and removes every temp dir. */
export async function cleanup() {
  await Promise.all([...groups].map((g) => stopGroup(g)));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

/** Last resort on a synchronous exit: SIGKILL whatever is left. */
export function killAllNow() {
  for (const { proc } of groups) {
    try {
      if (proc.pid) process.kill(-proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
