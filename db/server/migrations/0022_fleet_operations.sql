CREATE TABLE "app_releases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"platform" text NOT NULL,
	"version" text NOT NULL,
	"files" jsonb NOT NULL,
	"path" text NOT NULL,
	"release_date" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "app_releases_version_unique" UNIQUE("channel","platform","version"),
	CONSTRAINT "app_releases_channel_check" CHECK ("app_releases"."channel" in ('stable', 'pilot')),
	CONSTRAINT "app_releases_platform_check" CHECK ("app_releases"."platform" in ('linux', 'windows'))
);
--> statement-breakpoint
CREATE TABLE "device_channels" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_channels_channel_check" CHECK ("device_channels"."channel" in ('stable', 'pilot'))
);
--> statement-breakpoint
CREATE TABLE "device_diagnostics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" text,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"bundle" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_report_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "device_report_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"device_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"report" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "device_channels" ADD CONSTRAINT "device_channels_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_diagnostics" ADD CONSTRAINT "device_diagnostics_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_report_history" ADD CONSTRAINT "device_report_history_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_diagnostics_device_idx" ON "device_diagnostics" USING btree ("device_id","uploaded_at");--> statement-breakpoint
CREATE INDEX "device_report_history_device_idx" ON "device_report_history" USING btree ("device_id","received_at");