import { isPrivateOrReservedIPv4, isPrivateOrReservedIPv6 } from '../domain/urls';

/**
 * Per-gateway API base overrides from the Worker's settings: `<SLUG>_API_BASE` (e.g.
 * `MERCADOPAGO_API_BASE=http://127.0.0.1:8787`) points a connector at a local fake or the gateway's
 * own mock server. Where loopback is not allowed (production), an override that names a loopback,
 * private or reserved address, or that is not http(s), is ignored, so a misplaced development setting
 * can never send live credentials to an internal host.
 */
export function apiBaseOverrides(
  vars: Readonly<Record<string, unknown>>,
  opts: { allowLoopback: boolean },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) {
    const m = /^([A-Z0-9]+)_API_BASE$/.exec(name);
    if (!m?.[1] || typeof value !== 'string' || value === '') continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    if (!opts.allowLoopback && (url.protocol === 'http:' || isInternalHost(url.hostname))) continue;
    out[m[1].toLowerCase()] = value.replace(/\/+$/, '');
  }
  return out;
}

function isInternalHost(hostname: string): boolean {
  const host = hostname.replace(/\.+$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host.startsWith('[')) return isPrivateOrReservedIPv6(host);
  if (/^[0-9a-fx.]+$/i.test(host)) return isPrivateOrReservedIPv4(host);
  return !host.includes('.');
}
