import { parsePixPayload } from '../domain/pix';

/**
 * The PIX txid a BR Code carries (field 62, sub-field 05), or null when it holds none: a dynamic code
 * holds `***` there (its txid lives behind the field 26 URL), and an unreadable code holds nothing.
 */
export function brCodeTxid(payload: string): string | null {
  try {
    const extra = parsePixPayload(payload).get('62');
    const txid = extra === undefined ? undefined : parsePixPayload(extra).get('05');
    return txid && txid !== '***' ? txid : null;
  } catch {
    return null;
  }
}
