import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { PanelEnv } from './context';
import { newNonce, panelHeaders } from './headers';

/** Renders a page with a fresh nonce: the nonce goes to the page's tags and into the CSP together. */
export async function render(
  _c: Context<PanelEnv>,
  page: (nonce: string) => Child,
  status = 200,
  extra: Record<string, string> = {},
): Promise<Response> {
  const nonce = newNonce();
  const html = `<!doctype html>${await String(page(nonce))}`;
  return new Response(html, { status, headers: { ...panelHeaders(nonce), ...extra } });
}
