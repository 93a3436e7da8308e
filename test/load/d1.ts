import { execFile } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../e2e/server';

export type Row = Record<string, unknown>;

const BIN = path.join(ROOT, 'node_modules', '.bin');

/**
 * Runs SQL against the local D1 of a Borda data directory through `wrangler d1 execute --local`
 * (a separate workerd reading the same SQLite file as the running server). Slow (~2 s a call), so
 * load tests use it for a handful of setup steps and final checks only. Returns one array of rows
 * per statement.
 */
export async function d1(stateDir: string, what: { sql: string } | { file: string }): Promise<Row[][]> {
  const args = ['d1', 'execute', 'DB', '--local', '--persist-to', stateDir, '--json'];
  args.push(...('sql' in what ? ['--command', what.sql] : ['--file', what.file]));
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      path.join(BIN, 'wrangler'),
      args,
      {
        cwd: ROOT,
        // wrangler needs Node 22+: the project's pinned node lives beside it in node_modules/.bin.
        env: {
          ...process.env,
          PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}`,
          WRANGLER_SEND_METRICS: 'false',
          NO_D1_WARNING: 'true',
        },
        maxBuffer: 256 * 1024 * 1024,
        timeout: 180_000,
      },
      (err, out, stderr) => {
        if (err)
          reject(new Error(`wrangler d1 execute failed: ${err.message}\n${String(stderr).slice(-2000)}`));
        else resolve(String(out));
      },
    );
  });
  const start = stdout.indexOf('[');
  if (start < 0) throw new Error(`wrangler d1 execute printed no JSON:\n${stdout.slice(0, 2000)}`);
  const parsed = JSON.parse(stdout.slice(start)) as Array<{ results?: Row[]; success?: boolean }>;
  if (!parsed.every((r) => r.success !== false))
    throw new Error(`a statement failed: ${stdout.slice(0, 2000)}`);
  return parsed.map((r) => r.results ?? []);
}

/** The rows of the first (or only) statement. */
export async function d1Rows(stateDir: string, sql: string): Promise<Row[]> {
  return (await d1(stateDir, { sql }))[0] ?? [];
}

/** A number from a result row (SQLite sums of no rows are null). */
export function num(row: Row | undefined, column: string): number {
  const v = row?.[column];
  return typeof v === 'number' ? v : 0;
}

/** A SQL literal for a value read back from D1 (text, integer, real or null). */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as SQL`);
    return String(v);
  }
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  throw new Error(`unexpected D1 value ${JSON.stringify(v)}`);
}
