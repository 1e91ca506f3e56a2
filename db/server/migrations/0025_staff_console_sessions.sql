CREATE TABLE "staff_console_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"changes_through" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"flash_kind" text,
	"flash_text" text,
	CONSTRAINT "staff_console_sessions_flash_check" CHECK (("staff_console_sessions"."flash_kind" is null and "staff_console_sessions"."flash_text" is null) or ("staff_console_sessions"."flash_kind" in ('ok', 'error') and "staff_console_sessions"."flash_text" is not null))
);
--> statement-breakpoint
ALTER TABLE "staff_console_sessions" ADD CONSTRAINT "staff_console_sessions_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_console_sessions_staff_idx" ON "staff_console_sessions" USING btree ("staff_id","created_at");