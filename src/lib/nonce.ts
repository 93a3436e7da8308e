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
  return template.replaceAll(NONCE_ATTRIBUTE, `nonce="${nonce}"`);
}

const NONCE_ATTRIBUTE = `nonce="${NONCE_PLACEHOLDER}"`;
const utf8 = new TextEncoder();

/**
 * A page kept to be served again and again: its UTF-8 bytes, cut where the nonce attributes stand
 * (the same whole-attribute rule as fillNonce). Encoded once, not on every serve.
 */
export type NonceTemplate = readonly Uint8Array[];

export function nonceTemplate(html: string): NonceTemplate {
  return html.split(NONCE_ATTRIBUTE).map((part) => utf8.encode(part));
}

/** The page's bytes with `nonce` in every nonce attribute: the parts copied once, nothing re-encoded. */
export function fillNonceBytes(template: NonceTemplate, nonce: string): Uint8Array {
  const attribute = utf8.encode(`nonce="${nonce}"`);
  let size = attribute.byteLength * (template.length - 1);
  for (const part of template) size += part.byteLength;
  const out = new Uint8Array(size);
  let offset = 0;
  template.forEach((part, i) => {
    if (i > 0) {
      out.set(attribute, offset);
      offset += attribute.byteLength;
    }
    out.set(part, offset);
    offset += part.byteLength;
  });
  return out;
}

export function newNonce(): string {
  const bytes = randomBytes(16);
  // base64url of 16 random bytes: always 22 characters, all allowed in a CSP nonce-source.
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
