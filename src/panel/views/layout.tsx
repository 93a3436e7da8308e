import type { Child, FC } from 'hono/jsx';
import { CURRENCIES, type Currency } from '../../domain/money';
import type { Mode } from '../../domain/tenant';
import type { PanelIdentity } from '../../features/panel/sessions';
import { can } from '../auth/roles';

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{display:flex;gap:1rem;align-items:center;flex-wrap:wrap;padding:.6rem 1rem;background:#14213d;color:#fff}
header a{color:#fff}header nav{display:flex;gap:.8rem;flex-wrap:wrap}
main{max-width:72rem;margin:1rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #d8dce1;padding:.35rem .5rem;text-align:left;vertical-align:top}
form.inline{display:inline}fieldset{border:1px solid #d8dce1;background:#fff;margin:0 0 1rem;min-width:0}
label{display:inline-block;margin:.2rem .6rem .2rem 0}input,select,button{font:inherit;padding:.25rem .4rem}
input,select,textarea,label{max-width:100%;box-sizing:border-box}
button{background:#14213d;color:#fff;border:0;border-radius:3px;cursor:pointer}
.mode-test{background:#ffd166;color:#1b1f24;padding:.1rem .5rem;border-radius:3px}
.mode-live{background:#06d6a0;color:#1b1f24;padding:.1rem .5rem;border-radius:3px}
.notice{background:#e9f5ff;border:1px solid #7fb8e6;padding:.5rem}.error{background:#ffecec;border:1px solid #e08080;padding:.5rem}
code,.secret{font-family:ui-monospace,monospace;word-break:break-all}
h1,h2,h3,p{overflow-wrap:anywhere}
pre.excerpt{white-space:pre-wrap;max-width:36rem;max-height:8rem;overflow:auto;background:#f0f2f5;margin:.2rem 0;padding:.3rem}
.pager{display:flex;gap:1rem;margin:.6rem 0}
@media (max-width:40rem){table{display:block;overflow-x:auto}}
`;

export const Page: FC<{ title: string; nonce: string; children?: Child }> = ({ title, nonce, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title} · Borda</title>
      <style nonce={nonce}>{STYLE}</style>
    </head>
    <body>{children}</body>
  </html>
);

export const Csrf: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

/** What an action did (announced politely) or why it was refused (announced at once). */
export const Notices: FC<{ notice?: string; error?: string }> = ({ notice, error }) => (
  <>
    {notice && (
      <p class="notice" role="status">
        {notice}
      </p>
    )}
    {error && (
      <p class="error" role="alert">
        {error}
      </p>
    )}
  </>
);

type Shell = {
  title: string;
  nonce: string;
  who: PanelIdentity;
  csrf: string;
  mode: Mode | null;
  path: string;
  children?: Child;
};

/** The signed-in frame: navigation (only what the role may open), the test/live switch, sign-out. */
export const Shell: FC<Shell> = ({ title, nonce, who, csrf, mode, path, children }) => {
  const m = mode ?? 'test';
  const other = m === 'test' ? 'live' : 'test';
  const switched = mode
    ? path.replace(`/dashboard/${m}`, `/dashboard/${other}`)
    : `/dashboard/${other}/payments`;
  return (
    <Page title={title} nonce={nonce}>
      <header>
        <strong>{who.merchant.name}</strong>
        <span class={`mode-${m}`} id="mode">
          {m === 'test' ? 'Test mode' : 'Live mode'}
        </span>
        <a href={switched} id="mode-switch">
          Switch to {other}
        </a>
        <nav aria-label="Panel">
          <a href={`/dashboard/${m}/overview`}>Overview</a>
          <a href={`/dashboard/${m}/payments`}>Payments</a>
          {can(who.role, 'webhooks.read') && <a href={`/dashboard/${m}/webhooks`}>Webhooks</a>}
          {can(who.role, 'keys.roll') && <a href={`/dashboard/${m}/developers`}>Developers</a>}
          {can(who.role, 'settings.write') && <a href={`/dashboard/${m}/settings`}>Settings</a>}
          {can(who.role, 'users.manage') && <a href="/dashboard/users">Users</a>}
          {can(who.role, 'audit.read') && <a href="/dashboard/audit">Audit log</a>}
        </nav>
        <a href="/dashboard/account">
          {who.email} ({who.role})
        </a>
        <form method="post" action="/dashboard/logout" class="inline">
          <Csrf token={csrf} />
          <button type="submit">Sign out</button>
        </form>
      </header>
      <main>
        <h1>{title}</h1>
        {children}
      </main>
    </Page>
  );
};

export function when(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** Minor units shown with the currency's ISO 4217 exponent, by string arithmetic (no float rounding). */
export function money(amount: number, currency: string): string {
  const digits = CURRENCIES[currency as Currency]?.exponent ?? 2;
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const whole = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return `${currency} ${amount < 0 ? '-' : ''}${whole}`;
}
