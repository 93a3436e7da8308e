CREATE TABLE `disabled_endpoints` (
	`merchant_id` text NOT NULL,
	`url` text NOT NULL,
	`disabled_at` integer NOT NULL,
	PRIMARY KEY(`merchant_id`, `url`)
);
--> statement-breakpoint
CREATE TABLE `webhook_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`delivery_id` text NOT NULL,
	`attempted_at` integer NOT NULL,
	`status_code` integer,
	`latency_ms` integer NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `webhook_attempts_delivery_idx` ON `webhook_attempts` (`delivery_id`,`attempted_at`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`target` text NOT NULL,
	`url` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_status_code` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_event_target_idx` ON `webhook_deliveries` (`event_id`,`target`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_merchant_idx` ON `webhook_deliveries` (`merchant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `checkout_sessions` ADD `payment_failure_url` text;--> statement-breakpoint
ALTER TABLE `merchants` ADD `webhook_secret_previous_sealed` text;--> statement-breakpoint
ALTER TABLE `merchants` ADD `webhook_secret_previous_until` integer;