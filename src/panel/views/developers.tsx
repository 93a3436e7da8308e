import type { FC } from 'hono/jsx';
import { Csrf, Notices, when } from './layout';

type Key = {
  id: string;
  kind: 'secret' | 'public';
  prefix: string;
  createdAt: number;
  revokedAt: number | null;
};

export const DevelopersPage: FC<{
  base: string;
  csrf: string;
  keys: Key[];
  shown?: { label: string; value: string };
  notice?: string;
  error?: string;
}> = (p) => (
  <>
    <Notices notice={p.notice} error={p.error} />
    {p.shown && (
      <div class="notice" role="status">
        <p>{p.shown.label}. It is shown only this once: copy it now.</p>
        <p>
          <code class="secret" id="shown-secret">
            {p.shown.value}
          </code>
        </p>
      </div>
    )}
    <h2>API keys</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Key</th>
          <th scope="col">Created (UTC)</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {p.keys.map((k) => (
          <tr>
            <td>{k.kind}</td>
            <td>
              <code>{k.prefix}…</code>
            </td>
            <td>
              {when(k.createdAt)}
              {k.revokedAt !== null && <strong class="key-stops"> · stops {when(k.revokedAt)}</strong>}
            </td>
            <td>
              {k.revokedAt === null && (
                <form method="post" action={`${p.base}/developers/keys/roll`} class="inline">
                  <Csrf token={p.csrf} />
                  <input type="hidden" name="kind" value={k.kind} />
                  <label>
                    Old key stops{' '}
                    <select name="overlap">
                      <option value="0">now</option>
                      <option value="1">in 1 hour</option>
                      <option value="24">in 24 hours</option>
                    </select>
                  </label>
                  <button type="submit">Roll {k.kind} key</button>
                </form>
              )}
              <form method="post" action={`${p.base}/developers/keys/${k.id}/revoke`} class="inline">
                <Csrf token={p.csrf} />
                <button
                  type="submit"
                  aria-label={`${k.revokedAt === null ? 'Revoke now' : 'Stop now'}: ${k.prefix}…`}
                >
                  {k.revokedAt === null ? 'Revoke now' : 'Stop now'}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <form method="post" action={`${p.base}/developers/keys`}>
      <Csrf token={p.csrf} />
      <p>
        <label for="new-key-kind">Another key beside these (one per service, revoked on its own)</label>{' '}
        <select id="new-key-kind" name="kind">
          <option value="secret">secret</option>
          <option value="public">public</option>
        </select>{' '}
        <button type="submit">Create key</button>
      </p>
    </form>
    <h2>Webhook signing secret</h2>
    <form method="post" action={`${p.base}/developers/webhook-secret/roll`}>
      <Csrf token={p.csrf} />
      <p>Rolling issues a new secret; the old one keeps signing beside it for 24 hours.</p>
      <button type="submit">Roll webhook secret</button>
    </form>
  </>
);
