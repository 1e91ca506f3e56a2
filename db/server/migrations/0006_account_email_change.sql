ALTER TABLE "citizen_accounts" ADD COLUMN "pending_email" text;--> statement-breakpoint
ALTER TABLE "citizen_accounts" ADD COLUMN "pending_email_code_sha256" text;--> statement-breakpoint
ALTER TABLE "citizen_accounts" ADD COLUMN "pending_email_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "citizen_accounts" ADD COLUMN "pending_email_attempts" integer DEFAULT 0 NOT NULL;