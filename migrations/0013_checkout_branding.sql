-- The checkout page's look, per merchant: an optional logo (a small image data URL, served inline so the
-- page's CSP stays 'self' data:) and a brand colour for its buttons and selections. Both optional;
-- existing merchants keep the default look.
ALTER TABLE `merchants` ADD `brand_color` text;
--> statement-breakpoint
ALTER TABLE `merchants` ADD `logo` text;
