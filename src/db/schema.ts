/**
 * Every D1 table, grouped by what it holds under src/db/tables/. Times are integer milliseconds
 * since the epoch (UTC); money is integer minor units. JSON columns hold data only ever read whole.
 * drizzle-kit generates migrations/ from this module's exports.
 */
export * from './tables/gateways';
export * from './tables/merchants';
export * from './tables/notifications';
export * from './tables/orders';
export * from './tables/panel';
export * from './tables/payments';
export * from './tables/refunds';
export * from './tables/sessions';
export * from './tables/webhook-endpoints';
export * from './tables/webhooks';
