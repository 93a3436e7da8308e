import { type Ports, portsOf } from './ports';
import { type SessionStub, sessionStub } from './session';

/** Every port, with typed calls into a session's Durable Object. */
export type Platform = Ports & {
  /** Typed calls into one session's Durable Object. */
  session: (sessionId: string) => SessionStub;
};

const built = new WeakMap<Env, Platform>();

/**
 * The one place `env` becomes what the code uses: entry points (fetch middleware, queue, cron) call
 * this and pass the result down; nothing outside src/platform/ reads a binding or a variable. Built
 * once per `env` object (the runtime hands every request of an isolate the same one): it only wraps
 * the bindings and reads the settings, which do not change while the isolate lives.
 */
export function platform(env: Env): Platform {
  let found = built.get(env);
  if (!found) {
    found = { ...portsOf(env), session: (sessionId) => sessionStub(env, sessionId) };
    built.set(env, found);
  }
  return found;
}
