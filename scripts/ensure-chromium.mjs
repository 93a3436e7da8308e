// Runs before the tests: the browser tests drive Debian's Chromium at /usr/bin/chromium (no test tool
// downloads a browser of its own). Installs it when it is missing and this user can (root with apt);
// otherwise stops at once with the one command to run, before any test starts a server.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const say = (line) => process.stdout.write(`[borda] ${line}\n`);

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (!executable(CHROMIUM)) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    say(
      `Chromium is missing at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\`, then run npm test again.`,
    );
    process.exit(1);
  }
  say("Chromium is missing: installing Debian's chromium with apt-get (once)...");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) =>
    spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', 'chromium']) || !executable(CHROMIUM)) {
    say('installing chromium failed: run `apt-get update && apt-get install -y chromium` and try again.');
    process.exit(1);
  }
  say(`installed ${CHROMIUM}`);
}
