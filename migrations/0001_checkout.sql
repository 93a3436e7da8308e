CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`method` text NOT NULL,
	`gateway` text NOT NULL,
	`status` text NOT NULL,
	`amount` integer NOT NULL,
	`currency` text NOT NULL,
	`installments` integer DEFAULT 1 NOT NULL,
	`details` text NOT NULL,
	`customer` text,
	`gateway_reference` text,
	`failure_code` text,
	`failure_message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`paid_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `checkout_sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_session_idx` ON `payments` (`session_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payments_merchant_created_idx` ON `payments` (`merchant_id`,`mode`,`created_at`);--> statement-breakpoint
ALTER TABLE `merchants` ADD `city` text;--> statement-breakpoint
ALTER TABLE `merchants` ADD `allowed_origins` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `merchants` ADD `enabled_methods` text;