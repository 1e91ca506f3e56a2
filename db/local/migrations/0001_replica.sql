CREATE TABLE `bill_access_locks` (
	`codigo_interno` integer PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`locked_until` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`content_type` text NOT NULL,
	`content` blob NOT NULL,
	`printer` text,
	`state` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`system_job_id` text,
	`copy_of` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "print_jobs_state_check" CHECK("print_jobs"."state" in ('queued', 'printing', 'done', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `print_jobs_state_idx` ON `print_jobs` (`state`,`id`);--> statement-breakpoint
CREATE TABLE `bills` (
	`bill_number` integer PRIMARY KEY NOT NULL,
	`codigo_interno` integer NOT NULL,
	`period` text NOT NULL,
	`issued_on` text NOT NULL,
	`due_on` text NOT NULL,
	`suspension_on` text NOT NULL,
	`previous_reading` integer NOT NULL,
	`current_reading` integer NOT NULL,
	`consumption_m3` integer NOT NULL,
	`line_items` text NOT NULL,
	`previous_balance` integer NOT NULL,
	`total` integer NOT NULL,
	`state` text NOT NULL,
	`paid_at` text
);
--> statement-breakpoint
CREATE INDEX `bills_subscriber_period_idx` ON `bills` (`codigo_interno`,`period`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`codigo_interno` integer NOT NULL,
	`bill_number` integer NOT NULL,
	`period` text NOT NULL,
	`amount` integer NOT NULL,
	`paid_at` text NOT NULL,
	`channel` text NOT NULL,
	`reference` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payments_subscriber_idx` ON `payments` (`codigo_interno`,`paid_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`pin_hash` text,
	`active` integer NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_username_unique` ON `staff_users` (`username`);--> statement-breakpoint
CREATE TABLE `subscribers` (
	`codigo_interno` integer PRIMARY KEY NOT NULL,
	`codigo_ruta` text NOT NULL,
	`holder_name` text NOT NULL,
	`estrato` integer NOT NULL,
	`uso` text NOT NULL,
	`address` text NOT NULL,
	`neighborhood` text NOT NULL,
	`municipality` text NOT NULL,
	`meter_serial` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `subscribers_ruta_idx` ON `subscribers` (`codigo_ruta`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`sent_at` text,
	CONSTRAINT "outbox_state_check" CHECK("__new_outbox"."state" in ('pending', 'sent', 'parked', 'discarded'))
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "type", "payload", "created_at", "state", "attempts", "last_error", "sent_at") SELECT "id", "type", "payload", "created_at", "state", "attempts", "last_error", "sent_at" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `outbox_state_idx` ON `outbox` (`state`,`id`);