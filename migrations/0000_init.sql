CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_idx` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE INDEX `api_keys_merchant_idx` ON `api_keys` (`merchant_id`,`mode`);--> statement-breakpoint
CREATE TABLE `checkout_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`country` text NOT NULL,
	`merchant_order_id` text NOT NULL,
	`payment_method` text,
	`gateway_first_try` text,
	`description` text,
	`locale` text,
	`customer` text,
	`metadata` text NOT NULL,
	`payment_settings` text,
	`success_url` text,
	`cancel_url` text,
	`notification_url` text,
	`checkout_url` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkout_sessions_live_order_idx` ON `checkout_sessions` (`merchant_id`,`mode`,`merchant_order_id`) WHERE "checkout_sessions"."status" IN ('open', 'pending', 'paid');--> statement-breakpoint
CREATE INDEX `checkout_sessions_order_idx` ON `checkout_sessions` (`merchant_id`,`mode`,`merchant_order_id`);--> statement-breakpoint
CREATE INDEX `checkout_sessions_created_idx` ON `checkout_sessions` (`merchant_id`,`mode`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `checkout_sessions_due_idx` ON `checkout_sessions` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`type` text NOT NULL,
	`session_id` text,
	`payment_id` text,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	`enqueued_at` integer
);
--> statement-breakpoint
CREATE INDEX `events_merchant_created_idx` ON `events` (`merchant_id`,`mode`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `events_session_idx` ON `events` (`session_id`);--> statement-breakpoint
CREATE INDEX `events_unenqueued_idx` ON `events` (`enqueued_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` integer NOT NULL,
	`locked_until` integer,
	PRIMARY KEY(`merchant_id`, `mode`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `merchants` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`country` text,
	`notification_url` text,
	`webhook_secret_sealed` text NOT NULL,
	`created_at` integer NOT NULL
);
