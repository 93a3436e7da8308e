-- Per-mode defaults a session takes when its request does not say: boleto terms (due and void days,
-- fine, interest, discount, with seed 004's field names) and the customer fields the checkout must
-- collect. Sessions keep a copy of the required fields taken at creation, so a later change of the
-- setting never changes what a customer already looking at the page must type.
ALTER TABLE `merchant_mode_settings` ADD `default_boleto_terms` text;
--> statement-breakpoint
ALTER TABLE `merchant_mode_settings` ADD `required_customer_fields` text DEFAULT '[]' NOT NULL;
--> statement-breakpoint
ALTER TABLE `checkout_sessions` ADD `required_customer_fields` text;
