CREATE TABLE `cash_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`cashier` text NOT NULL,
	`cashier_name` text NOT NULL,
	`opened_at` text NOT NULL,
	`opening_float` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`closed_at` text,
	`counted` text,
	`expected` text,
	`difference` integer,
	`approved_by` text,
	CONSTRAINT "cash_sessions_state_check" CHECK("cash_sessions"."state" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cash_sessions_one_open_idx` ON `cash_sessions` (`state`) WHERE "cash_sessions"."state" = 'open';--> statement-breakpoint
CREATE TABLE `cashier_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`receipt_number` text NOT NULL,
	`codigo_interno` integer NOT NULL,
	`bill_number` integer NOT NULL,
	`period` text NOT NULL,
	`amount` integer NOT NULL,
	`cash` integer NOT NULL,
	`card` integer NOT NULL,
	`check_amount` integer NOT NULL,
	`change` integer NOT NULL,
	`tenders` text NOT NULL,
	`taken_at` text NOT NULL,
	`warning` text,
	`state` text DEFAULT 'valid' NOT NULL,
	`voided_at` text,
	`voided_by` text,
	`void_reason` text,
	FOREIGN KEY (`session_id`) REFERENCES `cash_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cashier_payments_state_check" CHECK("cashier_payments"."state" in ('valid', 'voided'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cashier_payments_receipt_idx` ON `cashier_payments` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `cashier_payments_session_idx` ON `cashier_payments` (`session_id`,`taken_at`);--> statement-breakpoint
CREATE TABLE `number_series` (
	`name` text PRIMARY KEY NOT NULL,
	`next` integer NOT NULL
);
