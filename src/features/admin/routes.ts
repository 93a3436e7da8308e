import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { checkWebhookUrl } from '../../domain/urls';
import { presentedKey } from '../../http/auth';
import { jsonBody } from '../../http/body';
import type { AppEnv } from '../../http/context';
import { contract } from '../../http/contract';
import { ApiError, fieldError } from '../../http/errors';
import { rawBody } from '../../http/middleware';
import { baseUrlOf } from '../../http/problem';
import { serviceCtx } from '../../http/service-ctx';
import { timingSafeEqualText } from '../../lib/crypto';
import { isoUtc } from '../../lib/time';
import { inviteUser } from '../panel/users';
import { createMerchant } from './merchants';
import { CreatedMerchant, CreateMerchant, InvitePanelUser } from './schema';

/** Operator-only API, behind the ADMIN_TOKEN Worker secret. */
const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const token = presentedKey(c.req.raw);
  const expected = c.get('platform').config.adminToken;
  if (!token || !expected || !timingSafeEqualText(token, expected)) {
    throw new ApiError(
      'authentication_required',
      'Send the operator token as Authorization: Bearer <ADMIN_TOKEN>.',
    );
  }
  await next();
});

// The token is checked before the body is read, so an anonymous caller cannot make us buffer it.
export const adminRoutes = new Hono<AppEnv>()
  .use(requireAdmin, rawBody)
  .post(
    '/merchants',
    contract({
      operationId: 'createMerchant',
      summary: 'Create a merchant with its keys (operator only)',
      tag: 'Admin',
      auth: 'adminToken',
      body: CreateMerchant,
      ok: { 201: { description: 'The merchant and its keys, shown only once', schema: CreatedMerchant } },
      errors: ['authentication_required', 'invalid_api_key', 'validation_failed'],
    }),
    async (c) => {
      const input = jsonBody(c, CreateMerchant);
      if (input.notification_url) {
        const problem = checkWebhookUrl(input.notification_url, {
          allowLoopback: c.get('platform').config.allowLoopbackUrls,
        });
        if (problem) throw fieldError('notification_url', problem.code, problem.message);
      }
      const created = await createMerchant({
        ctx: serviceCtx(c),
        input,
      });
      return c.json(created, 201);
    },
  )
  .post(
    '/merchants/:id/users',
    contract({
      operationId: 'invitePanelUser',
      summary: "Invite a person to a merchant's control panel; the answer holds the one-time invite link",
      tag: 'Admin',
      auth: 'adminToken',
      body: InvitePanelUser,
      ok: { 201: { description: 'The invite (its link is shown only here; only its hash is stored)' } },
      errors: ['authentication_required', 'invalid_api_key', 'validation_failed', 'not_found'],
    }),
    async (c) => {
      const input = jsonBody(c, InvitePanelUser);
      const invite = await inviteUser(
        c.get('db'),
        input,
        {
          merchantId: c.req.param('id'),
          userId: null,
          email: 'operator',
          address: c.req.header('cf-connecting-ip') ?? null,
        },
        Date.now(),
      );
      return c.json(
        {
          object: 'panel_invite',
          user_id: invite.userId,
          email: input.email.toLowerCase(),
          role: input.role,
          invite_url: `${baseUrlOf(c)}/dashboard/invite/${invite.token}`,
          expires_at: isoUtc(invite.expiresAt),
        },
        201,
      );
    },
  );
