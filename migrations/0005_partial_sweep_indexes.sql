DROP INDEX `checkout_sessions_due_idx`;--> statement-breakpoint
DROP INDEX `checkout_sessions_held_idx`;--> statement-breakpoint
CREATE INDEX `checkout_sessions_due_idx` ON `checkout_sessions` (`status`,`expires_at`) WHERE "checkout_sessions"."status" IN ('open', 'pending');--> statement-breakpoint
CREATE INDEX `checkout_sessions_held_idx` ON `checkout_sessions` (`pending_until`) WHERE "checkout_sessions"."status" = 'pending' AND "checkout_sessions"."pending_until" IS NOT NULL;