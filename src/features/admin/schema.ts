import * as z from 'zod';
import { COUNTRY_CODES } from '../../domain/countries';
import { UrlString } from '../shared/schemas';

export const CreateMerchant = z
  .strictObject({
    name: z.string().trim().min(1).max(100).meta({ description: 'Display name shown on the checkout page.' }),
    country: z.enum(COUNTRY_CODES).nullable().optional(),
    notification_url: UrlString.nullable()
      .optional()
      .meta({ description: 'Starting webhook URL of both modes; each mode changes its own afterwards.' }),
    city: z.string().trim().min(1).max(60).optional().meta({ description: 'City shown in PIX codes.' }),
    allowed_origins: z
      .array(z.url({ protocol: /^https?$/ }).max(255))
      .max(20)
      .optional()
      .meta({ description: 'Origins that may embed the checkout and call the client API.' }),
  })
  .meta({ id: 'CreateMerchant' });
export type CreateMerchant = z.infer<typeof CreateMerchant>;

const KeyPair = z.object({ test: z.string(), live: z.string() });

export const CreatedMerchant = z
  .object({
    merchant_id: z.string(),
    name: z.string(),
    country: z.enum(COUNTRY_CODES).nullable(),
    notification_url: z.string().nullable(),
    secret_keys: KeyPair.meta({ description: 'sk_test_... and sk_live_...; shown only in this response.' }),
    public_keys: KeyPair.meta({ description: 'pk_test_... and pk_live_..., for the checkout widget.' }),
    webhook_secrets: KeyPair.meta({
      description: "whsec_... per mode: verifies that mode's webhook signatures; shown only here.",
    }),
    created_at: z.string(),
  })
  .meta({ id: 'CreatedMerchant' });

/** An operator's invite of a panel user to a merchant. */
export const InvitePanelUser = z
  .strictObject({
    email: z.email().max(254),
    role: z.enum(['owner', 'developer', 'support']),
  })
  .meta({ id: 'InvitePanelUser' });
export type InvitePanelUser = z.infer<typeof InvitePanelUser>;
