import type { EmailSender, OutgoingEmail } from './types';

/**
 * Cloudflare Email Service through the Worker's `send_email` binding (`[[send_email]] name = "EMAIL"`):
 * `env.EMAIL.send({ from, to, subject, html, text })` answers `{ messageId }`
 * (https://developers.cloudflare.com/email-service/api/send-emails/workers-api/, public beta since
 * 2026-04-16: https://developers.cloudflare.com/changelog/post/2026-04-16-email-sending-public-beta/).
 * `wrangler dev` simulates the binding locally (miniflare's SendEmailBinding stores the parts and logs
 * them); the sender must be on a domain onboarded to Email Sending in production.
 */
export function cloudflareEmailSender(binding: SendEmail): EmailSender {
  return {
    name: 'cloudflare',
    async send(email: OutgoingEmail) {
      try {
        const result = await binding.send({
          from: email.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
        });
        return { ok: true, messageId: result.messageId };
      } catch (err) {
        // The binding reports refusals as errors; they are retried on the schedule, which bounds them.
        return {
          ok: false,
          retryable: true,
          error: `send_email: ${err instanceof Error ? err.message : 'unknown'}`.slice(0, 300),
          retryAfterMs: null,
        };
      }
    },
  };
}
