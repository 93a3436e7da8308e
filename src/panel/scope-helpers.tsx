import type { Context } from 'hono';
import { recordAudit } from '../features/panel/audit';
import type { AppEnv } from '../http/context';
import { merchantCtx } from '../http/service-ctx';
import { clientAddress } from './auth/middleware';
import type { PanelEnv } from './context';
import { render } from './render';
import { Shell } from './views/layout';

export type C = Context<PanelEnv>;
/** The API's service context (same services, same scoping) for the signed-in merchant and the URL's mode. */
export const mctx = (c: C) => merchantCtx(c as unknown as Context<AppEnv>);
export const base = (c: C) => `/dashboard/${c.get('mode')}`;

/** Renders a page inside the signed-in frame of the current mode. */
export function shell(c: C, title: string, body: () => unknown, status: 200 | 400 = 200) {
  return render(
    c,
    (nonce) => (
      <Shell
        title={title}
        nonce={nonce}
        who={c.get('panel')}
        csrf={c.get('csrf')}
        mode={c.get('mode')}
        path={new URL(c.req.url).pathname}
      >
        {body() as never}
      </Shell>
    ),
    status,
  );
}

/** Writes a sensitive action to the audit log, with the mode it was done in. */
export function audit(
  c: C,
  action: string,
  target: string | null,
  detail: Record<string, unknown> | null = null,
) {
  const who = c.get('panel');
  return recordAudit(
    c.get('db'),
    {
      merchantId: who.merchant.id,
      userId: who.userId,
      email: who.email,
      mode: c.get('mode'),
      action,
      target,
      detail,
      address: clientAddress(c.req.raw),
    },
    Date.now(),
  );
}
