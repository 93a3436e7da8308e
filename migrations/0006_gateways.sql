CREATE TABLE `gateway_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`gateway` text NOT NULL,
	`name` text NOT NULL,
	`credentials_sealed` text NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`priority` integer DEFAULT 100 NOT NULL,
	`rules` text DEFAULT '{}' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`open_until` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gateway_accounts_name_idx` ON `gateway_accounts` (`merchant_id`,`mode`,`name`);--> statement-breakpoint
CREATE INDEX `gateway_accounts_merchant_idx` ON `gateway_accounts` (`merchant_id`,`mode`,`priority`);--> statement-breakpoint
CREATE TABLE `gateway_events` (
	`gateway` text NOT NULL,
	`event_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`gateway`, `merchant_id`, `event_id`)
);
--> statement-breakpoint
CREATE TABLE `payment_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`session_id` text NOT NULL,
	`gateway` text NOT NULL,
	`account_id` text,
	`outcome` text NOT NULL,
	`error_code` text,
	`reference` text,
	`latency_ms` integer NOT NULL,
	`started_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payment_attempts_payment_idx` ON `payment_attempts` (`payment_id`,`started_at`);