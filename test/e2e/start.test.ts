import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printedCurl, ROOT, startBorda } from './server';

const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-start-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

function merchantCount(): number {
  const out = execFileSync(
    path.join(ROOT, 'node_modules/.bin/wrangler'),
    [
      'd1',
      'execute',
      'DB',
      '--local',
      '--persist-to',
      stateDir,
      '--json',
      '--command',
      'SELECT count(*) AS n FROM merchants',
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
  );
  return (JSON.parse(out) as Array<{ results: Array<{ n: number }> }>)[0]?.results[0]?.n ?? -1;
}

describe('npm start', () => {
  let merchantId = '';

  it('migrates, starts, creates a demo merchant and prints a curl that creates a session', async () => {
    const server = await startBorda({ stateDir });
    try {
      const out = server.output();
      merchantId = /merchant id\s+(mer_\w+)/.exec(out)?.[1] ?? '';
      expect(merchantId).not.toBe('');
      expect(out).toMatch(/test secret key\s+sk_test_\w{32}/);
      expect(out).toMatch(/test public key\s+pk_test_\w{32}/);
      expect(out).toMatch(/webhook secret\s+whsec_\S+/);
      // One line per step: the migrations as a count, not wrangler's tables; no DNS stack for Request.cf.
      expect(out).toMatch(/^\[borda\] applied \d+ migration\(s\)/m);
      expect(out).not.toMatch(/0000_init\.sql|getaddrinfo|env\.DB/);
      const devVars = readFileSync(path.join(ROOT, '.dev.vars'), 'utf8');
      expect(devVars).toMatch(/^ADMIN_TOKEN=(?!generate)\S{20,}$/m);
      expect(devVars).toMatch(/^ENCRYPTION_KEY=(?!generate)\S{40,}$/m);

      const curl = spawnSync('bash', ['-c', printedCurl(out)], { encoding: 'utf8' });
      expect(curl.status).toBe(0);
      const session = JSON.parse(curl.stdout) as { token: string; status: string; checkout_url: string };
      expect(session.token).toMatch(/^cs_test_/);
      expect(session.status).toBe('open');
      expect(session.checkout_url).toBe(`${server.base}/checkout/${session.token}`);
    } finally {
      await server.stop();
    }
  });

  it('reuses the same local data on a second start without a second demo merchant', async () => {
    const server = await startBorda({ stateDir });
    try {
      expect(server.output()).toContain('reusing the demo merchant');
      expect(server.output()).toContain('[borda] database up to date');
      expect(server.output()).toContain(merchantId);
    } finally {
      await server.stop();
    }
    expect(merchantCount()).toBe(1);
  });
});
