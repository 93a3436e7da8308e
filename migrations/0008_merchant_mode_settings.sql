CREATE TABLE `merchant_mode_settings` (
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`notification_url` text,
	`webhook_secret_sealed` text NOT NULL,
	`webhook_secret_previous_sealed` text,
	`webhook_secret_previous_until` integer,
	`bank_accounts` text DEFAULT '[]' NOT NULL,
	`spei_clabe` text,
	`allowed_origins` text DEFAULT '[]' NOT NULL,
	`enabled_methods` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`merchant_id`, `mode`),
	FOREIGN KEY (`merchant_id`) REFERENCES `merchants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `merchant_mode_settings` (`merchant_id`, `mode`, `notification_url`, `webhook_secret_sealed`, `webhook_secret_previous_sealed`, `webhook_secret_previous_until`, `bank_accounts`, `spei_clabe`, `allowed_origins`, `enabled_methods`, `updated_at`)
SELECT `m`.`id`, `x`.`mode`, `m`.`notification_url`, `m`.`webhook_secret_sealed`, `m`.`webhook_secret_previous_sealed`, `m`.`webhook_secret_previous_until`, `m`.`bank_accounts`, `m`.`spei_clabe`, `m`.`allowed_origins`, `m`.`enabled_methods`, `m`.`created_at`
FROM `merchants` AS `m` CROSS JOIN (SELECT 'test' AS `mode` UNION ALL SELECT 'live') AS `x`;
--> statement-breakpoint
ALTER TABLE `merchants` DROP COLUMN `notification_url`;--> statement-breakpoint
ALTER TABLE `merchants` DROP COLUMN `allowed_origins`;--> statement-breakpoint
ALTER TABLE `merchants` DROP COLUMN `bank_accounts`;--> statement-breakpoint
ALTER TABLE `merchants` DROP COLUMN `spei_clabe`;--> statement-breakpoint
ALTER TABLE `merchants` DROP COLUMN `enabled_methods`;--> statement-breakpoint
ALTER TABLE `merchants` DROP COLUMN `webhook_secret_sealed`;--> statement-breakpoint
ALTER TABLE `merchants` DROP COLUMN `webhook_secret_previous_sealed`;--> statement-breakpoint
ALTER TABLE `merchants` DROP COLUMN `webhook_secret_previous_until`;
--> statement-breakpoint
CREATE TABLE `__new_disabled_endpoints` (
	`merchant_id` text NOT NULL,
	`mode` text NOT NULL,
	`url` text NOT NULL,
	`disabled_at` integer NOT NULL,
	PRIMARY KEY(`merchant_id`, `mode`, `url`)
);
--> statement-breakpoint
INSERT INTO `__new_disabled_endpoints` (`merchant_id`, `mode`, `url`, `disabled_at`)
SELECT `d`.`merchant_id`, `x`.`mode`, `d`.`url`, `d`.`disabled_at`
FROM `disabled_endpoints` AS `d` CROSS JOIN (SELECT 'test' AS `mode` UNION ALL SELECT 'live') AS `x`;
--> statement-breakpoint
DROP TABLE `disabled_endpoints`;--> statement-breakpoint
ALTER TABLE `__new_disabled_endpoints` RENAME TO `disabled_endpoints`;
--> statement-breakpoint
UPDATE `gateway_accounts` SET `enabled` = false WHERE `mode` = 'live' AND `gateway` = 'sandbox';
