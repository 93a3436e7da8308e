CREATE TABLE `webhook_endpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`url` text NOT NULL,
	`enabled_events` text,
	`status` text DEFAULT 'enabled' NOT NULL,
	`description` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_endpoints_merchant_idx` ON `webhook_endpoints` (`merchant_id`,`mode`,`created_at`);--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `endpoint_id` text;--> statement-breakpoint
DROP INDEX `webhook_deliveries_event_target_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_deliveries_event_target_idx` ON `webhook_deliveries` (`event_id`,`target`,coalesce("endpoint_id", ''));--> statement-breakpoint
ALTER TABLE `webhook_attempts` ADD `response_excerpt` text;
