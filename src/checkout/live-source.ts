import { registerStatusSource } from '../core/session/live-status';
import { loadCheckout } from './api/load';
import { clientStatusView } from './api/view';

/**
 * The checkout tells the session core how its page's status is read and shown, so the SessionDO can
 * serve and push it without importing the page. Loaded by the Worker's entry.
 */
registerStatusSource({ load: loadCheckout, view: clientStatusView });
