CREATE TABLE `panel_users` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`invite_hash` text,
	`invite_expires_at` integer,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	`totp_secret_sealed` text,
	`totp_pending_sealed` text,
	`totp_last_step` integer,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `panel_users_email_idx` ON `panel_users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `panel_users_invite_idx` ON `panel_users` (`invite_hash`);--> statement-breakpoint
CREATE INDEX `panel_users_merchant_idx` ON `panel_users` (`merchant_id`);--> statement-breakpoint
CREATE TABLE `panel_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`merchant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`address` text,
	`verified` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `panel_sessions_token_idx` ON `panel_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `panel_sessions_user_idx` ON `panel_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`attempts` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`merchant_id` text NOT NULL,
	`user_id` text,
	`email` text,
	`mode` text,
	`action` text NOT NULL,
	`target` text,
	`detail` text,
	`address` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_merchant_idx` ON `audit_log` (`merchant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `merchant_mode_settings` ADD `default_max_installments` integer;--> statement-breakpoint
ALTER TABLE `merchant_mode_settings` ADD `default_max_installments_interest` integer;--> statement-breakpoint
ALTER TABLE `merchant_mode_settings` ADD `default_interest` real;
