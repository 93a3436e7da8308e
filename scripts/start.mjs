// `npm start`: local Borda in workerd, no Cloudflare account, no network.
// 1. creates .dev.vars from .dev.vars.example on first run (fresh random secrets);
// 2. applies pending D1 migrations to the local database;
// 3. starts Borda's three Workers in one `wrangler dev` on PORT (default 7701), the edge Worker first (it
//    takes every request), with cron triggerable by hand;
// 4. on the first start of a data directory, creates a demo merchant and prints its keys and a curl.
// Environment: PORT, BORDA_STATE_DIR (local data; default .wrangler/state), and any Worker setting in
// OVERRIDABLE below (e.g. WEBHOOK_RETRY_SCHEDULE=1,1,1 npm start), which wins over .dev.vars.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeWorkerConfigs } from './workers-config.mjs';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT ?? 7701);
const stateDir = path.resolve(root, process.env.BORDA_STATE_DIR ?? '.wrangler/state');
const wrangler = path.join(root, 'node_modules', '.bin', 'wrangler');
const devVarsPath = path.join(root, '.dev.vars');
const demoPath = path.join(stateDir, 'borda-demo.json');
const base = `http://localhost:${port}`;
const OVERRIDABLE = [
  'WEBHOOK_RETRY_SCHEDULE',
  'ALLOW_LOOPBACK_URLS',
  'PUBLIC_BASE_URL',
  // Customer notifications: which provider, sender, retries and reminder lead (see .dev.vars.example).
  'NOTIFY_EMAIL_PROVIDER',
  'NOTIFY_SMS_PROVIDER',
  'NOTIFY_EMAIL_FROM',
  'NOTIFY_SMS_FROM',
  'NOTIFY_RETRY_SCHEDULE',
  'NOTIFY_REMINDER_BEFORE_SECONDS',
  'RESEND_API_KEY',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
];
// Gateway API bases (`<SLUG>_API_BASE`) point connectors at local fakes; the Worker ignores loopback
// ones unless ALLOW_LOOPBACK_URLS is on.
const apiBases = Object.keys(process.env).filter((name) => /^[A-Z0-9]+_API_BASE$/.test(name));
const overrides = Object.fromEntries(
  [...OVERRIDABLE, ...apiBases]
    .filter((name) => process.env[name] !== undefined)
    .map((n) => [n, process.env[n]]),
);
const childEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', NO_D1_WARNING: 'true' };

function log(line) {
  process.stdout.write(`[borda] ${line}\n`);
}

function generated(name) {
  if (name === 'ENCRYPTION_KEY') return randomBytes(32).toString('base64');
  return `adm_${randomBytes(32).toString('base64url')}`;
}

function ensureDevVars() {
  const example = readFileSync(path.join(root, '.dev.vars.example'), 'utf8');
  const fill = (text) => text.replace(/^([A-Z_]+)=generate$/gm, (_, name) => `${name}=${generated(name)}`);
  if (!existsSync(devVarsPath)) {
    writeFileSync(devVarsPath, fill(example), { mode: 0o600 });
    log('created .dev.vars with fresh local secrets');
    return;
  }
  // Settings added to the example since this .dev.vars was made are appended; existing ones are kept.
  const current = readFileSync(devVarsPath, 'utf8');
  const have = new Set([...current.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]));
  const missing = example.split('\n').filter((line) => {
    const m = /^([A-Z_]+)=/.exec(line);
    return m && !have.has(m[1]);
  });
  if (missing.length > 0) {
    writeFileSync(devVarsPath, `${current.replace(/\n?$/, '\n')}${fill(missing.join('\n'))}\n`, {
      mode: 0o600,
    });
    log(`added ${missing.map((l) => l.split('=')[0]).join(', ')} to .dev.vars`);
  }
}

function readDevVars() {
  const vars = {};
  for (const line of readFileSync(devVarsPath, 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) vars[m[1]] = m[2];
  }
  return vars;
}

function applyMigrations() {
  mkdirSync(stateDir, { recursive: true });
  // stdin is not a TTY, so wrangler applies without asking for confirmation. Its tables are kept
  // out of the way: one line says what happened, the whole output only when it failed.
  const r = spawnSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], {
    cwd: root,
    env: childEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0) {
    process.stdout.write(`${r.stdout}${r.stderr}`);
    log('applying migrations failed');
    process.exit(r.status ?? 1);
  }
  const pending = /About to apply (\d+) migration/.exec(r.stdout);
  log(
    pending
      ? `applied ${pending[1]} migration(s) to ${path.relative(root, stateDir) || '.'}`
      : 'database up to date',
  );
}

