import { type Ports, ports } from './ports';
import { type SessionStub, sessionStub } from './session';

/** Every port, with typed calls into a session's Durable Object. */
export type Platform = Ports & {
  /** Typed calls into one session's Durable Object. */
  session: (sessionId: string) => SessionStub;
};

/**
 * The one place `env` becomes what the code uses: entry points (fetch middleware, queue, cron) call
 * this and pass the result down; nothing outside src/platform/ reads a binding or a variable.
 */
export function platform(env: Env): Platform {
  return { ...ports(env), session: (sessionId) => sessionStub(env, sessionId) };
}
