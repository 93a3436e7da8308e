// The printed table, bench/results/latest.json and bench/results/latest.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONNECTIONS, DURATION_S, ROUNDS } from './load.mjs';
import { ROOT } from './procs.mjs';

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

export function environment() {
  const cpus = os.cpus();
  return {
    commit: git(['rev-parse', 'HEAD']),
    // Uncommitted changes were measured too (the run snapshots the working tree).
    dirty:
      (git(['status', '--porcelain', '--', 'src', 'scripts', 'migrations', 'wrangler.toml']) ?? '') !== '',
    date: new Date().toISOString(),
    node: process.version,
    cpu_model: cpus[0]?.model ?? 'unknown',
    cpu_count: cpus.length,
    platform: `${os.platform()} ${os.release()}`,
    method: {
      connections: CONNECTIONS,
      duration_s: DURATION_S,
      rounds: ROUNDS,
      order: 'Borda and baseline back to back, order swapped every round',
      figures: 'median of the rounds; ratio spread = min..max of the per-round ratios',
    },
  };
}

const pad = (v, n) => String(v).padStart(n);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

function notes(s) {
  const out = [];
  for (const [who, r] of [
    ['borda', s.borda],
    ['baseline', s.baseline],
  ]) {
    if (r.non_2xx || r.errors) out.push(`${who}: ${r.non_2xx} non-2xx, ${r.errors} errors`);
  }
  if (s.borda.cache_misses) out.push(`${s.borda.cache_misses} cache misses`);
  if (s.borda.cache_hits) out.push(`${s.borda.cache_hits} cache hits`);
  if (s.borda.tokens_exhausted) out.push('ran out of fresh sessions early');
  return out.join('; ');
}

const range = (r) => `${r.median.toFixed(2)} (${r.min.toFixed(2)}-${r.max.toFixed(2)})`;

export function table(results) {
  const head = `${'scenario'.padEnd(24)} ${pad('Borda req/s', 11)} ${pad('p50', 5)} ${pad('p99', 5)}   ${pad('base req/s', 10)} ${pad('p50', 5)} ${pad('p99', 5)}   ${pad('ratio (spread)', 17)} ${pad('budget', 6)}`;
  const lines = [head, '-'.repeat(head.length)];
  for (const s of results.scenarios) {
    const b = s.borda;
    const x = s.baseline;
    const note = [notes(s), s.verdict === 'meets' ? '' : s.verdict].filter(Boolean).join('; ');
    lines.push(
      `${s.label.padEnd(24)} ${pad(b.rps, 11)} ${pad(b.p50_ms, 5)} ${pad(b.p99_ms, 5)}   ${pad(x.rps, 10)} ${pad(x.p50_ms, 5)} ${pad(x.p99_ms, 5)}   ${pad(range(s.ratio), 17)} ${pad(s.budget ?? '-', 6)}${note ? `  (${note})` : ''}`,
    );
  }
  lines.push(
    `medians of ${results.environment.method.rounds} interleaved rounds; latencies in ms; ratio = Borda req/s / baseline req/s per round, median (min-max)`,
  );
  // A BENCH_ONLY run has the throughput scenarios and nothing else.
  if (!results.page) return lines.join('\n');
  const { page, bundle, startup, webhooks: w, flood: f, cron: c } = results;
  lines.push(
    '',
    `page weight:      ${page.bytes} bytes (${kb(page.bytes)}; ${page.gzip_bytes} gzipped), CSS and JS inline`,
    bundle.error
      ? `worker bundle:    failed: ${bundle.error}`
      : `worker bundles:   ${Object.entries(bundle.workers)
          .map(([name, b]) => `${name} ${b.gzip_bytes} gzipped (${b.bytes} raw)`)
          .join(', ')}; largest ${kb(bundle.gzip_bytes)}`,
    !startup || startup.error
      ? `start-up:         failed: ${startup?.error ?? 'not measured'}`
      : `start-up:         ${Object.entries(startup.workers)
          .map(([name, w]) => `${name} ${w.active_ms.median} ms (${w.active_ms.min}-${w.active_ms.max})`)
          .join(', ')} of CPU to evaluate each Worker (median of ${startup.runs}; wrangler check startup)`,
    w.error
      ? `webhooks:         failed: ${w.error}`
      : `webhooks:         ${w.per_second} deliveries/s (${w.deliveries}/${w.expected} for ${w.sessions} card payments, first to last ${w.first_to_last_s} s; the payments took ${w.pay_s} s)`,
    !f || f.error
      ? `webhook flood:    failed: ${f?.error ?? 'not measured'}`
      : `webhook flood:    ${f.per_second} deliveries/s (${f.deliveries} distinct events of the expiry run in ${f.seconds} s, from the first to the last counted)`,
    c.error
      ? `cron expiry:      failed: ${c.error}`
      : c.finished
        ? `cron expiry:      ${c.sessions} due sessions expired in ${c.seconds} s (${c.per_second}/s; polled every ${c.poll_interval_s} s)`
        : `cron expiry:      NOT finished within ${c.seconds} s: ${c.expired} of ${c.sessions} expired (${c.per_second}/s, ~${c.per_second ? Math.round(c.sessions / c.per_second) : '?'} s for all at that rate)`,
  );
  if (results.storage && !results.storage.error) {
    const sizes = Object.entries(results.storage).map(
      ([t, r]) => `${t} ${r.bytes_per_row ?? '-'} B/row (${r.rows})`,
    );
    lines.push(`D1 row sizes:     ${sizes.join(', ')}`);
  }
  return lines.join('\n');
}

