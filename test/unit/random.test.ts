import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../src/lib/random';

describe('randomBytes', () => {
  it('hands every byte of the pool out once: draws across several refills never repeat', () => {
    const seen = new Set<string>();
    // 2,000 draws of 16 bytes span eight 4 KB pools.
    for (let i = 0; i < 2000; i++) {
      const hex = [...randomBytes(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
      expect(seen.has(hex)).toBe(false);
      seen.add(hex);
    }
  });

  it('returns a copy the caller may change without touching later draws', () => {
    const a = randomBytes(8);
    a.fill(0);
    const b = randomBytes(8);
    expect(b.some((x) => x !== 0)).toBe(true);
  });

  it('serves a request larger than the pool straight from the CSPRNG', () => {
    expect(randomBytes(10_000)).toHaveLength(10_000);
  });
});
