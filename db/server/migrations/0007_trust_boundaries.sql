CREATE TABLE "receipt_series" (
	"prefix" text PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "receipt_series_device_id_unique" UNIQUE("device_id")
);
--> statement-breakpoint
CREATE TABLE "staff_approval_keys" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"approval_key" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cash_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"cashier" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opening_float" integer NOT NULL,
	"closed_at" timestamp with time zone,
	"difference" integer,
	"approved_by" text
);
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_channel_check";--> statement-breakpoint
ALTER TABLE "deployments" ADD COLUMN "feed_epoch" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "office" text;--> statement-breakpoint
ALTER TABLE "enrollment_codes" ADD COLUMN "office" text;--> statement-breakpoint
ALTER TABLE "enrollment_codes" ADD COLUMN "receipt_prefix" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "device_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "cash_session_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "cashier" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "state" text DEFAULT 'valid' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payment_voids" ADD COLUMN "device_id" uuid;--> statement-breakpoint
ALTER TABLE "payment_voids" ADD COLUMN "cashier" text;--> statement-breakpoint
ALTER TABLE "payment_voids" ADD COLUMN "approval" text;--> statement-breakpoint
ALTER TABLE "subscriber_credits" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "receipt_series" ADD CONSTRAINT "receipt_series_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_approval_keys" ADD CONSTRAINT "staff_approval_keys_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cash_sessions" ADD CONSTRAINT "cash_sessions_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cash_sessions_device_idx" ON "cash_sessions" USING btree ("device_id","opened_at");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_bill_idx" ON "payments" USING btree ("bill_number");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_device_receipt_key" ON "payments" USING btree ("reference") WHERE "payments"."device_id" is not null;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_state_check" CHECK ("payments"."state" in ('valid', 'voided'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_channel_check" CHECK ("payments"."channel" in ('banco', 'caja', 'campo', 'en-linea', 'corresponsal'));