import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Meta = { outputs: Record<string, { inputs?: Record<string, { bytesInOutput: number }> }> };

/**
 * What the Worker bundle carries, from the same build `wrangler deploy` uploads (esbuild's metafile).
 * Not a size budget (the bench reports size): a guard on what must stay out.
 */
describe('the Worker bundle', () => {
  it("carries zod's English messages only, not its other locales", { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'borda-bundle-'));
    try {
      execFileSync(
        process.execPath,
        [
          'node_modules/wrangler/bin/wrangler.js',
          'deploy',
          '--dry-run',
          '--outdir',
          dir,
          '--metafile',
          join(dir, 'meta.json'),
        ],
        { stdio: 'pipe', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
      );
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
      const inputs = Object.values(meta.outputs).flatMap((o) => Object.entries(o.inputs ?? {}));
      const shipped = inputs.filter(([, v]) => v.bytesInOutput > 0).map(([f]) => f);
      const locales = shipped.filter((f) => f.includes('zod/v4/locales/')).map((f) => f.split('/').pop());
      expect(locales.sort()).toEqual(['en.js', 'index.js']);
      // The schemas themselves are in: the bundle is the app, not an empty shell.
      expect(shipped.some((f) => f.endsWith('src/features/sessions/schema.ts'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
