CREATE TABLE `refunds` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`session_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`reason` text,
	`metadata` text NOT NULL,
	`origin` text NOT NULL,
	`gateway` text NOT NULL,
	`gateway_reference` text,
	`failure_code` text,
	`bank_account_sealed` text,
	`bank_account_hint` text,
	`window_closes_at` integer,
	`gateway_action_url` text,
	`completed_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `refunds_payment_idx` ON `refunds` (`payment_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `refunds_merchant_created_idx` ON `refunds` (`merchant_id`,`mode`,`created_at`);--> statement-breakpoint
CREATE INDEX `refunds_pending_idx` ON `refunds` (`updated_at`) WHERE "refunds"."status" = 'pending';--> statement-breakpoint
ALTER TABLE `payments` ADD `refunded_amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `settlement_flag` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `flag_resolution` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `received_amount` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `received_currency` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `voided_at` integer;--> statement-breakpoint
ALTER TABLE `payments` ADD `void_error` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `reconciled_at` integer;--> statement-breakpoint
CREATE INDEX `payments_reconcile_idx` ON `payments` (`created_at`) WHERE "payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `payments_void_idx` ON `payments` (`session_id`) WHERE "payments"."status" IN ('canceled', 'expired') AND "payments"."voided_at" IS NULL AND "payments"."gateway_reference" IS NOT NULL;
--> statement-breakpoint
ALTER TABLE `merchant_mode_settings` ADD `late_payment_policy` text DEFAULT 'hold' NOT NULL;
