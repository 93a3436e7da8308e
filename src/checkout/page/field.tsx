import type { FC } from 'hono/jsx';

/** A labelled control with its error line, which screen readers announce when it changes. */
export const Field: FC<{
  id: string;
  label: string;
  children: unknown;
  hidden?: boolean;
  wrapId?: string;
}> = ({ id, label, children, hidden, wrapId }) => (
  <div id={wrapId} hidden={hidden}>
    <label for={id}>{label}</label>
    {children}
    <p class="err" id={`${id}-err`} aria-live="polite" />
  </div>
);
