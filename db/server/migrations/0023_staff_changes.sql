CREATE TABLE "staff_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"action" text NOT NULL,
	"by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_changes_action_check" CHECK ("staff_changes"."action" in ('add', 'set-password', 'deactivate', 'activate'))
);
--> statement-breakpoint
ALTER TABLE "staff_changes" ADD CONSTRAINT "staff_changes_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_changes_staff_idx" ON "staff_changes" USING btree ("staff_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_username_lower_idx" ON "staff_users" USING btree (lower("username"));