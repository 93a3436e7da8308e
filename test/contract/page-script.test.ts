import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, without types.
import { minifiedPageScript, TARGET } from '../../scripts/page-script.mjs';
import { CHECKOUT_JS } from '../../src/checkout/page/script';
import { CHECKOUT_JS_MIN } from '../../src/checkout/page/script.min';

describe('the checkout page ships its script minified', () => {
  it("script.min.ts is what `npm run page-script` writes from today's readable source", async () => {
    expect(readFileSync(TARGET, 'utf8')).toBe(await minifiedPageScript());
  });

  it('is much smaller than the source, and nothing in it can end the script element early', () => {
    expect(CHECKOUT_JS_MIN.length).toBeLessThan(CHECKOUT_JS.length * 0.75);
    expect(CHECKOUT_JS_MIN).not.toMatch(/<\/script|<!--/i);
    // The same program: every message key and element id the readable script names survives.
    for (const name of CHECKOUT_JS.match(/'(?:[a-z]+[.-])+[a-z_]+'/g) ?? []) {
      expect(CHECKOUT_JS_MIN).toContain(JSON.stringify(name.slice(1, -1)).slice(1, -1));
    }
  });
});
