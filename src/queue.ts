import { handleExpireMessage } from './jobs/cron';
import type { NotifyMessage } from './notifications/messages';
import { handleNotifyMessage } from './notifications/send';
import { handleDeadLetter, handleDeliverMessage } from './webhooks/consumer';
import type { DeliverMessage, ExpireMessage } from './webhooks/messages';

/** One queue handler for every queue; the queue's name says which consumer a batch is for. */
export async function handleQueue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const deadLetters = batch.queue.endsWith('-dlq');
  await Promise.all(
    batch.messages.map(async (message) => {
      const body = message.body as DeliverMessage | ExpireMessage | NotifyMessage;
      try {
        if (body.kind === 'notify') await handleNotifyMessage(env, message as Message<NotifyMessage>);
        else if (body.kind === 'expire') await handleExpireMessage(env, message as Message<ExpireMessage>);
        else if (deadLetters) await handleDeadLetter(env, message as Message<DeliverMessage>);
        else await handleDeliverMessage(env, message as Message<DeliverMessage>);
      } catch (err) {
        console.error(
          `queue ${batch.queue} message ${message.id} failed: ${err instanceof Error ? err.message : 'unknown'}`,
          (err as Error).stack,
        );
        message.retry({ delaySeconds: 10 });
      }
    }),
  );
}
