PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`codigo_interno` integer NOT NULL,
	`bill_number` integer NOT NULL,
	`period` text NOT NULL,
	`amount` integer NOT NULL,
	`paid_at` text NOT NULL,
	`channel` text NOT NULL,
	`reference` text,
	`state` text DEFAULT 'valid' NOT NULL
);
--> statement-breakpoint
-- Written by drizzle-kit, corrected by hand before it landed: the old table has no "state"
-- column to copy; every payment the replica held was valid (voids deleted them then).
INSERT INTO `__new_payments`("id", "codigo_interno", "bill_number", "period", "amount", "paid_at", "channel", "reference") SELECT "id", "codigo_interno", "bill_number", "period", "amount", "paid_at", "channel", "reference" FROM `payments`;--> statement-breakpoint
DROP TABLE `payments`;--> statement-breakpoint
ALTER TABLE `__new_payments` RENAME TO `payments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `payments_subscriber_idx` ON `payments` (`codigo_interno`,`paid_at`);