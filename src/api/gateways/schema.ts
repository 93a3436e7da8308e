import { z } from 'zod';
import { COUNTRY_CODES } from '../../domain/countries';
import { PAYMENT_METHODS } from '../../domain/methods';
import { CURRENCY_CODES, MAX_AMOUNT } from '../../domain/money';

export const GatewayRulesInput = z
  .strictObject({
    methods: z
      .array(z.enum(PAYMENT_METHODS as [string, ...string[]]))
      .min(1)
      .optional(),
    currencies: z.array(z.enum(CURRENCY_CODES)).min(1).optional(),
    countries: z.array(z.enum(COUNTRY_CODES)).min(1).optional(),
    min_amount: z.int().min(0).max(MAX_AMOUNT).optional(),
    max_amount: z.int().min(0).max(MAX_AMOUNT).optional(),
  })
  .refine((r) => r.min_amount === undefined || r.max_amount === undefined || r.min_amount <= r.max_amount, {
    message: 'min_amount is above max_amount',
    path: ['min_amount'],
    params: { code: 'conflicting_fields' },
  });

/** Non-secret options; for the sandbox, its simulated behaviour (see src/gateways/sandbox). */
export const GatewaySettingsInput = z.strictObject({
  behaviour: z.enum(['ok', 'slow', 'fail', 'connect_timeout', 'timeout', 'hard_decline']).optional(),
  delay_ms: z.int().min(0).max(30_000).optional(),
  status_after_timeout: z.enum(['paid', 'pending', 'denied', 'not_found']).optional(),
  /** Stripe: the account has Stripe's permission to send raw card data through the API. */
  raw_card_data: z.boolean().optional(),
  /** How the sandbox answers a void: `already_paid` (money arrived first) or `fail` (unreachable). */
  void_outcome: z.enum(['ok', 'already_paid', 'fail']).optional(),
});

export const CreateGatewayAccount = z
  .strictObject({
    gateway: z.string().max(32),
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1-40 lower-case letters, digits, - or _')
      .optional()
      .meta({
        description: 'Defaults to the gateway slug; lets a merchant hold two accounts at one gateway.',
      }),
    credentials: z.record(z.string().max(64), z.string().min(1).max(2048)).default({}),
    priority: z.int().min(0).max(10_000).default(100),
    rules: GatewayRulesInput.default({}),
    settings: GatewaySettingsInput.default({}),
    enabled: z.boolean().default(true),
  })
  .meta({ id: 'CreateGatewayAccount' });
export type CreateGatewayAccount = z.infer<typeof CreateGatewayAccount>;

export const UpdateGatewayAccount = z
  .strictObject({
    credentials: z.record(z.string().max(64), z.string().min(1).max(2048)).optional(),
    priority: z.int().min(0).max(10_000).optional(),
    rules: GatewayRulesInput.optional(),
    settings: GatewaySettingsInput.optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: 'UpdateGatewayAccount' });
export type UpdateGatewayAccount = z.infer<typeof UpdateGatewayAccount>;
