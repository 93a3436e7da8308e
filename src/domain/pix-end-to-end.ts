/**
 * The PIX end-to-end id (BCB's Manual de Padrões para Iniciação do Pix): `E`, the payer's institution
 * ISPB (8 digits), the UTC date and minute `yyyyMMddHHmm`, and 11 alphanumerics; 32 characters. It
 * names one transfer across every bank and is what a customer's receipt shows.
 */
const END_TO_END = /^E\d{8}\d{12}[0-9A-Za-z]{11}$/;

export function isEndToEndId(text: string): boolean {
  return END_TO_END.test(text);
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * An end-to-end id as the sandbox's payer bank would issue it, for a simulated settlement at `now`.
 * `random` returns [0, 1) (pass a CSPRNG-backed one outside tests).
 */
export function sandboxEndToEndId(ispb: string, now: number, random: () => number): string {
  const d = new Date(now);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}`;
  let tail = '';
  for (let i = 0; i < 11; i += 1) tail += ALNUM[Math.floor(random() * ALNUM.length)];
  return `E${ispb}${stamp}${tail}`;
}
