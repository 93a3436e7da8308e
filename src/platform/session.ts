import type {
  PayCommand,
  PayOutcome,
  SettleCommand,
  StatusCommand,
  TransitionCommand,
  TransitionOutcome,
} from '../core/session/commands';
import type { StatusRead } from '../core/session/live-status';
import type { RefundCommand, RefundOutcome } from '../core/session/refund-command';
import type { RefundUpdateCommand } from '../core/session/refund-update';
import type { SessionDO } from '../core/session/session-do';

/**
 * Typed calls into a session's object. RPC return types are rewritten for serialization, which
 * loses the outcome unions' discriminant; the values themselves are plain data and arrive intact.
 */
export type SessionStub = ReturnType<typeof sessionStub>;

export function sessionStub(env: Pick<Env, 'SESSION_DO'>, sessionId: string) {
  const ns = env.SESSION_DO as unknown as DurableObjectNamespace<SessionDO>;
  const stub = ns.get(ns.idFromName(sessionId));
  return {
    transition: (cmd: TransitionCommand) => stub.transition(cmd) as Promise<TransitionOutcome>,
    pay: (cmd: PayCommand) => stub.pay(cmd) as Promise<PayOutcome>,
    settle: (cmd: SettleCommand) => stub.settle(cmd) as Promise<PayOutcome>,
    accept: (cmd: SettleCommand) => stub.accept(cmd) as Promise<PayOutcome>,
    refund: (cmd: RefundCommand) => stub.refund(cmd) as Promise<RefundOutcome>,
    updateRefund: (cmd: RefundUpdateCommand) => stub.updateRefund(cmd) as Promise<RefundOutcome>,
    status: (cmd: StatusCommand) => stub.status(cmd) as Promise<StatusRead | null>,
    fetch: (request: Request) => stub.fetch(request),
  };
}
