import { describe, expect, it } from 'vitest';
import { isEndToEndId, sandboxEndToEndId } from '../../src/domain/pix-end-to-end';

describe('PIX end-to-end ids', () => {
  it.each([
    ['E18236120202611121540s0123456789', true], // PicPay's documented example
    ['E00000000202301011200abcdefghijk', true],
    ['e18236120202611121540s0123456789', false],
    ['E18236120202611121540s012345678', false],
    ['E1823612020261112154Xs0123456789', false],
    ['E18236120202611121540s012345678-', false],
    ['', false],
  ])('%s is %s', (id, ok) => {
    expect(isEndToEndId(id)).toBe(ok);
  });

  it("builds the sandbox's as BCB lays them out: E, ISPB, UTC minute, 11 alphanumerics", () => {
    const at = Date.UTC(2026, 10, 27, 9, 5, 59);
    const id = sandboxEndToEndId('99999999', at, () => 0.5);
    expect(id).toBe(`E99999999202611270905${'V'.repeat(11)}`);
    expect(isEndToEndId(id)).toBe(true);
    expect(sandboxEndToEndId('99999999', at, () => 0.999999)).toMatch(/z{11}$/);
  });
});
