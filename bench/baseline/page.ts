// The baseline's checkout page: what a first view cannot avoid doing once it has read the session.
// It renders, with the same templating as Borda (hono/jsx), a page about as large as Borda's and
// with about as many elements (Borda's has ~190 tags, ~16 KB of markup, the rest inline CSS and JS),
// from the session's own fields, its amount formatted once with Intl; and it sends the headers any
// checkout page must (a nonce CSP, nosniff, no referrer, HSTS, no-store).
import { raw } from 'hono/html';
import { jsx } from 'hono/jsx';

const NONCE = '__BASE_NONCE__';
const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

export function pageHeaders(nonce: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'self'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
    'cache-control': 'no-store',
  };
}

export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** ~190 elements: a summary (dt/dd per field), a form (label/input per field), eight priced options. */
function markup(row: Record<string, unknown>) {
  const fields = Object.entries(row);
  const amount = Number(row.amount ?? 0);
  const summary = jsx(
    'dl',
    { class: 'summary' },
    ...fields.flatMap(([k, v]) => [jsx('dt', {}, k), jsx('dd', {}, text(v))]),
  );
  const form = jsx(
    'form',
    { id: 'pay-form', novalidate: true },
    ...fields.map(([k, v]) =>
      jsx(
        'div',
        { class: 'field' },
        jsx('label', { for: k }, k),
        jsx('input', { id: k, name: k, value: text(v) }),
      ),
    ),
  );
  const options = jsx(
    'fieldset',
    {},
    ...Array.from({ length: 8 }, (_, i) =>
      jsx(
        'label',
        { class: 'method' },
        jsx('input', { type: 'radio', name: 'method', value: `m${i}`, checked: i === 0 }),
        jsx('span', { class: 'price' }, brl.format((amount * (100 + i)) / 10000)),
      ),
    ),
  );
  return { summary, form, options };
}

let fillerFor = -1;
let filler = '';

/** The page for `row`, padded with inline CSS/JS filler to `bytes` (Borda's page size). */
export async function renderPage(row: Record<string, unknown>, bytes: number): Promise<string> {
  const { summary, form, options } = markup(row);
  const page = (pad: string) =>
    jsx(
      'html',
      { lang: 'pt-BR' },
      jsx(
        'head',
        {},
        jsx('meta', { charset: 'utf-8' }),
        jsx('title', {}, text(row.merchant_order_id)),
        jsx('style', { nonce: NONCE }, raw(pad.slice(0, pad.length >> 2))),
      ),
      jsx(
        'body',
        {},
        jsx('main', {}, jsx('h1', {}, brl.format(amount(row))), summary, options, form),
        jsx('script', { nonce: NONCE }, raw(pad.slice(pad.length >> 2))),
      ),
    );
  let html = `<!doctype html>${await page(filler).toString()}`;
  if (fillerFor !== bytes) {
    // Sized once per isolate from a first render: the filler makes the page Borda's size.
    const missing = Math.max(0, bytes - (html.length - filler.length));
    filler = 'x'.repeat(missing);
    fillerFor = bytes;
    html = `<!doctype html>${await page(filler).toString()}`;
  }
  return html;
}

const amount = (row: Record<string, unknown>) => Number(row.amount ?? 0) / 100;

/** A fresh nonce into the page's nonce attributes, as Borda does. */
export function fillNonce(html: string, nonce: string): string {
  return html.replaceAll(`nonce="${NONCE}"`, `nonce="${nonce}"`);
}
