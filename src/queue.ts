// The dialects' webhook bodies register with the sender before any event is shaped.
import './dialects/payloads';
import './checkout/live-source';
import { handleExpireMessage } from './jobs/cron';
import type { NotifyMessage } from './notifications/messages';
import { handleNotifyBatch } from './notifications/send';
import { platform } from './platform/platform';
import { handleDeadLetter, handleDeliverBatch } from './webhooks/consumer';
import type { DeliverMessage, ExpireMessage } from './webhooks/messages';

const failure = (err: unknown) => (err instanceof Error ? err.message : 'unknown');

/**
 * One queue handler for every queue. Webhook deliveries are handled together, as one batch (a
 * few D1 round trips for all of them), and so are customer notifications; jobs and dead letters one
 * message at a time. The queue's name says whether a batch holds dead letters.
 */
export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const ports = platform(env);
  const deadLetters = batch.queue.endsWith('-dlq');
  const deliveries: Message<DeliverMessage>[] = [];
  const notices: Message<NotifyMessage>[] = [];
  const singles: Message<unknown>[] = [];
  for (const message of batch.messages) {
    const body = message.body as DeliverMessage | ExpireMessage | NotifyMessage;
    if (body.kind === 'deliver' && !deadLetters) deliveries.push(message as Message<DeliverMessage>);
    else if (body.kind === 'notify') notices.push(message as Message<NotifyMessage>);
    else singles.push(message);
  }
  await Promise.all([
    deliveries.length > 0 &&
      handleDeliverBatch(ports, deliveries).catch((err) => {
        console.error(
          `queue ${batch.queue}: ${deliveries.length} deliveries failed: ${failure(err)}`,
          (err as Error).stack,
        );
        for (const m of deliveries) m.retry({ delaySeconds: 10 });
      }),
    notices.length > 0 &&
      handleNotifyBatch(ports, notices).catch((err) => {
        console.error(`queue ${batch.queue}: ${notices.length} notifications failed: ${failure(err)}`);
        for (const m of notices) m.retry({ delaySeconds: 10 });
      }),
    ...singles.map(async (message) => {
      const body = message.body as DeliverMessage | ExpireMessage;
      try {
        if (body.kind === 'expire') await handleExpireMessage(ports, message as Message<ExpireMessage>);
        else await handleDeadLetter(ports, message as Message<DeliverMessage>);
      } catch (err) {
        console.error(`queue ${batch.queue} message ${message.id} failed: ${failure(err)}`);
        message.retry({ delaySeconds: 10 });
      }
    }),
  ]);
}