/**
 * Passes wrangler's output through, less the noise of a machine without network: the bindings table
 * (printed twice) and the `Request.cf` warning with its DNS stack, which only means wrangler could not
 * download Cloudflare's sample request metadata and uses a placeholder; nothing else depends on it.
 */
function relay(stream, out) {
  let buffered = '';
  let cfExplained = false;
  let inStack = false;
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (/Unable to fetch the `Request\.cf` object/.test(line)) {
        inStack = true;
        if (!cfExplained) log('no network: wrangler uses a placeholder Request.cf (harmless locally)');
        cfExplained = true;
        continue;
      }
      if (inStack && (/^Error: getaddrinfo/.test(line) || /^\s+at /.test(line))) continue;
      inStack = false;
      if (/^(env\.|Binding\s+Resource|Your Worker has access to the following bindings)/.test(line)) continue;
      out.write(`${line}\n`);
    }
  });
}

async function waitForHealth(child) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('wrangler dev exited during start-up');
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the Worker did not answer on ${base} within 90 s`);
}

async function ensureDemoMerchant(adminToken) {
  if (existsSync(demoPath)) {
    log(`reusing the demo merchant from ${path.relative(root, demoPath)}`);
    return JSON.parse(readFileSync(demoPath, 'utf8'));
  }
  const res = await fetch(`${base}/admin/v1/merchants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Borda Demo Store', country: 'BRA' }),
  });
  if (res.status !== 201)
    throw new Error(`creating the demo merchant failed: ${res.status} ${await res.text()}`);
  const merchant = await res.json();
  // Kept beside the local data it belongs to: wiping the data dir forgets the merchant too.
  writeFileSync(demoPath, JSON.stringify(merchant, null, 2), { mode: 0o600 });
  chmodSync(demoPath, 0o600);
  log('created the demo merchant');
  return merchant;
}

function printBanner(m) {
  const curl = [
    `curl -sS -X POST ${base}/api/v1/checkout/sessions \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'X-API-Key: ${m.secret_keys.test}' \\`,
    `  -d '{"amount":15000,"currency":"BRL","merchant_order_id":"ORD-'"$(date +%s)"'","payment_method":"pix","success_url":"https://mystore.com/order/success","cancel_url":"https://mystore.com/order/failed"}'`,
  ].join('\n');
  process.stdout.write(
    [
      '',
      `Borda is running on ${base}  (API reference: ${base}/docs)`,
      '',
      `  merchant id      ${m.merchant_id}`,
      `  test secret key  ${m.secret_keys.test}`,
      `  test public key  ${m.public_keys.test}`,
      `  test webhook secret ${m.webhook_secrets?.test ?? m.webhook_secret}`,
      '',
      'Create a checkout session:',
      '--- curl ---',
      curl,
      '--- end ---',
      `Run the cron by hand: curl '${base}/__scheduled?cron=*+*+*+*+*'`,
      ...mailboxLine(),
      '',
    ].join('\n'),
  );
}

/** Where customer e-mail and SMS land locally, when the mailbox provider is in use (the default). */
function mailboxLine() {
  const vars = readDevVars();
  const provider = (name) => process.env[name] ?? vars[name];
  const on = provider('NOTIFY_EMAIL_PROVIDER') === 'mailbox' || provider('NOTIFY_SMS_PROVIDER') === 'mailbox';
  return on
    ? [`Dev mailbox (customer e-mail and SMS, nothing leaves this machine): ${base}/dev/mailbox`]
    : [];
}

ensureDevVars();
applyMigrations();
// The three Workers' configurations and the settings they share, overrides included, one directory per
// data directory (wrangler builds beside a configuration: its output is not kept with the data).
const configDir = path.join(
  root,
  '.wrangler',
  'workers',
  createHash('sha256').update(stateDir).digest('hex').slice(0, 16),
);
const [core, control, edge] = writeWorkerConfigs(configDir, {
  ...readDevVars(),
  ...overrides,
});
const child = spawn(
  wrangler,
  [
    'dev',
    ...['-c', edge, '-c', core, '-c', control],
    '--port',
    String(port),
    '--persist-to',
    stateDir,
    '--test-scheduled',
    '--show-interactive-dev-session=false',
  ],
  { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
);
relay(child.stdout, process.stdout);
relay(child.stderr, process.stderr);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  // Regenerated on every start; the copy of the secrets in it goes with the process.
  rmSync(configDir, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});

try {
  await waitForHealth(child);
  printBanner(await ensureDemoMerchant(readDevVars().ADMIN_TOKEN));
} catch (err) {
  log(err.message);
  child.kill('SIGTERM');
  process.exitCode = 1;
}
