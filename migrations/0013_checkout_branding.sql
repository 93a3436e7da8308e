-- The checkout page's look, per merchant and mode: an optional logo (a small image data URL, served
-- inline so the page's CSP stays 'self' data:) and a brand colour for its buttons and selections.
-- Both optional; existing settings keep the default look.
ALTER TABLE `merchant_mode_settings` ADD `brand_color` text;
--> statement-breakpoint
ALTER TABLE `merchant_mode_settings` ADD `logo` text;
