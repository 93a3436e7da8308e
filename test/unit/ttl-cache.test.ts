import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../src/lib/ttl-cache';

describe('TtlCache', () => {
  it('returns a value until its time is up, then forgets it', () => {
    const c = new TtlCache<string>(1000, 10);
    c.set('a', 'x', 0);
    expect(c.get('a', 999)).toBe('x');
    expect(c.get('a', 1000)).toBeUndefined();
    expect(c.get('a', 500)).toBeUndefined(); // gone for good once expired
  });

  it('takes a per-entry lifetime shorter than the default', () => {
    const c = new TtlCache<string>(10_000, 10);
    c.set('page', 'html', 0, 50);
    expect(c.get('page', 49)).toBe('html');
    expect(c.get('page', 50)).toBeUndefined();
  });

  it('drops the oldest entry when full, and a re-set entry counts as new', () => {
    const c = new TtlCache<number>(1000, 2);
    c.set('a', 1, 0);
    c.set('b', 2, 0);
    c.set('a', 3, 0); // a is now the newest
    c.set('c', 4, 0); // evicts b
    expect([c.get('a', 1), c.get('b', 1), c.get('c', 1)]).toEqual([3, undefined, 4]);
  });

  it('deletes on demand', () => {
    const c = new TtlCache<number>(1000, 2);
    c.set('a', 1, 0);
    c.delete('a');
    expect(c.get('a', 1)).toBeUndefined();
  });
});
