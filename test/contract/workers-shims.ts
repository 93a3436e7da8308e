import { timingSafeEqual } from 'node:crypto';

/**
 * Workers' `crypto.subtle.timingSafeEqual` (a Cloudflare extension the connectors use through
 * src/lib/crypto.ts) does not exist in Node, where the contract project runs; this gives Node the same
 * function, backed by node:crypto's constant-time compare.
 */
const subtle = crypto.subtle as SubtleCrypto & {
  timingSafeEqual?: (a: ArrayBufferView | ArrayBuffer, b: ArrayBufferView | ArrayBuffer) => boolean;
};
if (typeof subtle.timingSafeEqual !== 'function') {
  const view = (x: ArrayBufferView | ArrayBuffer) =>
    x instanceof ArrayBuffer ? new Uint8Array(x) : new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  subtle.timingSafeEqual = (a, b) => timingSafeEqual(view(a), view(b));
}
