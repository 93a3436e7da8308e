import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Meta = { outputs: Record<string, { inputs?: Record<string, { bytesInOutput: number }> }> };

/**
 * The Worker's size budget: the modules `wrangler deploy` uploads (source maps aside), each gzipped
 * at level 9 and summed, as the bench reports it (bench/lib/extras.mjs `bundleSize`). Set a little
 * above today's build; raise it only for a feature that is worth the bytes, and say so in the README.
 */
const GZIP_BUDGET = 223_500;

let dir: string;
let meta: Meta;

/** What the Worker bundle carries, from the same build `wrangler deploy` uploads (esbuild's metafile). */
describe('the Worker bundle', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'borda-bundle-'));
    execFileSync(
      process.execPath,
      [
        'node_modules/wrangler/bin/wrangler.js',
        'deploy',
        '--dry-run',
        '--outdir',
        join(dir, 'out'),
        '--metafile',
        join(dir, 'meta.json'),
      ],
      { stdio: 'pipe', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
    );
    meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("carries zod's English messages only, not its other locales", () => {
    const inputs = Object.values(meta.outputs).flatMap((o) => Object.entries(o.inputs ?? {}));
    const shipped = inputs.filter(([, v]) => v.bytesInOutput > 0).map(([f]) => f);
    const locales = shipped.filter((f) => f.includes('zod/v4/locales/')).map((f) => f.split('/').pop());
    expect(locales.sort()).toEqual(['en.js', 'index.js']);
    // The schemas themselves are in: the bundle is the app, not an empty shell.
    expect(shipped.some((f) => f.endsWith('src/features/sessions/schema.ts'))).toBe(true);
  });

  it(`stays within ${GZIP_BUDGET} bytes gzipped, minified and without kept names`, () => {
    const out = join(dir, 'out');
    const modules = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .map((f) => join(out, f))
      .filter((f) => statSync(f).isFile() && !f.endsWith('.map') && basename(f) !== 'README.md');
    const code = modules.map((f) => readFileSync(f));
    const gzip = code.reduce((sum, data) => sum + gzipSync(data, { level: 9 }).length, 0);
    expect(modules.length).toBeGreaterThan(0);
    // Minified (a module's own function names are shortened), and no esbuild `__name` helper wrapping
    // every function and class (wrangler.toml keep_names = false: 1,900 wrappers, 14.6 KB gzipped).
    const text = code.map((b) => b.toString('utf8')).join('\n');
    expect(text.includes('function problemResponses('), 'minified').toBe(false);
    expect(/"name",\{value:[\w$]+,configurable:!0\}/.test(text), 'without keep_names').toBe(false);
    expect(gzip).toBeLessThanOrEqual(GZIP_BUDGET);
  });
});
