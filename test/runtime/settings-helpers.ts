import { api } from './helpers';

/** A CLABE with a right check digit (the sandbox's test one is built the same way). */
export const CLABE = '002010077777777771';
export const BLUE = '#1a4fa3';

/** The whole settings form as a merchant fills it in test mode. */
export const FORM = {
  methods_form: '1',
  method_pix: 'on',
  method_boleto: 'on',
  max_installments: '3',
  max_installments_interest: '6',
  interest: '1.99',
  boleto_form: '1',
  boleto_due_days: '5',
  boleto_void_days: '20',
  boleto_fine_type: 'percentage',
  boleto_fine_amount: '2',
  boleto_interest_type: 'fixed',
  boleto_interest_amount: '0.33',
  boleto_discount: '5',
  customer_form: '1',
  notify_customer: 'sms',
  require_document: 'on',
  require_phone: 'on',
  payouts_form: '1',
  allowed_origins: 'https://shop.example\nhttps://m.shop.example:8443/path',
  spei_clabe: CLABE,
  bank_bank_name: 'Banco do Brasil',
  bank_bank_code: '001',
  bank_agency: '1234',
  bank_account: '56789',
  bank_account_digit: '0',
  bank_account_type: 'checking',
  bank_beneficiary: 'Loja Exemplo LTDA',
  bank_document: '11.222.333/0001-81',
  notification_url: 'https://hooks.mystore.com/borda',
  late_payment_policy: 'refund',
  brand_form: '1',
  brand_color: BLUE,
  logo: 'data:image/png;base64,iVBORw0KGgo=',
};

export const merchantOf = async (key: string) =>
  (await (await api('/api/v1/merchant', key)).json()) as Record<string, unknown>;

const htmlText = (v: string) =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a browser submits from the settings form as rendered: every input, checked box, selected option, textarea. */
export function formAsRendered(html: string): Record<string, string> {
  const start = html.indexOf('<form method="post" action="/dashboard/test/settings">');
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input [^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name) continue;
    if (/type="checkbox"/.test(tag)) {
      if (/ checked/.test(tag)) out[name] = 'on';
    } else out[name] = htmlText(/value="([^"]*)"/.exec(tag)?.[1] ?? '');
  }
  for (const [, name = '', body = ''] of form.matchAll(
    /<select [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
  )) {
    out[name] =
      /<option value="([^"]*)" selected/.exec(body)?.[1] ?? /<option value="([^"]*)"/.exec(body)?.[1] ?? '';
  }
  for (const [, name = '', body = ''] of form.matchAll(
    /<textarea [^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g,
  )) {
    out[name] = htmlText(body);
  }
  return out;
}
