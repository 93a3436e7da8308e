-- A refund asked from a form carries the form's one-time key: a form sent twice (a reload, a double
-- click, a retried request) finds the refund the first one made instead of making a second. Refunds
-- made before this have none.
ALTER TABLE `refunds` ADD `request_key` text;
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_request_key_idx` ON `refunds` (`payment_id`,`request_key`) WHERE "refunds"."request_key" IS NOT NULL;
