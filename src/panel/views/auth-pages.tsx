import type { FC } from 'hono/jsx';
import { Page } from './layout';

export const LoginPage: FC<{ nonce: string; error?: string; notice?: string; email?: string }> = (p) => (
  <Page title="Sign in" nonce={p.nonce}>
    <main>
      <h1>Sign in to Borda</h1>
      {p.notice && <p class="notice">{p.notice}</p>}
      {p.error && (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
      <form method="post" action="/dashboard/login">
        <p>
          <label for="email">E-mail</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={p.email ?? ''}
          />
        </p>
        <p>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </p>
        <button type="submit">Sign in</button>
      </form>
    </main>
  </Page>
);

export const InvitePage: FC<{ nonce: string; email: string; token: string; error?: string }> = (p) => (
  <Page title="Set your password" nonce={p.nonce}>
    <main>
      <h1>Set your password</h1>
      <p>
        Invited as <strong>{p.email}</strong>. Choose a password of at least 12 characters.
      </p>
      {p.error && (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
      <form method="post" action={`/dashboard/invite/${p.token}`}>
        <p>
          <label for="password">New password</label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            minlength={12}
            required
          />
        </p>
        <button type="submit">Set password</button>
      </form>
    </main>
  </Page>
);

export const ErrorPage: FC<{ nonce: string; status: number; message: string }> = (p) => (
  <Page title={p.status === 404 ? 'Not found' : 'Refused'} nonce={p.nonce}>
    <main>
      <h1>{p.status === 404 ? 'Not found' : 'Refused'}</h1>
      <p role="alert">{p.message}</p>
      <p>
        <a href="/dashboard">Back to the panel</a>
      </p>
    </main>
  </Page>
);
