import type { FC } from 'hono/jsx';
import type { auditLog } from '../../db/schema';
import { Csrf, when } from './layout';

type User = {
  id: string;
  email: string;
  role: string;
  passwordHash: string | null;
  totp: string | null;
  disabledAt: number | null;
  createdAt: number;
};

export const UsersPage: FC<{
  csrf: string;
  users: User[];
  invite?: string;
  error?: string;
  selfId: string;
}> = (p) => (
  <>
    {p.invite && (
      <div class="notice" role="status">
        <p>Invite link (shown once, valid 3 days):</p>
        <code class="secret" id="invite-link">
          {p.invite}
        </code>
      </div>
    )}
    {p.error && (
      <p class="error" role="alert">
        {p.error}
      </p>
    )}
    <form method="post" action="/dashboard/users">
      <Csrf token={p.csrf} />
      <label>
        E-mail <input name="email" type="email" required />
      </label>
      <label>
        Role{' '}
        <select name="role">
          <option value="support">support</option>
          <option value="developer">developer</option>
          <option value="owner">owner</option>
        </select>
      </label>
      <button type="submit">Invite</button>
    </form>
    <table>
      <thead>
        <tr>
          <th scope="col">E-mail</th>
          <th scope="col">Role</th>
          <th scope="col">State</th>
          <th scope="col">Action</th>
        </tr>
      </thead>
      <tbody>
        {p.users.map((u) => (
          <tr>
            <td>{u.email}</td>
            <td>{u.role}</td>
            <td>{u.disabledAt ? 'disabled' : u.passwordHash ? 'active' : 'invited'}</td>
            <td>
              {!u.disabledAt && u.id !== p.selfId && (
                <form method="post" action={`/dashboard/users/${u.id}/disable`} class="inline">
                  <Csrf token={p.csrf} />
                  <button type="submit">Disable and sign out</button>
                </form>
              )}
              {!u.disabledAt && u.totp && u.id !== p.selfId && (
                <form method="post" action={`/dashboard/users/${u.id}/reset-two-step`} class="inline">
                  <Csrf token={p.csrf} />
                  <button type="submit">Reset two-step sign-in</button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </>
);

export const AuditPage: FC<{ rows: (typeof auditLog.$inferSelect)[] }> = ({ rows }) => (
  <table>
    <thead>
      <tr>
        <th scope="col">When (UTC)</th>
        <th scope="col">Who</th>
        <th scope="col">Mode</th>
        <th scope="col">Action</th>
        <th scope="col">Target</th>
        <th scope="col">Detail</th>
        <th scope="col">Address</th>
      </tr>
    </thead>
    <tbody>
      {rows.map((r) => (
        <tr>
          <td>{when(r.createdAt)}</td>
          <td>{r.email ?? ''}</td>
          <td>{r.mode ?? ''}</td>
          <td class="audit-action">{r.action}</td>
          <td>
            <code>{r.target ?? ''}</code>
          </td>
          <td>
            <code>{r.detail ? JSON.stringify(r.detail) : ''}</code>
          </td>
          <td>{r.address ?? ''}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
