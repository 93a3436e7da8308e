import { hmacSha256, timingSafeEqualText, toHex } from './crypto';

/**
 * The customer's link to give a bank account for a refund: `/refunds/{id}/bank-account/{mac}`, the
 * MAC an HMAC of the refund id under the Worker's ENCRYPTION_KEY. Nothing is stored, the link can be
 * rebuilt (and e-mailed) at any time, and it opens that one refund only.
 */
export async function bankLinkMac(secret: string, refundId: string): Promise<string> {
  return toHex(await hmacSha256(secret, `refund-bank-account:${refundId}`)).slice(0, 40);
}

async function bankLinkPath(secret: string, refundId: string): Promise<string> {
  return `/refunds/${refundId}/bank-account/${await bankLinkMac(secret, refundId)}`;
}

/** The link in full, on the origin of the refunded session's checkout page (what the customer saw). */
export async function bankLinkUrl(secret: string, checkoutUrl: string, refundId: string): Promise<string> {
  return `${new URL(checkoutUrl).origin}${await bankLinkPath(secret, refundId)}`;
}

export async function bankLinkValid(secret: string, refundId: string, mac: string): Promise<boolean> {
  return timingSafeEqualText(await bankLinkMac(secret, refundId), mac);
}