function markdown(results) {
  const e = results.environment;
  const rows = results.scenarios.map(
    (s) =>
      `| ${s.label} | ${s.borda.rps} | ${s.borda.p50_ms} | ${s.borda.p99_ms} | ${s.baseline.rps} | ${s.baseline.p50_ms} | ${s.baseline.p99_ms} | ${range(s.ratio)} | ${s.budget ?? '-'} | ${s.verdict} |`,
  );
  const text = table(results).split('\n');
  const extras = text.slice(text.indexOf('') + 1).map((l) => `- ${l.replace(/:\s+/, ': ')}`);
  return [
    '# Borda benchmark (latest run)',
    '',
    `${e.date}, commit ${e.commit?.slice(0, 12)}${e.dirty ? ' (with uncommitted changes)' : ''}, Node ${e.node}, ${e.cpu_count} x ${e.cpu_model}, load average at start ${e.loadavg_at_start}.`,
    `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per run, ${ROUNDS} interleaved rounds (order swapped each round); medians, ratio as median (min-max of the rounds). Baseline: the same operations' essential I/O on the same runtime (bench/baseline).`,
    '',
    '| scenario | Borda req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ratio (spread) | budget | verdict |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    ...extras,
    '',
  ].join('\n');
}

/** Arrays become objects keyed by position or id, so the file is stable under the formatter. */
function forJson(results) {
  const scenarios = {};
  for (const s of results.scenarios) {
    scenarios[s.id] = {
      ...s,
      ratios: Object.fromEntries(s.ratios.map((r, i) => [`round_${i + 1}`, r])),
      rounds: {
        borda: Object.fromEntries(s.rounds.borda.map((r, i) => [`round_${i + 1}`, r])),
        baseline: Object.fromEntries(s.rounds.baseline.map((r, i) => [`round_${i + 1}`, r])),
      },
    };
  }
  return { ...results, scenarios };
}

export function writeResults(results) {
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of [
    ['latest.json', `${JSON.stringify(forJson(results), null, 2)}\n`],
    ['latest.md', markdown(results)],
  ]) {
    // Written beside and renamed, so a reader never sees half a file (*.tmp is git-ignored).
    const tmp = path.join(dir, `${name}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, path.join(dir, name));
  }
  return dir;
}
