PRAGMA foreign_keys=OFF;--> statement-breakpoint
-- Written by drizzle-kit, corrected by hand before it landed: the CHECK names its column without
-- the temporary table's name, which the RENAME below would leave behind.
CREATE TABLE `__new_print_jobs` (
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
	CONSTRAINT "print_jobs_state_check" CHECK("state" in ('queued', 'printing', 'done', 'failed', 'unknown'))
);
--> statement-breakpoint
INSERT INTO `__new_print_jobs`("id", "kind", "title", "content_type", "content", "printer", "state", "attempts", "last_error", "system_job_id", "copy_of", "created_at", "updated_at") SELECT "id", "kind", "title", "content_type", "content", "printer", "state", "attempts", "last_error", "system_job_id", "copy_of", "created_at", "updated_at" FROM `print_jobs`;--> statement-breakpoint
DROP TABLE `print_jobs`;--> statement-breakpoint
ALTER TABLE `__new_print_jobs` RENAME TO `print_jobs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `print_jobs_state_idx` ON `print_jobs` (`state`,`id`);