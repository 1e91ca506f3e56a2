CREATE TABLE "applied_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"table_name" text NOT NULL,
	"row_key" text NOT NULL,
	"op" text NOT NULL,
	"scope" text,
	"row" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_log_op_check" CHECK ("change_log"."op" in ('put', 'del'))
);
--> statement-breakpoint
CREATE TABLE "rejected_events" (
	"id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"type" text NOT NULL,
	"reason" text NOT NULL,
	"payload" jsonb NOT NULL,
	"rejected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriber_credits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"codigo_interno" integer NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "subscriber_credits_payment_id_unique" UNIQUE("payment_id"),
	CONSTRAINT "subscriber_credits_amount_check" CHECK ("subscriber_credits"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "applied_events" ADD CONSTRAINT "applied_events_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rejected_events" ADD CONSTRAINT "rejected_events_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applied_events_device_idx" ON "applied_events" USING btree ("device_id","id");--> statement-breakpoint
CREATE INDEX "change_log_key_idx" ON "change_log" USING btree ("table_name","row_key");--> statement-breakpoint
CREATE INDEX "rejected_events_id_idx" ON "rejected_events" USING btree ("id");--> statement-breakpoint
CREATE INDEX "subscriber_credits_subscriber_idx" ON "subscriber_credits" USING btree ("codigo_interno");