import { describe, expect, it } from 'vitest';
import { concurrency } from '../../src/lib/limit';

describe('concurrency', () => {
  it('never runs more than n tasks at once, starts them in order, and runs them all', async () => {
    const slot = concurrency(3);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        slot(async () => {
          started.push(i);
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 5 + (i % 3) * 3));
          running--;
          return i * 2;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(results).toEqual(Array.from({ length: 12 }, (_, i) => i * 2));
  });

  it('frees the slot of a task that throws', async () => {
    const slot = concurrency(1);
    await expect(slot(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slot(async () => 'next')).toBe('next');
  });
});
