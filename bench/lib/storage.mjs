// Bytes per row of each D1 table, read from Borda's local D1 file after the run: the input of the
// capacity model (docs: how long a database of a given merchant size stays under D1's size limit).
import { readdirSync } from 'node:fs';
import path from 'node:path';

const TABLES = [
  'checkout_sessions',
  'payments',
  'payment_attempts',
  'events',
  'webhook_deliveries',
  'webhook_attempts',
];

/** Each table's rows and bytes (its b-tree plus its indexes' b-trees, from SQLite's dbstat). */
export async function tableSizes(stateDir) {
  const { DatabaseSync } = await import('node:sqlite');
  const dir = path.join(stateDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (!file) throw new Error(`no D1 file in ${dir}`);
  const db = new DatabaseSync(path.join(dir, file), { readOnly: true });
  try {
    const owner = new Map(
      db
        .prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')")
        .all()
        .map((r) => [r.name, r.tbl_name]),
    );
    const bytes = {};
    for (const r of db.prepare('SELECT name, sum(pgsize) AS b FROM dbstat GROUP BY name').all()) {
      const table = owner.get(r.name) ?? r.name;
      bytes[table] = (bytes[table] ?? 0) + r.b;
    }
    const out = {};
    for (const t of TABLES) {
      const rows = db.prepare(`SELECT count(*) AS n FROM ${t}`).get().n;
      out[t] = {
        rows,
        bytes: bytes[t] ?? 0,
        bytes_per_row: rows > 0 ? Math.round((bytes[t] ?? 0) / rows) : null,
      };
    }
    return out;
  } finally {
    db.close();
  }
}
