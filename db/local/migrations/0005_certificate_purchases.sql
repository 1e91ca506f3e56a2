CREATE TABLE `certificate_copies` (
	`certificate_id` text PRIMARY KEY NOT NULL,
	`purchase_key` text NOT NULL,
	`copy` integer NOT NULL,
	`verification_code` text NOT NULL,
	`job_id` text,
	`outcome` text,
	`detail` text,
	`reported` integer DEFAULT false NOT NULL,
	`refunded` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`purchase_key`) REFERENCES `certificate_purchases`(`purchase_key`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "certificate_copies_outcome_check" CHECK("certificate_copies"."outcome" is null or "certificate_copies"."outcome" in ('completed', 'failed', 'unknown'))
);
--> statement-breakpoint
CREATE INDEX `certificate_copies_purchase_idx` ON `certificate_copies` (`purchase_key`,`copy`);--> statement-breakpoint
CREATE INDEX `certificate_copies_job_idx` ON `certificate_copies` (`job_id`);--> statement-breakpoint
CREATE TABLE `certificate_purchases` (
	`purchase_key` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`matricula` text NOT NULL,
	`certificate_code` text NOT NULL,
	`copies_asked` integer NOT NULL,
	`created_at` text NOT NULL,
	`receipt_number` integer,
	`title` text,
	`business_name` text,
	`unit_price` integer,
	`total` integer,
	`balance` integer,
	`receipt_printed` integer DEFAULT false NOT NULL,
	CONSTRAINT "certificate_purchases_state_check" CHECK("certificate_purchases"."state" in ('asking', 'bought'))
);
--> statement-breakpoint
CREATE INDEX `certificate_purchases_created_idx` ON `certificate_purchases` (`created_at`);--> statement-breakpoint
-- Purchases kept before this migration as JSON rows in device_meta move into the tables.
INSERT INTO `certificate_purchases` SELECT
	json_extract(`value`, '$.purchaseKey'), json_extract(`value`, '$.state'), json_extract(`value`, '$.matricula'),
	json_extract(`value`, '$.certificateCode'), json_extract(`value`, '$.copiesAsked'), json_extract(`value`, '$.createdAt'),
	json_extract(`value`, '$.receiptNumber'), json_extract(`value`, '$.title'), json_extract(`value`, '$.businessName'),
	json_extract(`value`, '$.unitPrice'), json_extract(`value`, '$.total'), json_extract(`value`, '$.balance'),
	json_extract(`value`, '$.receiptPrinted')
	FROM `device_meta` WHERE `key` LIKE 'certificates.purchase.%' AND json_valid(`value`);--> statement-breakpoint
INSERT INTO `certificate_copies` SELECT
	json_extract(c.`value`, '$.certificateId'), json_extract(m.`value`, '$.purchaseKey'), json_extract(c.`value`, '$.copy'),
	json_extract(c.`value`, '$.verificationCode'), json_extract(c.`value`, '$.jobId'), json_extract(c.`value`, '$.outcome'),
	json_extract(c.`value`, '$.detail'), json_extract(c.`value`, '$.reported'), json_extract(c.`value`, '$.refunded')
	FROM `device_meta` m, json_each(m.`value`, '$.copies') c WHERE m.`key` LIKE 'certificates.purchase.%' AND json_valid(m.`value`);--> statement-breakpoint
DELETE FROM `device_meta` WHERE `key` LIKE 'certificates.purchase.%';
