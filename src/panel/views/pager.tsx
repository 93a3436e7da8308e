import type { FC } from 'hono/jsx';

/**
 * "Newer" / "Older" links of a keyset-paged list: each keeps the list's filters and adds the cursor of
 * the page's first (`before`) or last (`after`) row.
 */
export const Pager: FC<{
  path: string;
  filters: Record<string, string>;
  newer: string | null;
  older: string | null;
}> = ({ path, filters, newer, older }) => {
  const link = (key: 'before' | 'after', cursor: string) => {
    const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
    q.set(key, cursor);
    return `${path}?${q.toString()}`;
  };
  if (!newer && !older) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {newer && (
        <a href={link('before', newer)} rel="prev">
          Newer
        </a>
      )}{' '}
      {older && (
        <a href={link('after', older)} rel="next">
          Older
        </a>
      )}
    </nav>
  );
};
