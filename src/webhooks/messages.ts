/** A webhook queue message: deliver one outbox event to every URL it goes to. */
export type DeliverMessage = { kind: 'deliver'; eventId: string };
/**
 * A jobs queue message: expire these sessions if they are due (fanned out by the cron). `inD1`:
 * expire them set-based in D1 (no payment pending); otherwise each through its SessionDO.
 */
export type ExpireMessage = { kind: 'expire'; sessionIds: string[]; inD1?: boolean };

export const DELIVER_SEND_BATCH = 100; // Queues accepts at most 100 messages per sendBatch
