import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Merchant, newMerchant } from './helpers';
import { type PanelClient, signedIn } from './panel-helpers';
import { BLUE, CLABE, FORM, formAsRendered, merchantOf } from './settings-helpers';

let m: Merchant;
let owner: PanelClient;
beforeAll(async () => {
  m = await newMerchant();
  owner = (await signedIn(m.merchant_id, 'owner')).client;
});

describe('panel settings', () => {
  it('saves every setting of the mode as GET /api/v1/merchant of that mode returns it, and the other mode keeps its own', async () => {
    const liveBefore = await merchantOf(m.secret_keys.live);
    const res = await owner.submit('/dashboard/test/settings', '/dashboard/test/settings', FORM);
    const html = await res.text();
    expect(res.status, /role="alert">([\s\S]*?)<\/div>/.exec(html)?.[1]).toBe(200);
    const test = await merchantOf(m.secret_keys.test);
    expect(test).toMatchObject({
      enabled_methods: ['pix', 'boleto'],
      default_installments: { max_installments: 3, max_installments_interest: 6, interest: 1.99 },
      default_boleto_terms: {
        boleto_due_days: 5,
        boleto_void_days: 20,
        boleto_charge_fine: true,
        boleto_fine_type: 'percentage',
        boleto_fine_amount: 2,
        boleto_charge_interest: true,
        boleto_interest_type: 'fixed',
        boleto_interest_amount: 0.33,
        discount: 5,
      },
      notify_customer: 'sms',
      required_customer_fields: ['document', 'phone'],
      allowed_origins: ['https://shop.example', 'https://m.shop.example:8443'],
      spei_clabe: CLABE,
      bank_accounts: [
        {
          bank_name: 'Banco do Brasil',
          bank_code: '001',
          agency: '1234',
          account: '56789',
          account_digit: '0',
          account_type: 'checking',
          beneficiary: 'Loja Exemplo LTDA',
        },
      ],
      notification_url: 'https://hooks.mystore.com/borda',
      late_payment_policy: 'refund',
      brand_color: BLUE,
      logo: FORM.logo,
    });
    // Live is untouched, and its page shows live's values.
    expect(await merchantOf(m.secret_keys.live)).toEqual(liveBefore);
    const livePage = (await owner.page('/dashboard/live/settings')).html;
    expect(livePage).not.toContain(CLABE);
    expect(livePage).toMatch(/id="method_card" name="method_card" checked/);
    // The test page shows what was saved (the form reads the same view).
    const testPage = (await owner.page('/dashboard/test/settings')).html;
    expect(testPage).toContain(CLABE);
    expect(testPage).not.toMatch(/id="method_card" name="method_card" checked/);
    expect(testPage).toMatch(/id="require_phone" name="require_phone" checked/);

    // Audited with what changed, and no logo bytes.
    const row = await env.DB.prepare(
      "SELECT detail, mode FROM audit_log WHERE merchant_id = ? AND action = 'settings.changed' ORDER BY created_at DESC LIMIT 1",
    )
      .bind(m.merchant_id)
      .first<{ detail: string; mode: string }>();
    expect(row?.mode).toBe('test');
    const detail = JSON.parse(row?.detail ?? '{}') as Record<string, unknown>;
    expect(detail).toMatchObject({
      enabled_methods: ['pix', 'boleto'],
      required_customer_fields: ['document', 'phone'],
      spei_clabe: CLABE,
      logo: 'set',
    });
    expect(row?.detail).not.toContain('base64');
    // Only what changed: the form always sends the webhook URL, unchanged here.
    expect(detail).not.toHaveProperty('country');
    const count = async () =>
      (
        await env.DB.prepare(
          "SELECT COUNT(*) AS n FROM audit_log WHERE merchant_id = ? AND action = 'settings.changed'",
        )
          .bind(m.merchant_id)
          .first<{ n: number }>()
      )?.n;
    const entries = await count();
    const again = await owner.submit('/dashboard/test/settings', '/dashboard/test/settings', {
      late_payment_policy: 'refund',
      max_installments: '3',
      max_installments_interest: '6',
      interest: '1.99',
    });
    expect(again.status).toBe(200);
    expect(await count()).toBe(entries);
    await owner.submit('/dashboard/test/settings', '/dashboard/test/settings', {
      late_payment_policy: 'hold',
    });
    const last = await env.DB.prepare(
      "SELECT detail FROM audit_log WHERE merchant_id = ? AND action = 'settings.changed' ORDER BY created_at DESC, id DESC LIMIT 1",
    )
      .bind(m.merchant_id)
      .first<{ detail: string }>();
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({ late_payment_policy: 'hold' });
    await owner.submit('/dashboard/test/settings', '/dashboard/test/settings', {
      late_payment_policy: 'refund',
    });
  });

  it('ticking every method stores null (every method), and an empty section clears its defaults', async () => {
    const page = (await owner.page('/dashboard/test/settings')).html;
    const all = Object.fromEntries([...page.matchAll(/name="(method_[a-z_]+)"/g)].map((x) => [x[1], 'on']));
    expect(Object.keys(all).length).toBeGreaterThan(3);
    const res = await owner.submit('/dashboard/test/settings', '/dashboard/test/settings', {
      methods_form: '1',
      ...all,
      boleto_form: '1',
      boleto_fine_type: '',
      boleto_interest_type: '',
    });
    expect(res.status).toBe(200);
    const test = await merchantOf(m.secret_keys.test);
    expect(test.enabled_methods).toBeNull();
    expect(test.default_boleto_terms).toBeNull();
  });

  it('the form submitted as rendered saves and changes nothing, with and without saved values', async () => {
    const fresh = await newMerchant();
    const o = (await signedIn(fresh.merchant_id, 'owner')).client;
    for (const fill of [false, true]) {
      if (fill)
        expect((await o.submit('/dashboard/test/settings', '/dashboard/test/settings', FORM)).status).toBe(
          200,
        );
      const before = await merchantOf(fresh.secret_keys.test);
      const { html } = await o.page('/dashboard/test/settings');
      const res = await o.request('/dashboard/test/settings', { form: formAsRendered(html) });
      const body = await res.text();
      expect(res.status, /role="alert">([\s\S]*?)<\/div>/.exec(body)?.[1]).toBe(200);
      expect(await merchantOf(fresh.secret_keys.test)).toEqual(before);
    }
  });

  it('refuses an invalid CLABE, a non-https origin and an unknown method with the field named on the form and by the API', async () => {
    const before = await merchantOf(m.secret_keys.test);
    const cases: Array<[Record<string, string>, string, string, Record<string, unknown>]> = [
      [
        { payouts_form: '1', spei_clabe: '002010077777777772', allowed_origins: 'https://shop.example' },
        'spei_clabe',
        'spei_clabe',
        { spei_clabe: '002010077777777772' },
      ],
      [
        { payouts_form: '1', allowed_origins: 'http://shop.example' },
        'allowed_origins',
        'allowed_origins[0]',
        { allowed_origins: ['http://shop.example'] },
      ],
      [
        { methods_form: '1', method_pix: 'on', method_bitcoin: 'on' },
        'methods',
        'enabled_methods[1]',
        { enabled_methods: ['pix', 'bitcoin'] },
      ],
    ];
    for (const [form, inputId, field, body] of cases) {
      const res = await owner.submit('/dashboard/test/settings', '/dashboard/test/settings', form);
      const html = await res.text();
      expect(res.status, field).toBe(400);
      expect(html, field).toContain(`<code>${field}</code>`);
      expect(html, field).toContain(`id="${inputId}-error"`);
      expect(html, field).toMatch(new RegExp(`id="${inputId}"[^>]*aria-describedby="${inputId}-error"`));
      // The refused value is shown again beside its error.
      if (form.spei_clabe) expect(html).toMatch(/id="spei_clabe"[^>]*value="002010077777777772"/);
      if (form.allowed_origins) expect(html).toContain(`>${form.allowed_origins}</textarea>`);
      const apiRes = await api('/api/v1/merchant', m.secret_keys.test, { method: 'PATCH', body });
      expect(apiRes.status, field).toBe(422);
      expect(apiRes.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await apiRes.json()) as { errors: { field: string }[] };
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    expect(await merchantOf(m.secret_keys.test)).toEqual(before);
  });

  it('adds a gateway account with sealed credentials never shown, reorders and disables it; support cannot', async () => {
    const res = await owner.submit('/dashboard/test/settings', '/dashboard/test/settings/gateways', {
      gateway: 'sandbox',
      name: 'sandbox-b',
      priority: '50',
      credentials: '',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const list = (await (await api('/api/v1/gateways', m.secret_keys.test)).json()) as {
      data: { id: string; name: string; priority: number; enabled: boolean; rules: unknown }[];
    };
    const acct = list.data.find((a) => a.name === 'sandbox-b');
    expect(acct).toMatchObject({ priority: 50, enabled: true });
    const id = acct?.id ?? '';
    await owner.submit('/dashboard/test/settings', `/dashboard/test/settings/gateways/${id}`, {
      priority: '7',
      rules_form: '1',
      methods: 'pix, boleto',
      currencies: 'brl',
      countries: '',
      min_amount: '100',
      max_amount: '',
    });
    // A rule zod refuses (an unknown method) is named on the page and changes nothing.
    const bad = await owner.submit('/dashboard/test/settings', `/dashboard/test/settings/gateways/${id}`, {
      rules_form: '1',
      methods: 'pix, bitcoin',
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('<code>rules.methods[1]</code>');
    await owner.submit('/dashboard/test/settings', `/dashboard/test/settings/gateways/${id}`, {
      enabled: 'false',
    });
    const after = (await (await api('/api/v1/gateways', m.secret_keys.test)).json()) as {
      data: { id: string; priority: number; enabled: boolean; rules: { methods?: string[] } }[];
    };
    expect(after.data.find((a) => a.id === id)).toMatchObject({
      priority: 7,
      enabled: false,
      rules: { methods: ['pix', 'boleto'], currencies: ['BRL'], min_amount: 100 },
    });
    expect(after.data.find((a) => a.id === id)?.rules).not.toHaveProperty('countries');
    // The live page cannot touch a test account.
    const cross = await owner.submit('/dashboard/live/settings', `/dashboard/live/settings/gateways/${id}`, {
      enabled: 'true',
    });
    expect(cross.status).toBe(404);
    const still = (await (await api('/api/v1/gateways', m.secret_keys.test)).json()) as {
      data: { id: string; enabled: boolean }[];
    };
    expect(still.data.find((a) => a.id === id)?.enabled).toBe(false);
    // Not in live.
    const live = (await (await api('/api/v1/gateways', m.secret_keys.live)).json()) as {
      data: { id: string }[];
    };
    expect(live.data.map((a) => a.id)).not.toContain(id);
    // Without the page's CSRF token nothing changes.
    for (const action of ['/dashboard/test/settings', `/dashboard/test/settings/gateways/${id}`]) {
      const forged = await owner.request(action, {
        form: { enabled: 'true', late_payment_policy: 'accept' },
      });
      expect(forged.status, action).toBe(403);
    }
    expect((await merchantOf(m.secret_keys.test)).late_payment_policy).toBe('refund');
    // A developer manages gateway accounts too (integration work); support does not.
    const developer = (await signedIn(m.merchant_id, 'developer')).client;
    const byDeveloper = await developer.submit(
      '/dashboard/test/settings',
      '/dashboard/test/settings/gateways',
      {
        gateway: 'sandbox',
        name: 'sandbox-dev',
      },
    );
    expect(byDeveloper.status).toBe(200);
    const support = (await signedIn(m.merchant_id, 'support')).client;
    expect((await support.request('/dashboard/test/settings')).status).toBe(403);
    const tried = await support.submit(
      '/dashboard/test/payments',
      `/dashboard/test/settings/gateways/${id}`,
      {
        enabled: 'true',
      },
    );
    expect(tried.status).toBe(403);
  });
});

describe('panel settings: bank accounts', () => {
  const account = (n: number) => ({
    bank_name: `Banco ${n}`,
    bank_code: `00${n}`,
    agency: `100${n}`,
    account: `5678${n}`,
    account_digit: `${n}`,
    account_type: 'checking',
    beneficiary: 'Loja Exemplo LTDA',
    document: '11.222.333/0001-81',
  });

  it('keeps every account the API set when the page is saved, adds one in the empty block, removes an emptied one', async () => {
    const n = await newMerchant();
    const o = (await signedIn(n.merchant_id, 'owner')).client;
    const three = [account(1), account(2), account(3)];
    const patch = await api('/api/v1/merchant', n.secret_keys.test, {
      method: 'PATCH',
      body: { bank_accounts: three },
    });
    expect(patch.status).toBe(200);
    // Saved as rendered: nothing the merchant did not touch is lost.
    const { html } = await o.page('/dashboard/test/settings');
    const form = formAsRendered(html);
    expect(form.bank4_bank_name).toBe('');
    const saved = await o.request('/dashboard/test/settings', { form });
    expect(saved.status).toBe(200);
    expect((await merchantOf(n.secret_keys.test)).bank_accounts).toEqual(three);

    // A fourth in the empty block; the second emptied.
    const next = formAsRendered((await o.page('/dashboard/test/settings')).html);
    for (const [k, v] of Object.entries(account(4))) next[`bank4_${k}`] = v;
    for (const k of Object.keys(account(2))) next[`bank2_${k}`] = k === 'account_type' ? 'checking' : '';
    expect((await o.request('/dashboard/test/settings', { form: next })).status).toBe(200);
    expect((await merchantOf(n.secret_keys.test)).bank_accounts).toEqual([
      account(1),
      account(3),
      account(4),
    ]);
  });

  it("names the refused field of the account it belongs to, beside that account's input", async () => {
    const n = await newMerchant();
    const o = (await signedIn(n.merchant_id, 'owner')).client;
    const form = formAsRendered((await o.page('/dashboard/test/settings')).html);
    for (const [k, v] of Object.entries(account(1))) form[`bank_${k}`] = v;
    for (const [k, v] of Object.entries(account(2))) form[`bank2_${k}`] = v;
    form.bank2_bank_code = 'not-a-code-at-all-because-it-is-far-too-long';
    const res = await o.request('/dashboard/test/settings', { form });
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toMatch(/id="bank2_bank_code-error"/);
    expect(html).not.toMatch(/id="bank_bank_code-error"/);
    expect((await merchantOf(n.secret_keys.test)).bank_accounts).toEqual([]);
  });
});
