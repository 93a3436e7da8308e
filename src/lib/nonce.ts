import { randomBytes } from './random';

/** A fresh nonce per response: the cached page holds a placeholder that is replaced on every serve. */
export const NONCE_PLACEHOLDER = '__BORDA_NONCE__';

/**
 * Puts the response's nonce into the page's nonce attributes, and only there: the placeholder is
 * replaced where it stands as a whole `nonce="..."` attribute, which merchant or customer text can
 * never produce (text and attribute values have `"` escaped as &quot;, JSON in a script has it as
 * \"). A description reading __BORDA_NONCE__ stays that text and never learns the nonce.
 */
export function fillNonce(template: string, nonce: string): string {
  return template.replaceAll(`nonce="${NONCE_PLACEHOLDER}"`, `nonce="${nonce}"`);
}

export function newNonce(): string {
  const bytes = randomBytes(16);
  // base64url of 16 random bytes: always 22 characters, all allowed in a CSP nonce-source.
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
