-- The entrega de recaudo on a field laptop (docs/field-mode.md).
CREATE TABLE `field_handovers` (
	`id` text PRIMARY KEY NOT NULL,
	`handed_at` text NOT NULL,
	`collector` text NOT NULL,
	`collector_name` text NOT NULL,
	`supervisor` text NOT NULL,
	`expected_cash` integer NOT NULL,
	`expected_transfer` integer NOT NULL,
	`counted_pieces` text NOT NULL,
	`counted_cash` integer NOT NULL,
	`counted_transfer` integer NOT NULL,
	`difference` integer NOT NULL,
	`notes` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `field_handovers_handed_idx` ON `field_handovers` (`handed_at`);--> statement-breakpoint
ALTER TABLE `cash_sessions` ADD `handover_id` text;