/** Why a merchant-supplied URL was refused; `code` is stable and safe to return in API errors. */
export type UrlProblem = { code: string; message: string };

const MAX_URL_LENGTH = 2048;
const SESSION_PLACEHOLDER = '{CHECKOUT_SESSION_ID}';
// Lower-case because the URL parser lower-cases host names, and we look for it there.
const PLACEHOLDER_STAND_IN = 'cs_placeholder';
const LOCAL_HTTP_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
// Names that never resolve to a public service (RFC 6761, RFC 8375, RFC 7686, common intranet TLDs).
const BLOCKED_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'localdomain',
  'home.arpa',
  'lan',
  'intranet',
  'corp',
  'test',
  'invalid',
  'example',
  'onion',
];

const problem = (code: string, message: string): UrlProblem => ({ code, message });
const credentialsProblem = (): UrlProblem =>
  problem('credentials_not_allowed', 'URL must not contain a username or password');
const ipLiteral = (): UrlProblem =>
  problem('ip_literal_not_allowed', 'Webhook URL must use a host name, not an IP address');

/** Length, control characters and parsing, shared by both kinds of URL. */
function parseUrl(raw: string, parseable: string): URL | UrlProblem {
  if (raw.length > MAX_URL_LENGTH) {
    return problem('too_long', `URL must be at most ${MAX_URL_LENGTH} characters`);
  }
  // The parser silently drops tabs/newlines and trims spaces, so what we store would differ from what we checked.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (/[\u0000-\u0020\u007f]/.test(raw)) {
    return problem('invalid_url', 'URL must not contain spaces or control characters');
  }
  try {
    return new URL(parseable);
  } catch {
    return problem('invalid_url', 'URL must be absolute and well formed');
  }
}

function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/**
 * Checks a success/cancel URL the customer's browser is sent to. The placeholder
 * `{CHECKOUT_SESSION_ID}` is accepted in the path, query or fragment; the caller keeps the raw string.
 * Private hosts are fine here: the server never fetches these URLs.
 */
export function checkReturnUrl(raw: string, opts: { allowLocalHttp: boolean }): UrlProblem | null {
  const url = parseUrl(raw, raw.replaceAll(SESSION_PLACEHOLDER, PLACEHOLDER_STAND_IN));
  if (!(url instanceof URL)) return url;
  const localHttp = opts.allowLocalHttp && url.protocol === 'http:' && LOCAL_HTTP_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !localHttp) return problem('https_required', 'URL must use https');
  if (hasCredentials(url)) return credentialsProblem();
  if (url.hostname.includes(PLACEHOLDER_STAND_IN) || url.port.includes(PLACEHOLDER_STAND_IN)) {
    return problem('invalid_url', `${SESSION_PLACEHOLDER} is only allowed in the path, query or fragment`);
  }
  return null;
}

function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

// WHATWG treats a host whose last label is numeric as IPv4; after we strip trailing dots
// (`1.2.3.4..` is a domain to the parser) resolvers may well do the same.
function looksLikeIPv4(host: string): boolean {
  const last = host.split('.').pop() ?? '';
  return /^(?:\d+|0x[0-9a-f]*)$/i.test(last);
}

/**
 * Checks a URL the server will POST notifications to, refusing anything that could reach internal
 * services (SSRF): https only, no credentials or fragment, and the host must be a public DNS name,
 * never an IP literal. Private/reserved IPs and internal names give `host_not_allowed`, public IP
 * literals `ip_literal_not_allowed`. `allowLoopback` (local development) additionally accepts http or
 * https to exactly `localhost`, 127.0.0.0/8 and `[::1]`. DNS answers are not checked here.
 */
