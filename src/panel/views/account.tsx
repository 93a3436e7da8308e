import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import { Csrf, Notices, Page } from './layout';

export const TotpPage: FC<{ nonce: string; error?: string }> = (p) => (
  <Page title="Authenticator code" nonce={p.nonce}>
    <main>
      <h1>Authenticator code</h1>
      {p.error && (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
      <form method="post" action="/dashboard/login/totp">
        <p>
          <label for="code">6-digit code from your authenticator app</label>
          <input
            id="code"
            name="code"
            inputmode="numeric"
            autocomplete="one-time-code"
            pattern="[0-9]{6}"
            required
          />
        </p>
        <button type="submit">Continue</button>
      </form>
    </main>
  </Page>
);

/** The signed-in user's own second factor: enrol (secret and QR shown once) or turn it off with a code. */
export const AccountBody: FC<{
  csrf: string;
  enabled: boolean;
  enrol?: { secret: string; uri: string; qr: string };
  notice?: string;
  error?: string;
}> = (p) => (
  <>
    <Notices notice={p.notice} error={p.error} />
    <h2>Two-step sign-in (authenticator app)</h2>
    {p.enabled ? (
      <form method="post" action="/dashboard/account/totp/disable">
        <Csrf token={p.csrf} />
        <p>On. To turn it off, give a current code.</p>
        <label for="code">Code</label> <input id="code" name="code" inputmode="numeric" required />
        <button type="submit">Turn off</button>
      </form>
    ) : p.enrol ? (
      <form method="post" action="/dashboard/account/totp/confirm">
        <Csrf token={p.csrf} />
        <p>Scan this with your authenticator app, or type the key, then give the code it shows.</p>
        <div role="img" aria-label="QR code of the authenticator key">
          {raw(p.enrol.qr)}
        </div>
        <p>
          Key: <code id="totp-secret">{p.enrol.secret}</code>
        </p>
        <label for="code">Code</label> <input id="code" name="code" inputmode="numeric" required />
        <button type="submit">Turn on</button>
      </form>
    ) : (
      <form method="post" action="/dashboard/account/totp/start">
        <Csrf token={p.csrf} />
        <p>Off.</p>
        <button type="submit">Set up an authenticator</button>
      </form>
    )}
  </>
);
