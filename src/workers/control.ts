// The dialects' webhook bodies register with the sender before any event is shaped.
import '../dialects/payloads';
import { buildApp } from '../http/app';
import { controlPart } from './control-part';

/**
 * The control Worker: the panel, the merchant API past the checkout, the admin API and the reference.
 * No public route: the edge Worker hands it its paths (src/workers/owner.ts).
 */
export default { fetch: buildApp([controlPart]).fetch } satisfies ExportedHandler<Env>;
