ALTER TABLE `checkout_sessions` ADD `pending_until` integer;--> statement-breakpoint
CREATE INDEX `checkout_sessions_held_idx` ON `checkout_sessions` (`status`,`pending_until`);--> statement-breakpoint
ALTER TABLE `merchants` ADD `bank_accounts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `adjustment` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `installment_plan` text;