import { describe, expect, it } from 'vitest';
import { readExcerpt } from '../../src/webhooks/attempt';

const stream = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
const bytes = (s: string) => new TextEncoder().encode(s);

describe('readExcerpt', () => {
  it('keeps at most the limit across chunks, never half a character', async () => {
    expect(await readExcerpt(stream(bytes('abc'), bytes('def')), 4)).toBe('abcd');
    // 'ç' is two bytes: a cut after its first byte drops it.
    expect(await readExcerpt(stream(bytes('aç')), 2)).toBe('a');
    expect(await readExcerpt(null)).toBe('');
  });

  it('replaces control characters but keeps tabs and new lines', async () => {
    expect(await readExcerpt(stream(bytes('a\u0000b\tc\nd\u001be')))).toBe('a\ufffdb\tc\nd\ufffde');
  });

  it('keeps what arrived when the body breaks off', async () => {
    let pulls = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(c) {
        pulls += 1;
        if (pulls === 1) c.enqueue(bytes('partial'));
        else c.error(new Error('reset'));
      },
    });
    expect(await readExcerpt(broken)).toBe('partial');
  });
});
