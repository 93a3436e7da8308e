import { registerDialectAdapter } from '../webhooks/dialect-hook';
import { CASHIER_EVENTS, cashierBody } from './cashier/payload';
import { type DialectExtras, dialectExtras, dialectReceives } from './delivery';
import { FINTOC_EVENTS, fintocBody } from './fintoc/payload';
import { seed004Body } from './orders/payload';
import { seed003Body } from './pix-direct/payload';

/**
 * How each provider dialect takes part in webhook delivery: which events its URL receives, what its
 * body needs, and the body in its document's shape (null: Borda's canonical body). Registered with
 * the webhook sender when the Worker's entry loads this module.
 */
registerDialectAdapter({
  extras: dialectExtras,
  receives: (dialect, event, target, extras) =>
    dialectReceives(dialect, event, target, extras as DialectExtras),
  body(e, dialect, raw) {
    const extras = (raw ?? {}) as DialectExtras;
    if (dialect === 'seed003') return seed003Body(e);
    if (dialect === 'seed004') return seed004Body(e, extras.order);
    if (dialect === 'seed002' && extras.fintoc && FINTOC_EVENTS.has(e.type))
      return fintocBody(e, extras.fintoc);
    if (dialect === 'seed000' && CASHIER_EVENTS.has(e.type)) return cashierBody(e);
    return null;
  },
});
