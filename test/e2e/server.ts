import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export type Server = {
  port: number;
  base: string;
  output: () => string;
  stop: () => Promise<void>;
  proc: ChildProcess;
};

/** Every server started in this process that has not been stopped: see `stopAllServers`. */
const running = new Set<Server>();

/**
 * Stops whatever this test file started and did not stop, so a setup that fails half-way (Chromium
 * missing after the server came up) never leaves a `wrangler dev` and its workerd behind. Run after
 * each file by test/e2e/teardown.ts, and once more, synchronously, when the process exits.
 */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

process.once('exit', () => {
  for (const s of running) {
    if (s.proc.pid !== undefined && s.proc.exitCode === null) {
      try {
        process.kill(-s.proc.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

type StartOptions = { stateDir: string; port?: number; env?: Record<string, string> };

/**
 * Runs `npm start` exactly as a developer would, in its own data directory and port. A free port can
 * be taken by another listener between being found and being bound: then it starts again on another.
 */
export async function startBorda(opts: StartOptions): Promise<Server> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(opts);
    } catch (err) {
      const taken = err instanceof Error && err.message.includes('Address already in use');
      if (!taken || opts.port !== undefined || attempt >= 3) throw err;
    }
  }
}

async function startOnce(opts: StartOptions): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const proc = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), BORDA_STATE_DIR: opts.stateDir, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  proc.stdout?.on('data', (d) => {
    out += d;
  });
  proc.stderr?.on('data', (d) => {
    out += d;
  });
  const stop = async () => {
    running.delete(server);
    if (proc.exitCode !== null || proc.pid === undefined) return;
    const exited = new Promise((r) => proc.once('exit', r));
    const group = -proc.pid;
    // The group may already be gone before the child's exit event is seen: ESRCH is not a failure.
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(group, sig);
      } catch {
        // no such process group
      }
    };
    signal('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (proc.exitCode === null) signal('SIGKILL');
  };
  const server: Server = { port, base: `http://localhost:${port}`, output: () => out, stop, proc };
  running.add(server);
  const deadline = Date.now() + 150_000;
  while (!out.includes('--- end ---')) {
    if (proc.exitCode !== null) throw new Error(`npm start exited early:\n${out}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`npm start did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}

/** The curl command `npm start` printed between its markers. */
export function printedCurl(output: string): string {
  const match = /--- curl ---\n([\s\S]*?)\n--- end ---/.exec(output);
  if (!match?.[1]) throw new Error(`no curl in output:\n${output}`);
  return match[1];
}