export function checkWebhookUrl(raw: string, opts: { allowLoopback: boolean }): UrlProblem | null {
  const url = parseUrl(raw, raw);
  if (!(url instanceof URL)) return url;
  const devLoopback = opts.allowLoopback && isLoopbackHost(url.hostname);
  const schemeOk = url.protocol === 'https:' || (devLoopback && url.protocol === 'http:');
  if (!schemeOk) return problem('https_required', 'Webhook URL must use https');
  if (hasCredentials(url)) return credentialsProblem();
  // `hash` is empty for a bare trailing `#`, but the serialized href still carries it.
  if (url.href.includes('#')) {
    return problem('fragment_not_allowed', 'Webhook URL must not contain a fragment');
  }
  if (devLoopback) return null;

  const host = url.hostname.replace(/\.+$/, '');
  const privateHost = problem('host_not_allowed', 'Webhook URL must point to a public host');
  if (host.startsWith('[')) {
    return isPrivateOrReservedIPv6(host) ? privateHost : ipLiteral();
  }
  if (looksLikeIPv4(host)) {
    return isPrivateOrReservedIPv4(host) ? privateHost : ipLiteral();
  }
  if (!host.includes('.')) return privateHost;
  if (BLOCKED_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return privateHost;
  return null;
}

// Delegates to the URL parser so every spelling it accepts (0x7f.1, 2130706433, 0177.0.0.1) is
// judged by the address it actually denotes.
function parseIPv4(host: string): number[] | null {
  if (!/^[0-9a-fx.]+$/i.test(host)) return null;
  let canonical: string;
  try {
    canonical = new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(canonical);
  return m ? m.slice(1).map(Number) : null;
}

/** [first address, prefix length] of IPv4 blocks that must never be contacted from the server. */
const IPV4_BLOCKS: readonly [number, number, number, number, number][] = [
  [0, 0, 0, 0, 8], // "this" network
  [10, 0, 0, 0, 8],
  [100, 64, 0, 0, 10], // CGNAT
  [127, 0, 0, 0, 8],
  [169, 254, 0, 0, 16], // link-local, including cloud metadata endpoints
  [172, 16, 0, 0, 12],
  [192, 0, 0, 0, 24], // IETF protocol assignments
  [192, 0, 2, 0, 24], // documentation
  [192, 168, 0, 0, 16],
  [198, 18, 0, 0, 15], // benchmarking
  [198, 51, 100, 0, 24], // documentation
  [203, 0, 113, 0, 24], // documentation
  [224, 0, 0, 0, 4], // multicast
  [240, 0, 0, 0, 4], // reserved, including 255.255.255.255
];

const toUint32 = (o: readonly number[]): number =>
  (((o[0] ?? 0) << 24) | ((o[1] ?? 0) << 16) | ((o[2] ?? 0) << 8) | (o[3] ?? 0)) >>> 0;

/**
 * Whether `host` is an IPv4 address (any spelling the URL parser accepts) in a loopback, private,
 * link-local, CGNAT, multicast or otherwise reserved range. Non-addresses give `false`.
 */
export function isPrivateOrReservedIPv4(host: string): boolean {
  const octets = parseIPv4(host);
  if (!octets) return false;
  const addr = toUint32(octets);
  return IPV4_BLOCKS.some(([a, b, c, d, bits]) => {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    const network = (toUint32([a, b, c, d]) & mask) >>> 0;
    return (addr & mask) >>> 0 === network;
  });
}

// Canonicalizes through the URL parser (which also turns embedded dotted IPv4 into hex groups),
// then expands `::` into eight 16-bit groups.
function parseIPv6(host: string): number[] | null {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (!/^[0-9a-f:.]+$/i.test(bare)) return null;
  let canonical: string;
  try {
    canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [head = '', tail] = canonical.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.length === 8 ? groups.map((g) => Number.parseInt(g, 16)) : null;
}

/**
 * Whether `host` (with or without brackets) is an IPv6 address that is unspecified, loopback,
 * unique-local, link-local, site-local, multicast, documentation, or embeds a private/reserved IPv4
 * address (IPv4-mapped, IPv4-compatible, NAT64, 6to4). Non-addresses give `false`.
 */
export function isPrivateOrReservedIPv6(host: string): boolean {
  const g = parseIPv6(host);
  if (!g) return false;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const embedded = (hi: number, lo: number): boolean =>
    isPrivateOrReservedIPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.'));
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  // ::/96 covers :: and ::1 too, since 0.0.0.0/8 is reserved.
  if (firstFiveZero && (g5 === 0 || g5 === 0xffff)) return embedded(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded(g6, g7);
  if (g0 === 0x2002) return embedded(g1, g2);
  if ((g0 & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return true; // link-local, old site-local
  if ((g0 & 0xff00) === 0xff00) return true; // multicast
  return g0 === 0x2001 && g1 === 0x0db8; // documentation
}
