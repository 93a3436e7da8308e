/** A notifications queue message: send (or wait for) one customer notification. */
export type NotifyMessage = { kind: 'notify'; id: string };
