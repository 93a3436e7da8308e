// `npm run bundle:report [-- --deep] [-- --worker edge|core|control]`: what a Worker bundle carries, by
// package and by src/ folder; Borda as one Worker (wrangler.toml) unless a Worker of the three is named.
// Builds as `wrangler deploy` does (dry run, esbuild metafile and source map), then for each group:
// - raw: minified bytes it puts in the output (esbuild's `bytesInOutput`);
// - gz alone: its own output characters (found through the source map) gzipped at level 9 by themselves;
// - gz share: the whole bundle's gzipped size shared out in proportion to "gz alone" (sums to the total).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { WORKERS, writeWorkerConfigs } from './workers-config.mjs';

const root = path.resolve(import.meta.dirname, '..');
const deep = process.argv.includes('--deep');
const workerArg = process.argv.indexOf('--worker');
const worker = workerArg >= 0 ? process.argv[workerArg + 1] : undefined;

/** A module's group: its npm package, or its folder under src/ (one level more with --deep). */
function group(file) {
  const f = file.replace(/^.*?(?=(node_modules|src)\/)/, '');
  // drizzle-orm's source maps point at its TypeScript sources as node_modules/src/...
  const pkg = /^node_modules\/(?:src\/|((?:@[^/]+\/)?[^/]+)\/?)([^/]+\/)?/.exec(f);
  if (pkg) {
    const name = pkg[1] ?? 'drizzle-orm';
    return deep && pkg[2] && !pkg[2].includes('.') ? `${name}/${pkg[2].slice(0, -1)}` : name;
  }
  const src = /^src\/([^/.]+\/)?([^/.]+\/)?/.exec(f);
  if (!src?.[1]) return f.startsWith('src/') ? 'src (entry)' : '(other)';
  return `src/${src[1]}${deep && src[2] ? src[2] : ''}`.replace(/\/$/, '');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Source map v3 `mappings`: per generated line, [column, source index] of each segment. */
function segments(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const out = [];
    let column = 0;
    for (const seg of line ? line.split(',') : []) {
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) {
        source += fields[1];
        out.push([column, source]);
      } else out.push([column, -1]);
    }
    lines.push(out);
  }
  return lines;
}

const dir = mkdtempSync(path.join(tmpdir(), 'borda-bundle-report-'));
try {
  const config = worker ? writeWorkerConfigs(path.join(dir, 'configs'))[WORKERS.indexOf(worker)] : undefined;
  if (worker && !config) throw new Error(`--worker takes one of ${WORKERS.join(', ')}`);
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/wrangler/bin/wrangler.js'),
      'deploy',
      '--dry-run',
      ...(config ? ['-c', config] : []),
      '--outdir',
      path.join(dir, 'out'),
      '--metafile',
      path.join(dir, 'meta.json'),
    ],
    { cwd: root, stdio: 'pipe', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  );
  const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8'));
  const main = worker ?? 'index';
  const js = readFileSync(path.join(dir, `out/${main}.js`), 'utf8');
  const map = JSON.parse(readFileSync(path.join(dir, `out/${main}.js.map`), 'utf8'));
  const rows = new Map();
  const row = (g) => rows.get(g) ?? rows.set(g, { raw: 0, text: [] }).get(g);
  for (const output of Object.values(meta.outputs))
    for (const [file, v] of Object.entries(output.inputs ?? {})) row(group(file)).raw += v.bytesInOutput;
  const lines = js.split('\n');
  segments(map.mappings).forEach((segs, i) => {
    const line = lines[i] ?? '';
    segs.forEach(([column, source], k) => {
      const end = segs[k + 1]?.[0] ?? line.length;
      row(source < 0 ? '(other)' : group(map.sources[source])).text.push(line.slice(column, end));
    });
  });
  const total = gzipSync(js, { level: 9 }).length;
  const table = [...rows].map(([g, r]) => ({
    g,
    raw: r.raw,
    alone: gzipSync(r.text.join(''), { level: 9 }).length,
  }));
  const sum = table.reduce((s, r) => s + r.alone, 0);
  table.sort((a, b) => b.alone - a.alone);
  console.log(`Worker bundle: ${js.length} bytes raw, ${total} gzipped (level 9)\n`);
  console.log('| group | raw bytes | gzipped alone | share of gzipped |');
  console.log('|---|---:|---:|---:|');
  for (const r of table)
    if (r.alone > 300)
      console.log(`| ${r.g} | ${r.raw} | ${r.alone} | ${Math.round((r.alone * total) / sum)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
