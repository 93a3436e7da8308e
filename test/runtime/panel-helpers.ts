import { ADMIN_TOKEN, BASE, call } from './helpers';

/** A browser-like client of the panel: keeps the session cookie and reads CSRF tokens from pages. */
export class PanelClient {
  cookie: string | null = null;
  constructor(readonly address = '203.0.113.7') {}

  async request(
    path: string,
    init: { method?: string; form?: Record<string, string>; origin?: string | null } = {},
  ) {
    const headers: Record<string, string> = { 'cf-connecting-ip': this.address };
    if (this.cookie) headers.cookie = this.cookie;
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const method = init.method ?? (init.form ? 'POST' : 'GET');
    if (method === 'POST' && init.origin !== null) headers.origin = init.origin ?? BASE;
    const res = await call(path, { method, headers, body, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) {
      const pair = set.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    return res;
  }

  /** GETs a page and returns its HTML and the CSRF token of its forms. */
  async page(path: string) {
    const res = await this.request(path);
    const html = await res.text();
    return { res, html, csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '' };
  }

  /** POSTs a form from the page at `from`, with that page's CSRF token. */
  async submit(from: string, action: string, form: Record<string, string> = {}) {
    const { csrf } = await this.page(from);
    return this.request(action, { form: { _csrf: csrf, ...form } });
  }

  signIn(email: string, password: string) {
    return this.request('/dashboard/login', { form: { email, password } });
  }
}

export async function inviteViaAdmin(merchantId: string, email: string, role: string) {
  const res = await call(`/admin/v1/merchants/${merchantId}/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email, role }),
  });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { user_id: string; invite_url: string };
}

export const PASSWORD = 'correct horse battery staple';
let seq = 0;

/** A user invited by the operator who set a password and signed in. */
export async function signedIn(
  merchantId: string,
  role: 'owner' | 'developer' | 'support',
  address?: string,
) {
  seq += 1;
  const email = `${role}-${seq}-${Date.now()}@shop.example`;
  const invite = await inviteViaAdmin(merchantId, email, role);
  const client = new PanelClient(address);
  const path = new URL(invite.invite_url).pathname;
  const set = await client.request(path, { form: { password: PASSWORD } });
  if (set.status !== 303) throw new Error(`set password failed: ${set.status} ${await set.text()}`);
  const res = await client.signIn(email, PASSWORD);
  if (res.status !== 303) throw new Error(`sign in failed: ${res.status} ${await res.text()}`);
  return { client, email, userId: invite.user_id };
}
