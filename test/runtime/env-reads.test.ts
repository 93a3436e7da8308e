/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

/**
 * Only src/platform/ turns the Worker's `env` into ports; the entry points (src/index.ts, src/queue.ts,
 * the three Workers' in src/workers/) and the SessionDO's constructor hand `env` to it whole (the edge
 * entry also forwards requests over its service bindings). Anything else that reads a binding or a
 * variable (`c.env`, `this.env`, `env.X`) would be a second path to the data, so this fails on it.
 */
const sources = import.meta.glob<string>(['/src/**/*.ts', '/src/**/*.tsx', '!/src/**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const ALLOWED = /^\/src\/(platform\/|index\.ts$|queue\.ts$|workers\/(edge|core|control)\.ts$)/;
const READS = [/\bc\.env\b/, /\bthis\.env\b/, /\benv\.[A-Za-z_$]/, /\bc\.env\s*\[/];

/** Handing the whole `env` to the platform (the SessionDO does, as the runtime gives it `this.env`). */
const HANDOFF = /\b(platform|ports|portsOf)\((this\.)?env\)/g;

/** The code without its comments and handoffs, so prose that mentions `env.X` does not count. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(HANDOFF, '');
}

function envReads(files: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (ALLOWED.test(path)) continue;
    code(text)
      .split('\n')
      .forEach((line, i) => {
        if (READS.some((r) => r.test(line))) found.push(`${path}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('env is read only by src/platform/', () => {
  it('sees the whole source tree', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(200);
    expect(Object.keys(sources)).toContain('/src/http/service-ctx.ts');
  });

  it('finds no read of env outside src/platform/ and the entry points', () => {
    expect(envReads(sources)).toEqual([]);
  });

  it('would catch each way of reading it', () => {
    const planted = {
      '/src/features/x/routes.ts': "const k = c.env.ENCRYPTION_KEY;\nconst q = c.env['JOBS'];",
      '/src/core/session/x.ts': 'publish(this.env.WEBHOOKS);',
      '/src/jobs/x.ts': 'run(env.DB);\n// env.DB in a comment is fine',
      '/src/platform/x.ts': 'drizzle(env.DB);',
      '/src/core/session/y.ts': 'return portsOf(this.env);\nconst p = portsOf(this.env.DB);',
    };
    expect(envReads(planted)).toEqual([
      '/src/features/x/routes.ts:1: const k = c.env.ENCRYPTION_KEY;',
      "/src/features/x/routes.ts:2: const q = c.env['JOBS'];",
      '/src/core/session/x.ts:1: publish(this.env.WEBHOOKS);',
      '/src/jobs/x.ts:1: run(env.DB);',
      '/src/core/session/y.ts:2: const p = portsOf(this.env.DB);',
    ]);
  });
});
