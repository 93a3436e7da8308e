-- Customer notifications (e-mail and SMS): one row per message, idempotent per dedupe_key
-- (session, kind, the payment or refund it is about, channel), sent through the notifications queue.
CREATE TABLE `customer_notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`session_id` text NOT NULL,
	`payment_id` text,
	`event_id` text NOT NULL,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`recipient` text NOT NULL,
	`locale` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`provider` text,
	`provider_message_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`subject` text,
	`body_text` text,
	`body_html` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_notifications_dedupe_idx` ON `customer_notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `customer_notifications_session_idx` ON `customer_notifications` (`session_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `customer_notifications_due_idx` ON `customer_notifications` (`next_attempt_at`) WHERE "customer_notifications"."status" IN ('pending', 'sending');--> statement-breakpoint
ALTER TABLE `checkout_sessions` ADD `notify_customer` text;--> statement-breakpoint
ALTER TABLE `merchant_mode_settings` ADD `notify_customer` text DEFAULT 'email' NOT NULL;
--> statement-breakpoint
-- Southpayments-style orders: the order (its id and checkout_url) stays while the session behind it is
-- replaced when the merchant re-sends its merchant_key with a new amount.
CREATE TABLE `checkout_orders` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`merchant_key` text NOT NULL,
	`session_id` text NOT NULL,
	`customer` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `checkout_orders_key_idx` ON `checkout_orders` (`merchant_id`,`mode`,`merchant_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `checkout_orders_session_idx` ON `checkout_orders` (`session_id`);
